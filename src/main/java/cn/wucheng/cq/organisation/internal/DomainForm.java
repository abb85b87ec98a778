package cn.wucheng.cq.organisation.internal;

import org.springframework.validation.Errors;

import cn.wucheng.cq.organisation.Domain;

/** What the domain form edits; kept apart from the entity so binding cannot touch ids or sort order. */
class DomainForm {

	private String code;

	private String name;

	private Integer version;

	static DomainForm of(Domain domain) {
		DomainForm form = new DomainForm();
		form.code = domain.getCode();
		form.name = domain.getName();
		form.version = domain.getVersion();
		return form;
	}

	/** Checks what needs no database; uniqueness is checked when saving. */
	void validate(Errors errors) {
		if (name == null || name.isBlank()) {
			errors.rejectValue("name", "domain.name.required");
		}
		else if (name.trim().length() > 50) {
			errors.rejectValue("name", "domain.name.tooLong", new Object[] { 50 }, null);
		}
		if (code != null && code.trim().length() > 20) {
			errors.rejectValue("code", "domain.code.tooLong", new Object[] { 20 }, null);
		}
	}

	String trimmedName() {
		return name == null ? null : name.trim();
	}

	String trimmedCode() {
		return code == null || code.isBlank() ? null : code.trim();
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
