package cn.wucheng.cq.organisation.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.validation.Errors;

import cn.wucheng.cq.organisation.Unit;
import cn.wucheng.cq.organisation.UnitType;

/**
 * What the unit form edits: name, type and the managed domains as a checkbox grid. No domain ticked for
 * a class-1/class-2 squad means the default of R-03 (all catalogue domains).
 */
class UnitForm {

	private String name;

	private UnitType type;

	private Set<Long> domainIds = new LinkedHashSet<>();

	private Integer version;

	static UnitForm of(Unit unit) {
		UnitForm form = new UnitForm();
		form.name = unit.getName();
		form.type = unit.getType();
		form.domainIds = new LinkedHashSet<>(unit.configuredDomainIds());
		form.version = unit.getVersion();
		return form;
	}

	void validate(Errors errors) {
		if (name == null || name.isBlank()) {
			errors.rejectValue("name", "unit.name.required");
		}
		else if (name.trim().length() > 100) {
			errors.rejectValue("name", "unit.name.tooLong", new Object[] { 100 }, null);
		}
		if (type == null && !errors.hasFieldErrors("type")) {
			errors.rejectValue("type", "unit.type.required");
		}
		if (type != null && type.isOrgan() && !domainIds().isEmpty()) {
			errors.rejectValue("domainIds", "unit.domains.organ");
		}
	}

	String trimmedName() {
		return name == null ? null : name.trim();
	}

	Set<Long> domainIds() {
		return domainIds == null ? Set.of() : domainIds;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UnitType getType() {
		return type;
	}

	public void setType(UnitType type) {
		this.type = type;
	}

	public Set<Long> getDomainIds() {
		return domainIds;
	}

	public void setDomainIds(Set<Long> domainIds) {
		this.domainIds = domainIds;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
