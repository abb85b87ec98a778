package cn.wucheng.cq.organisation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.organisation.Domain;
import cn.wucheng.cq.organisation.DomainRepository;
import cn.wucheng.cq.organisation.Unit;
import cn.wucheng.cq.organisation.UnitRepository;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/** The units of the bureau with their people and managed domains; audited changes by 法制科. */
@Service
class UnitDirectory {

	/** A row of the unit list; {@code managed} counts the configured domains (0 = none configured). */
	record UnitRow(long id, String name, UnitType type, long formal, long auxiliary, long managed) {

		/** a class-1/class-2 squad without its own set manages every catalogue domain. */
		public boolean managesAllByDefault() {
			return managed == 0 && (type == UnitType.CLASS1_SQUAD || type == UnitType.CLASS2_SQUAD);
		}

	}

	private final JdbcClient jdbc;

	private final UnitRepository units;

	private final DomainRepository domains;

	private final AuditLog audit;

	private final Refusals refusals;

	UnitDirectory(JdbcClient jdbc, UnitRepository units, DomainRepository domains, AuditLog audit, Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.units = units;
		this.domains = domains;
		this.audit = audit;
	}

	/** The units the user may see (a squad's roles only their own), searched by name and type, in one query. */
	List<UnitRow> rows(CurrentUser user, String name, UnitType type) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (!user.readsAll()) {
			where.append(" and u.id = :scopeUnit");
			params.put("scopeUnit", user.unitFilter().orElse(-1L));
		}
		if (name != null && !name.isBlank()) {
			where.append(" and u.name like :name");
			params.put("name", "%" + StaffRegister.escapeLike(name.trim()) + "%");
		}
		if (type != null) {
			where.append(" and u.type = :type");
			params.put("type", type.name());
		}
		return jdbc.sql("""
				select u.id, u.name, u.type,
				       coalesce(pc.formal, 0) as formal, coalesce(pc.aux, 0) as aux, coalesce(md.n, 0) as managed
				from unit u
				left join (select unit_id,
				                  sum(case when category = 'FORMAL' then 1 else 0 end) as formal,
				                  sum(case when category = 'AUXILIARY' then 1 else 0 end) as aux
				           from person group by unit_id) pc on pc.unit_id = u.id
				left join (select unit_id, count(*) as n from unit_domain group by unit_id) md on md.unit_id = u.id
				""" + where + " order by case u.type when 'DIRECT_SQUAD' then 1 when 'CLASS1_SQUAD' then 2"
				+ " when 'CLASS2_SQUAD' then 3 when 'SECTION' then 4 else 5 end, u.name")
			.params(params)
			.query((rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("name"), UnitType.valueOf(rs.getString("type")),
					rs.getLong("formal"), rs.getLong("aux"), rs.getLong("managed")))
			.list();
	}

	/** The unit if it exists and the user may see it; otherwise empty (404). */
	Optional<Unit> visible(long id, CurrentUser user) {
		return units.findById(id).filter(u -> user.canSeeUnit(u.getId()));
	}

	Optional<Unit> find(long id) {
		return units.findById(id);
	}

	/** The configured domains of a unit, in catalogue order. */
	List<Domain> configuredDomains(Unit unit) {
		Set<Long> ids = unit.configuredDomainIds();
		return domains.findAllByOrderBySortOrderAscNameAsc().stream().filter(d -> ids.contains(d.getId())).toList();
	}

	long caseCount(long unitId) {
		return jdbc.sql("select count(*) from case_file where unit_id = :u").param("u", unitId).query(Long.class).single();
	}

	@Transactional
	Unit add(UnitForm form) {
		checkName(null, form);
		Unit unit = new Unit(form.trimmedName(), form.getType());
		unit.manage(knownDomains(form));
		unit = units.save(unit);
		audit.record("UNIT_CREATED", "unit", unit.getName(), refusals.message("organisation.audit.unitCreated"), null, describe(unit));
		return unit;
	}

	@Transactional
	Unit edit(long id, UnitForm form) {
		Unit unit = units.findById(id).orElseThrow(NotFound::new);
		if (!Objects.equals(unit.getVersion(), form.getVersion())) {
			throw Refusal.stale();
		}
		checkName(id, form);
		String before = describe(unit);
		unit.rename(form.trimmedName());
		unit.changeType(form.getType());
		unit.manage(knownDomains(form));
		try {
			unit = units.save(unit);
		}
		catch (OptimisticLockingFailureException e) {
			throw Refusal.stale();
		}
		audit.record("UNIT_CHANGED", "unit", unit.getName(), refusals.message("organisation.audit.unitChanged"), before, describe(unit));
		return unit;
	}

	private void checkName(Long self, UnitForm form) {
		units.findByName(form.trimmedName()).filter(u -> !u.getId().equals(self)).ifPresent(u -> {
			throw Refusal.onField("name", "unit.name.taken", form.trimmedName());
		});
	}

	/** The ticked domains; an id that is not in the catalogue (a tampered form) is refused. */
	private Set<Long> knownDomains(UnitForm form) {
		Set<Long> catalogue = domains.findAll().stream().map(Domain::getId).collect(Collectors.toSet());
		if (!catalogue.containsAll(form.domainIds())) {
			throw Refusal.onField("domainIds", "unit.domains.unknown");
		}
		return form.domainIds();
	}

	private String describe(Unit u) {
		String managed = u.managesAllByDefault() ? refusals.message("organisation.audit.unit.allDomains")
				: configuredDomains(u).stream().map(Domain::getName).collect(Collectors.joining("、"));
		return refusals.message("organisation.audit.unit", u.getName(), u.getType().label(), managed);
	}

}
