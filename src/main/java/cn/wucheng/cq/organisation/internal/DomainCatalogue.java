package cn.wucheng.cq.organisation.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.organisation.Domain;
import cn.wucheng.cq.organisation.DomainRepository;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/** The enforcement-domain catalogue: the list with its use, and audited changes by 法制科. */
@Service
class DomainCatalogue {

	/**
	 * A row of the list. {@code squads} counts the squads managing the domain: those that configured it plus, by the
	 * default of R-03, every class-1/class-2 squad without a configured set.
	 */
	record DomainRow(long id, String code, String name, int version, long squads, long cases) {
	}

	private final JdbcClient jdbc;

	private final DomainRepository domains;

	private final AuditLog audit;

	private final Refusals refusals;

	DomainCatalogue(JdbcClient jdbc, DomainRepository domains, AuditLog audit, Refusals refusals) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.domains = domains;
		this.audit = audit;
	}

	/** One SQL pass: counts are grouped subqueries, not a query per domain. Case counts follow the user's scope. */
	List<DomainRow> rows(CurrentUser user) {
		String caseScope = user.unitFilter().map(u -> " where unit_id = :unit").orElse("");
		return jdbc.sql("""
				select d.id, d.code, d.name, d.version,
				       coalesce(ex.n, 0) + dflt.n as squads,
				       coalesce(cs.n, 0) as cases
				from domain d
				left join (select ud.domain_id, count(*) as n
				           from unit_domain ud join unit u on u.id = ud.unit_id
				           where u.type in ('DIRECT_SQUAD', 'CLASS1_SQUAD', 'CLASS2_SQUAD')
				           group by ud.domain_id) ex on ex.domain_id = d.id
				cross join (select count(*) as n from unit u
				            where u.type in ('CLASS1_SQUAD', 'CLASS2_SQUAD')
				              and not exists (select 1 from unit_domain x where x.unit_id = u.id)) dflt
				left join (select domain_id, count(*) as n from case_file""" + caseScope
				+ " group by domain_id) cs on cs.domain_id = d.id order by d.sort_order, d.name")
			.params(user.unitFilter().<Map<String, Object>>map(u -> Map.of("unit", u)).orElse(Map.of()))
			.query((rs, n) -> new DomainRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getInt("version"), rs.getLong("squads"), rs.getLong("cases")))
			.list();
	}

	Optional<Domain> find(long id) {
		return domains.findById(id);
	}

	@Transactional
	Domain add(DomainForm form) {
		checkUnique(null, form);
		int nextOrder = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from domain").query(Integer.class).single();
		Domain domain = domains.save(new Domain(form.trimmedCode(), form.trimmedName(), nextOrder));
		audit.record("DOMAIN_CREATED", "domain", domain.getName(), refusals.message("organisation.audit.domainCreated"), null, describe(domain));
		return domain;
	}

	@Transactional
	Domain edit(long id, DomainForm form) {
		Domain domain = domains.findById(id).orElseThrow(NotFound::new);
		if (!Objects.equals(domain.getVersion(), form.getVersion())) {
			throw Refusal.stale();
		}
		checkUnique(id, form);
		String before = describe(domain);
		domain.change(form.trimmedCode(), form.trimmedName());
		try {
			domain = domains.save(domain);
		}
		catch (OptimisticLockingFailureException e) {
			throw Refusal.stale();
		}
		audit.record("DOMAIN_CHANGED", "domain", domain.getName(), refusals.message("organisation.audit.domainChanged"), before, describe(domain));
		return domain;
	}

	private void checkUnique(Long self, DomainForm form) {
		domains.findByName(form.trimmedName())
			.filter(d -> !d.getId().equals(self))
			.ifPresent(d -> {
				throw Refusal.onField("name", "domain.name.taken", form.trimmedName());
			});
		if (form.trimmedCode() != null) {
			boolean codeTaken = jdbc
				.sql("select count(*) from domain where bureau_id = cq_bureau() and code = ? and id <> ?")
				.params(form.trimmedCode(), self == null ? -1L : self)
				.query(Long.class)
				.single() > 0;
			if (codeTaken) {
				throw Refusal.onField("code", "domain.code.taken", form.trimmedCode());
			}
		}
	}

	private String describe(Domain d) {
		return refusals.message("organisation.audit.domain", d.getCode(), d.getName());
	}

}
