package cn.wucheng.cq.dashboard.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.FirstAdministrators;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusals;

/**
 * The installation's bureaus as the province's legal office (省厅法制处) keeps them (issue 16): the list with each
 * bureau's size, opening a bureau — its row, then its first security and system administrators
 * ({@link FirstAdministrators}) and the programme's catalogues (30 domains, evaluation items, the 18 tasks; migration
 * 9.51) — and renaming one or moving it to another city. Every change is audited.
 * <p>
 * Opening is one transaction, all or nothing: the bureau's row (audited in the acting account's bureau), then within
 * the new bureau ({@link BureauDirectory#withinTransaction}) its catalogues and its accounts. Should any step fail, no
 * bureau is left half opened (one without administrators could never get them: its code would be taken).
 */
@Service
class BureauAdministration {

	/** A bureau's code: lower-case letters, digits and '-', 2–20 characters, starting with a letter or digit. */
	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,19}");

	static final int NAME_MAX = 100;

	static final int CITY_MAX = 50;

	private static final String ENTITY = "bureau";

	/** One bureau in the list, with how many people, cases and accounts it holds. */
	record Row(Bureau bureau, long people, long cases, long accounts) {
	}

	/** A bureau just opened and its first accounts, the passwords shown once (a flash attribute: serialisable). */
	record Opened(String code, String name, String city, List<FirstAdministrators.Issued> accounts)
			implements java.io.Serializable {
	}

	private final JdbcClient jdbc;

	private final BureauDirectory directory;

	private final FirstAdministrators administrators;

	private final AuditLog audit;

	private final Refusals refusals;

	private final TransactionTemplate transactions;

	BureauAdministration(JdbcClient jdbc, BureauDirectory directory, FirstAdministrators administrators, AuditLog audit,
			Refusals refusals, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.administrators = administrators;
		this.audit = audit;
		this.refusals = refusals;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The bureaus given, each with its size, counted within it (its own rows only: the policies see to it). */
	List<Row> rows(List<Bureau> bureaus) {
		return bureaus.stream().map(b -> Bureaus.runAs(b.id(), () -> jdbc.sql("""
				select (select count(*) from person), (select count(*) from case_file), (select count(*) from app_user)""")
			.query((rs, n) -> new Row(b, rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single())).toList();
	}

	Bureau get(long id) {
		return directory.all().stream().filter(b -> b.id() == id).findFirst().orElseThrow(NotFoundException::new);
	}

	/**
	 * Opens a bureau and its first administrators; empty with the form's errors (Chinese, by message key) when
	 * refused. Not in a transaction of its caller (see the class comment).
	 */
	Optional<Opened> open(BureauForm form, Errors errors) {
		String code = form.trimmedCode();
		if (code.isEmpty()) {
			errors.rejectValue("code", "region.bureaus.error.codeRequired");
		}
		else if (!CODE.matcher(code).matches()) {
			errors.rejectValue("code", "region.bureaus.error.codeFormat");
		}
		else {
			directory.all().stream().filter(b -> b.code().equalsIgnoreCase(code)).findFirst().ifPresent(
					b -> errors.rejectValue("code", "region.bureaus.error.codeTaken", new Object[] { code, b.name() }, null));
			List<String> taken = administrators.taken(code);
			if (!errors.hasFieldErrors("code") && !taken.isEmpty()) {
				errors.rejectValue("code", "region.bureaus.error.usernameTaken",
						new Object[] { String.join(refusals.message("region.bureaus.separator"), taken) }, null);
			}
		}
		validateNameAndCity(form, null, errors);
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		try {
			return Optional.of(transactions.execute(status -> {
				jdbc.sql("insert into bureau (code, name, city) values (?, ?, ?)")
					.params(code, form.trimmedName(), form.trimmedCity())
					.update();
				Bureau opened = new Bureau(jdbc.sql("select id from bureau where code = ?").param(code)
					.query(Long.class).single(), code, form.trimmedName(), form.trimmedCity());
				audit.record("BUREAU_OPENED", ENTITY, code, refusals.message("region.bureaus.audit.opened",
						opened.name(), String.join(refusals.message("region.bureaus.separator"),
								administrators.usernames(code))),
						null, describe(opened));
				// the programme's catalogues, as the first bureau got them from the migrations (9.51), and its first
				// administrators: the new bureau's rows, in this same transaction
				List<FirstAdministrators.Issued> accounts = directory.withinTransaction(opened.id(), () -> {
					jdbc.sql("select cq_bureau_catalogues()").query().singleRow();
					return administrators.open(opened.id(), code);
				});
				return new Opened(opened.code(), opened.name(), opened.city(), accounts);
			}));
		}
		catch (DuplicateKeyException e) {
			// opened by someone else between the check and the insert
			errors.reject("region.bureaus.error.openedMeanwhile");
			return Optional.empty();
		}
	}

	/** Renames a bureau or moves it to another city; false with the form's errors when refused. */
	boolean change(long id, BureauForm form, Errors errors) {
		Bureau before = get(id);
		validateNameAndCity(form, id, errors);
		if (errors.hasErrors()) {
			return false;
		}
		Bureau after = new Bureau(id, before.code(), form.trimmedName(), form.trimmedCity());
		if (after.equals(before)) {
			return true;
		}
		try {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("update bureau set name = ?, city = ? where id = ?")
					.params(after.name(), after.city(), id)
					.update();
				audit.record("BUREAU_CHANGED", ENTITY, before.code(), refusals.message("region.bureaus.audit.changed"),
						describe(before), describe(after));
			});
		}
		catch (DuplicateKeyException e) {
			errors.rejectValue("name", "region.bureaus.error.nameTaken", new Object[] { after.name() }, null);
			return false;
		}
		return true;
	}

	private void validateNameAndCity(BureauForm form, Long id, Errors errors) {
		String name = form.trimmedName();
		if (name.isEmpty()) {
			errors.rejectValue("name", "region.bureaus.error.nameRequired");
		}
		else if (name.length() > NAME_MAX) {
			errors.rejectValue("name", "region.bureaus.error.nameTooLong", new Object[] { NAME_MAX }, null);
		}
		else if (directory.all().stream().anyMatch(b -> b.name().equals(name) && !Objects.equals(b.id(), id))) {
			errors.rejectValue("name", "region.bureaus.error.nameTaken", new Object[] { name }, null);
		}
		String city = form.trimmedCity();
		if (city != null && city.length() > CITY_MAX) {
			errors.rejectValue("city", "region.bureaus.error.cityTooLong", new Object[] { CITY_MAX }, null);
		}
	}

	/** Before/after text for the audit log: one "字段=值" line per field. */
	private String describe(Bureau b) {
		return refusals.message("region.bureaus.audit.bureau", b.code(), b.name(),
				b.city() == null ? refusals.message("region.bureaus.noCity") : b.city());
	}

}
