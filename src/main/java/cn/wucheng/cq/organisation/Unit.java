package cn.wucheng.cq.organisation;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import cn.wucheng.cq.shared.Refusal;

/**
 * A unit of the bureau. A squad's managed domains are either configured explicitly or, when none are
 * configured, the default: every catalogue domain for a class-1 or class-2 squad.
 */
@Table("unit")
public class Unit {

	@Id
	private Long id;

	private String name;

	private UnitType type;

	@MappedCollection(idColumn = "unit_id")
	private Set<ManagedDomain> managedDomains = new HashSet<>();

	@Version
	private Integer version;

	protected Unit() {
	}

	public Unit(String name, UnitType type) {
		this.name = Domain.requireText(name, "organisation.required.unitName");
		this.type = type;
	}

	public void rename(String name) {
		this.name = Domain.requireText(name, "organisation.required.unitName");
	}

	/** Changes the type; an organ unit (科室/指挥中心) manages no domains, so a set configured before is dropped. */
	public void changeType(UnitType type) {
		this.type = type;
		if (type.isOrgan()) {
			managedDomains.clear();
		}
	}

	/**
	 * Configures the managed domains; an empty set means "the default of R-03". Only squads manage domains: a
	 * section or the command centre is refused.
	 */
	public void manage(Set<Long> domainIds) {
		if (!domainIds.isEmpty() && type.isOrgan()) {
			throw Refusal.of("organisation.organManagesNoDomains");
		}
		this.managedDomains = domainIds.stream().map(ManagedDomain::new).collect(Collectors.toCollection(HashSet::new));
	}

	public Set<Long> configuredDomainIds() {
		return managedDomains.stream().map(ManagedDomain::domainId).collect(Collectors.toSet());
	}

	/** Whether this unit uses the R-03 default: all catalogue domains (class-1/class-2 squads without a set). */
	public boolean managesAllByDefault() {
		return managedDomains.isEmpty() && (type == UnitType.CLASS1_SQUAD || type == UnitType.CLASS2_SQUAD);
	}

	public boolean isSquad() {
		return type.isSquad();
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public UnitType getType() {
		return type;
	}

	public Integer getVersion() {
		return version;
	}

}
