package cn.wucheng.cq.organisation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import cn.wucheng.cq.shared.Refusal;

/** A member of staff, keyed by 工号. */
@Table("person")
public class Person {

	@Id
	private Long id;

	private String employeeNo;

	private String name;

	private Sex sex;

	private LocalDate birthDate;

	private StaffCategory category;

	private Long unitId;

	private Post post;

	private String phone;

	/** 执法证号, optional ({@link CertificateNo}). */
	private String certificateNo;

	@MappedCollection(idColumn = "person_id")
	private Set<UnitAssignment> unitHistory = new HashSet<>();

	@Version
	private Integer version;

	protected Person() {
	}

	public Person(String employeeNo, String name, Sex sex, LocalDate birthDate, StaffCategory category, Long unitId,
			Post post, String phone) {
		this.employeeNo = Domain.requireText(employeeNo, "organisation.required.employeeNo");
		this.unitId = unitId;
		this.unitHistory.add(new UnitAssignment(unitId, UnitAssignment.SINCE_ALWAYS));
		change(name, sex, birthDate, category, post, phone);
	}

	public void change(String name, Sex sex, LocalDate birthDate, StaffCategory category, Post post, String phone) {
		this.name = Domain.requireText(name, "organisation.required.personName");
		this.sex = sex;
		this.birthDate = birthDate;
		this.category = category;
		this.post = post;
		this.phone = Domain.blankToNull(phone);
	}

	/** Gives the person a 执法证号, or takes it away (blank); whether another holds it is the register's check. */
	public void holdCertificate(String certificateNo) {
		String normalised = CertificateNo.normalise(certificateNo);
		if (CertificateNo.tooLong(normalised)) {
			throw Refusal.of("organisation.certificateNo.tooLong", CertificateNo.MAX_LENGTH);
		}
		this.certificateNo = normalised;
	}

	/**
	 * Moves the person to another unit from a date on; earlier periods keep the earlier unit. The date may not
	 * precede the start of the current assignment (that would rewrite history the current unit rests on); on the same
	 * day it replaces the current assignment, which corrects a wrong entry.
	 */
	public void transfer(Long newUnitId, LocalDate from) {
		if (newUnitId == null || from == null) {
			throw Refusal.of("organisation.transfer.incomplete");
		}
		if (newUnitId.equals(unitId)) {
			return;
		}
		if (unitHistory.isEmpty()) {
			unitHistory.add(currentAssignment());
		}
		LocalDate currentSince = currentAssignment().validFrom();
		if (from.isBefore(currentSince)) {
			throw Refusal.of("organisation.transfer.beforeCurrent", currentSince);
		}
		unitHistory.removeIf(a -> a.validFrom().equals(from));
		unitHistory.add(new UnitAssignment(newUnitId, from));
		this.unitId = unitHistory.stream().max(Comparator.comparing(UnitAssignment::validFrom)).orElseThrow().unitId();
	}

	/** The assignment in force now: the one with the latest start. */
	public UnitAssignment currentAssignment() {
		return unitHistory.stream()
			.max(Comparator.comparing(UnitAssignment::validFrom))
			.orElse(new UnitAssignment(unitId, UnitAssignment.SINCE_ALWAYS));
	}

	/** 周岁 (completed years) on a date, as R-32 counts age. */
	public int ageOn(LocalDate date) {
		return Period.between(birthDate, date).getYears();
	}

	public boolean isFormal() {
		return category == StaffCategory.FORMAL;
	}

	public Long getId() {
		return id;
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public String getName() {
		return name;
	}

	public Sex getSex() {
		return sex;
	}

	public LocalDate getBirthDate() {
		return birthDate;
	}

	public StaffCategory getCategory() {
		return category;
	}

	/** The current unit (the latest assignment). */
	public Long getUnitId() {
		return unitId;
	}

	public Post getPost() {
		return post;
	}

	public String getPhone() {
		return phone;
	}

	public String getCertificateNo() {
		return certificateNo;
	}

	public Set<UnitAssignment> getUnitHistory() {
		return Set.copyOf(unitHistory);
	}

	public Integer getVersion() {
		return version;
	}

}
