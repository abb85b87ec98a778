package cn.wucheng.cq.organisation.internal;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

import cn.wucheng.cq.organisation.CertificateNo;
import cn.wucheng.cq.organisation.Person;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;

/**
 * What the person form edits, apart from the entity. A changed unit needs {@code transferFrom}: the day from
 * which the person belongs to the new unit, so that earlier periods keep the earlier unit.
 */
class PersonForm {

	/** 工号: letters, digits, '-' and '_' as the bureau's numbers use them. */
	static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9_-]{1,30}");

	/** A mainland mobile number, or a landline with area code. */
	static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	static final int MIN_AGE = 16;

	static final int MAX_AGE = 80;

	private String employeeNo;

	private String name;

	private Sex sex;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate birthDate;

	private StaffCategory category;

	private Long unitId;

	private Post post;

	private String phone;

	/** 执法证号, optional; the rule is {@link CertificateNo}'s, the same as the people import's. */
	private String certificateNo;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate transferFrom;

	private Integer version;

	static PersonForm of(Person p) {
		PersonForm form = new PersonForm();
		form.employeeNo = p.getEmployeeNo();
		form.name = p.getName();
		form.sex = p.getSex();
		form.birthDate = p.getBirthDate();
		form.category = p.getCategory();
		form.unitId = p.getUnitId();
		form.post = p.getPost();
		form.phone = p.getPhone();
		form.certificateNo = p.getCertificateNo();
		form.version = p.getVersion();
		return form;
	}

	/** Checks what needs no database; 工号 uniqueness, the unit and the transfer date are checked when saving. */
	void validate(Errors errors, boolean isNew, LocalDate today) {
		if (isNew) {
			if (employeeNo == null || employeeNo.isBlank()) {
				errors.rejectValue("employeeNo", "person.employeeNo.required");
			}
			else if (!EMPLOYEE_NO.matcher(employeeNo.trim()).matches()) {
				errors.rejectValue("employeeNo", "person.employeeNo.pattern");
			}
		}
		if (name == null || name.isBlank()) {
			errors.rejectValue("name", "person.name.required");
		}
		else if (name.trim().length() > 50) {
			errors.rejectValue("name", "person.name.tooLong", new Object[] { 50 }, null);
		}
		required(errors, "sex", sex, "person.sex.required");
		required(errors, "birthDate", birthDate, "person.birthDate.required");
		if (birthDate != null) {
			int age = java.time.Period.between(birthDate, today).getYears();
			if (birthDate.isAfter(today) || age < MIN_AGE || age > MAX_AGE) {
				errors.rejectValue("birthDate", "person.birthDate.range", new Object[] { MIN_AGE, MAX_AGE }, null);
			}
		}
		required(errors, "category", category, "person.category.required");
		required(errors, "unitId", unitId, "person.unit.required");
		required(errors, "post", post, "person.post.required");
		if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.trim()).matches()) {
			errors.rejectValue("phone", "person.phone.pattern");
		}
		if (CertificateNo.tooLong(trimmedCertificateNo())) {
			errors.rejectValue("certificateNo", "person.certificateNo.tooLong", new Object[] { CertificateNo.MAX_LENGTH },
					null);
		}
		if (transferFrom != null && transferFrom.isAfter(today)) {
			errors.rejectValue("transferFrom", "person.transferFrom.future");
		}
	}

	/** A missing value unless the field already failed to bind (then its type-mismatch message says more). */
	private static void required(Errors errors, String field, Object value, String code) {
		if (value == null && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, code);
		}
	}

	String trimmedEmployeeNo() {
		return employeeNo == null ? null : employeeNo.trim();
	}

	/** As stored: surrounding spaces of any kind removed, null when blank. */
	String trimmedCertificateNo() {
		return CertificateNo.normalise(certificateNo);
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Sex getSex() {
		return sex;
	}

	public void setSex(Sex sex) {
		this.sex = sex;
	}

	public LocalDate getBirthDate() {
		return birthDate;
	}

	public void setBirthDate(LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public StaffCategory getCategory() {
		return category;
	}

	public void setCategory(StaffCategory category) {
		this.category = category;
	}

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public Post getPost() {
		return post;
	}

	public void setPost(Post post) {
		this.post = post;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getCertificateNo() {
		return certificateNo;
	}

	public void setCertificateNo(String certificateNo) {
		this.certificateNo = certificateNo;
	}

	public LocalDate getTransferFrom() {
		return transferFrom;
	}

	public void setTransferFrom(LocalDate transferFrom) {
		this.transferFrom = transferFrom;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
