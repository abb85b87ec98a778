package cn.wucheng.cq.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.Accounts;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.NotFoundException;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Accounts: the admin's list and changes, an officer's own password, and opening accounts for every formal officer.
 * Writes go to {@code app_user} by SQL that touches only the columns of the change (the login lockout writes the
 * attempt columns of the same row concurrently, so whole-row saves would undo a lock); the admin's edit is guarded by
 * {@code version}. Reads the person and unit tables by SQL for 工号 and unit names. Every change is audited.
 */
@Service
class AccountService {

	static final int PAGE_SIZE = 50;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,50}");

	private static final String ENTITY = "app_user";

	private static final String SELECT = """
			select u.id, u.username, u.display_name, u.role, u.unit_id, un.name as unit_name, u.person_id,
			  p.employee_no, p.name as person_name, u.enabled, u.locked_until, u.must_change_password, u.version,
			  u.created_at, u.password_changed_at, u.totp_enabled, u.city
			from app_user u
			left join unit un on un.id = u.unit_id
			left join person p on p.id = u.person_id
			""";

	/**
	 * A password made by the system, shown to the admin once (a flash attribute: in the database's session table
	 * until the page after the redirect has shown it).
	 */
	public record Issued(String username, String displayName, String password) implements java.io.Serializable {
	}

	/** The result of opening accounts for officers: who got one, and how many were skipped (username taken). */
	public record Provisioned(List<Issued> created, int skipped) implements java.io.Serializable {
	}

	public record UnitOption(long id, String name) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	private final Refusals refusals;

	private final PasswordPolicy policy = PasswordPolicy.standard();

	private final SessionTerminator sessions;

	private final SecurityProperties properties;

	private final BureauDirectory bureaus;

	AccountService(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PasswordEncoder encoder, AuditLog audit,
			Clock clock, Refusals refusals, SessionTerminator sessions, SecurityProperties properties,
			BureauDirectory bureaus) {
		this.bureaus = bureaus;
		this.properties = properties;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
		this.refusals = refusals;
		this.sessions = sessions;
	}

	// ---------------------------------------------------------------- reads

	/** Accounts whose username, name or 工号 contains {@code q}, optionally of one role, by username. */
	Page<Account> list(String q, Role role, int page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (q != null && !q.isBlank()) {
			where.append(" and (lower(u.username) like :q escape '\\' or lower(u.display_name) like :q escape '\\'"
					+ " or lower(p.employee_no) like :q escape '\\')");
			params.put("q", "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%");
		}
		if (role != null) {
			where.append(" and u.role = :role");
			params.put("role", role.name());
		}
		long total = jdbc.sql("select count(*) from app_user u left join person p on p.id = u.person_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		int p = Math.max(0, page);
		params.put("size", PAGE_SIZE);
		params.put("offset", (long) p * PAGE_SIZE);
		List<Account> rows = jdbc.sql(SELECT + where + " order by u.username limit :size offset :offset")
			.params(params)
			.query(this::account)
			.list();
		return new PageImpl<>(rows, PageRequest.of(p, PAGE_SIZE), total);
	}

	Optional<Account> find(long id) {
		return jdbc.sql(SELECT + " where u.id = ?").param(id).query(this::account).optional();
	}

	Account get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException(refusals.message("admin.users.error.notFound", String.valueOf(id))));
	}

	List<UnitOption> units() {
		return jdbc.sql("select id, name from unit order by name")
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/** The cities a city account may be given (issue 16 item 3): those the installation's bureaus belong to. */
	List<String> cities() {
		return bureaus.cities();
	}

	// ---------------------------------------------------------------- admin changes

	/** Creates an account with a generated initial password that must be changed at first login. */
	@Transactional
	Optional<Issued> create(AccountForm form, Errors errors) {
		String username = form.trimmedUsername();
		if (username.isEmpty()) {
			errors.rejectValue("username", "admin.users.error.usernameRequired");
		}
		else if (!USERNAME.matcher(username).matches()) {
			errors.rejectValue("username", "admin.users.error.usernameFormat");
		}
		else if (usernameExists(username)) {
			errors.rejectValue("username", "admin.users.error.usernameTaken", new Object[] { username }, null);
		}
		Optional<Links> links = validateDetails(form, null, errors);
		if (errors.hasErrors() || links.isEmpty()) {
			return Optional.empty();
		}
		String password = Accounts.generatePassword();
		LocalDateTime now = LocalDateTime.now(clock);
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, unit_id, person_id, enabled,
				  must_change_password, created_at, city)
				values (?, ?, ?, ?, ?, ?, true, true, ?, ?)""")
			.params(username, encoder.encode(password), form.trimmedDisplayName(), form.getRole().name(),
					links.get().unitId(), links.get().personId(), now, links.get().city())
			.update();
		Account created = jdbc.sql(SELECT + " where u.username = ?").param(username).query(this::account).single();
		audit.record("ACCOUNT_CREATED", ENTITY, username, refusals.message("security.audit.accountCreated"), null, describe(created));
		return Optional.of(new Issued(username, created.displayName(), password));
	}

	/**
	 * Changes name, role, unit and person. Only the security administrator changes role, unit and person (三员分立);
	 * the system administrator corrects the name and sends those three unchanged (or not at all). A stale
	 * {@code version} (someone changed the account since the form was opened) throws
	 * {@link OptimisticLockingFailureException} instead of overwriting.
	 */
	@Transactional
	boolean update(long id, AccountForm form, Errors errors) {
		Account before = get(id);
		if (!assignsRoles()) {
			boolean changes = form.getRole() != null && form.getRole() != before.role()
					|| form.getUnitId() != null && !form.getUnitId().equals(before.unitId())
					|| !form.trimmedEmployeeNo().isEmpty() && !form.trimmedEmployeeNo().equals(before.employeeNo());
			if (changes) {
				errors.rejectValue("role", "admin.users.error.rolesBySecurityAdmin");
			}
			form.setRole(before.role());
			form.setUnitId(before.unitId());
			form.setEmployeeNo(before.employeeNo());
			form.setCity(before.city());
		}
		if (isSelf(before) && form.getRole() != null && form.getRole() != before.role()) {
			errors.rejectValue("role", "admin.users.error.ownRole");
		}
		else if (form.getRole() != null && form.getRole() != before.role() && isLastEnabledAdministrator(before)) {
			errors.rejectValue("role", "admin.users.error.lastOfRole",
					new Object[] { refusals.message("role." + before.role().name()) }, null);
		}
		Optional<Links> links = validateDetails(form, id, errors);
		if (errors.hasErrors() || links.isEmpty()) {
			return false;
		}
		int updated = jdbc.sql("""
				update app_user set display_name = ?, role = ?, unit_id = ?, person_id = ?, city = ?, version = version + 1
				where id = ? and version = ?""")
			.params(form.trimmedDisplayName(), form.getRole().name(), links.get().unitId(), links.get().personId(),
					links.get().city(), id,
					form.getVersion() == null ? -1 : form.getVersion())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("app_user " + id + " changed since version " + form.getVersion());
		}
		Account after = get(id);
		String detail = refusals.message("security.audit.accountUpdated");
		if (after.role() != before.role() || !Objects.equals(after.unitId(), before.unitId())
				|| !Objects.equals(after.personId(), before.personId()) || !Objects.equals(after.city(), before.city())) {
			// The sessions carry the old role and data scope: they end, the user signs in again with the new ones.
			int ended = sessions.endAll(before.username());
			detail = refusals.message("security.audit.accountUpdated.scope",
					ended > 0 ? refusals.message("security.audit.sessionsEnded", ended) : "");
		}
		audit.record("ACCOUNT_UPDATED", ENTITY, before.username(), detail, describe(before), describe(after));
		return true;
	}

	/** Enables or disables an account; an admin cannot disable his own. */
	@Transactional
	void setEnabled(long id, boolean enabled) {
		Account before = get(id);
		if (!enabled && isSelf(before)) {
			throw Refusal.of("admin.users.error.ownDisable");
		}
		if (!enabled && isLastEnabledAdministrator(before)) {
			throw Refusal.of("admin.users.error.lastOfRole", refusals.message("role." + before.role().name()));
		}
		if (before.enabled() == enabled) {
			return;
		}
		jdbc.sql("update app_user set enabled = ?, version = version + 1 where id = ?").params(enabled, id).update();
		int ended = enabled ? 0 : sessions.endAll(before.username());
		audit.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", ENTITY, before.username(),
				enabled ? refusals.message("security.audit.accountEnabled")
						: refusals.message("security.audit.accountDisabled", ended > 0 ? refusals.message("security.audit.sessionsEnded", ended) : ""),
				describe(before),
				describe(get(id)));
	}

	/**
	 * The security administrator resets a lost second factor (not his own: that would let one administrator
	 * replace his own second factor without anybody else).
	 */
	@Transactional
	void resetSecondFactor(long id, SecondFactorService factors) {
		Account account = get(id);
		if (isSelf(account)) {
			throw Refusal.of("admin.users.error.ownSecondFactor");
		}
		factors.reset(account.username());
	}

	/** Lifts a login lock before it expires. */
	@Transactional
	void unlock(long id) {
		Account before = get(id);
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, version = version + 1 where id = ?")
			.param(id)
			.update();
		audit.record("ACCOUNT_UNLOCKED", ENTITY, before.username(), refusals.message("security.audit.accountUnlocked"), describe(before), describe(get(id)));
	}

	/** A new generated password, to be changed at next login; also lifts a lock. */
	@Transactional
	Issued resetPassword(long id) {
		Account before = get(id);
		remember(id, jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single());
		String password = Accounts.generatePassword();
		jdbc.sql("""
				update app_user set password_hash = ?, must_change_password = true, failed_attempts = 0,
				  locked_until = null, version = version + 1
				where id = ?""").params(encoder.encode(password), id).update();
		sessions.endAll(before.username());
		audit.record("PASSWORD_RESET", ENTITY, before.username(), refusals.message("security.audit.passwordReset"), describe(before),
				describe(get(id)));
		return new Issued(before.username(), before.displayName(), password);
	}

	/**
	 * 为人员开通账号: an account (username = 工号) for every formal officer without one. Post 中队长 → SQUAD_LEADER,
	 * 法制员 → LEGAL_OFFICER, others → OFFICER; unit from the person. Officers whose 工号 is already another account's
	 * username are skipped and counted.
	 */
	@Transactional
	Provisioned provisionOfficers() {
		record Candidate(long personId, String employeeNo, String name, String post, long unitId, String unitName) {
		}
		List<Candidate> candidates = jdbc.sql("""
				select p.id, p.employee_no, p.name, p.post, p.unit_id, un.name as unit_name
				from person p join unit un on un.id = p.unit_id
				where p.category = 'FORMAL' and not exists (select 1 from app_user u where u.person_id = p.id)
				order by p.employee_no""")
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
					rs.getString("post"), rs.getLong("unit_id"), rs.getString("unit_name")))
			.list();
		// usernames are unique in the installation: a 工号 another bureau's account holds is taken too (issue 16)
		Set<String> taken = new HashSet<>();
		Accounts.taken(jdbc, candidates.stream().map(Candidate::employeeNo).toList())
			.forEach(u -> taken.add(u.toLowerCase(Locale.ROOT)));
		List<Candidate> toCreate = candidates.stream()
			.filter(c -> !taken.contains(c.employeeNo().toLowerCase(Locale.ROOT)))
			.toList();
		// BCrypt is deliberately slow: hash on both cores.
		List<String> passwords = toCreate.stream().map(c -> Accounts.generatePassword()).toList();
		List<String> hashes = passwords.parallelStream().map(encoder::encode).toList();
		LocalDateTime now = LocalDateTime.now(clock);
		List<Object[]> rows = new ArrayList<>();
		List<AuditLog.Entry> entries = new ArrayList<>();
		List<Issued> issued = new ArrayList<>();
		for (int i = 0; i < toCreate.size(); i++) {
			Candidate c = toCreate.get(i);
			Role role = roleForPost(c.post());
			rows.add(new Object[] { c.employeeNo(), hashes.get(i), c.name(), role.name(), c.unitId(), c.personId(),
					Timestamp.valueOf(now) });
			entries.add(new AuditLog.Entry("ACCOUNT_CREATED", ENTITY, c.employeeNo(), refusals.message("security.audit.accountProvisioned"), null,
					describe(c.employeeNo(), c.name(), role, c.unitName(), c.employeeNo() + " " + c.name(), true)));
			issued.add(new Issued(c.employeeNo(), c.name(), passwords.get(i)));
		}
		if (!rows.isEmpty()) {
			jdbcTemplate.batchUpdate("""
					insert into app_user (username, password_hash, display_name, role, unit_id, person_id, enabled,
					  must_change_password, created_at)
					values (?, ?, ?, ?, ?, ?, true, true, ?)""", rows);
			audit.recordAll(entries);
		}
		return new Provisioned(issued, candidates.size() - toCreate.size());
	}

	/** The role an officer's account gets from his post (the person table stores the Post enum's name). */
	static Role roleForPost(String post) {
		return switch (post == null ? "" : post) {
			case "SQUAD_LEADER" -> Role.SQUAD_LEADER;
			case "LEGAL_OFFICER" -> Role.LEGAL_OFFICER;
			default -> Role.OFFICER;
		};
	}

	// ---------------------------------------------------------------- own password

	/**
	 * Changes the signed-in user's own password after checking the current one and the policy. Returns false with
	 * field errors (Chinese messages by code) when refused.
	 */
	@Transactional
	boolean changeOwnPassword(String username, PasswordForm form, Errors errors) {
		record Stored(long id, String hash) {
		}
		Stored stored = jdbc.sql("select id, password_hash from app_user where username = ?")
			.param(username)
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("password_hash")))
			.optional()
			.orElseThrow(() -> new NotFoundException(refusals.message("admin.users.error.notFound", username)));
		String current = Objects.requireNonNullElse(form.getCurrentPassword(), "");
		String next = Objects.requireNonNullElse(form.getNewPassword(), "");
		boolean currentOk = !current.isEmpty() && encoder.matches(current, stored.hash());
		if (!currentOk) {
			errors.rejectValue("currentPassword", "account.password.currentWrong");
		}
		if (next.isEmpty()) {
			errors.rejectValue("newPassword", "account.password.required");
		}
		else {
			for (PasswordPolicy.Violation v : policy.check(username, next)) {
				errors.rejectValue("newPassword", v.messageKey(),
						new Object[] { PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_BYTES }, null);
			}
			// Only once the current password is proven: otherwise this would tell a session thief the password
			// (and its predecessors).
			if (currentOk && current.equals(next)) {
				errors.rejectValue("newPassword", "account.password.sameAsCurrent");
			}
			else if (currentOk && reusesRecentPassword(stored.id(), next)) {
				errors.rejectValue("newPassword", "account.password.reused", new Object[] { historySize() }, null);
			}
		}
		if (!next.equals(Objects.requireNonNullElse(form.getRepeatPassword(), ""))) {
			errors.rejectValue("repeatPassword", "account.password.repeatMismatch");
		}
		if (errors.hasErrors()) {
			return false;
		}
		remember(stored.id(), stored.hash());
		jdbc.sql("""
				update app_user set password_hash = ?, must_change_password = false, password_changed_at = ?,
				  version = version + 1
				where id = ?""").params(encoder.encode(next), LocalDateTime.now(clock), stored.id()).update();
		audit.record("PASSWORD_CHANGED", ENTITY, username, refusals.message("security.audit.passwordChanged"), null, null);
		return true;
	}

	/**
	 * 等保 2.0 口令定期更换 (not ASVS): a new password may not repeat the last {@code cq.security.password-history}
	 * ones, the current one included — the current one is checked by the caller, the older ones here.
	 */
	private boolean reusesRecentPassword(long userId, String password) {
		int older = historySize() - 1;
		if (older <= 0) {
			return false;
		}
		return jdbc.sql("select password_hash from password_history where user_id = ? order by id desc limit ?")
			.params(userId, older)
			.query(String.class)
			.list()
			.stream()
			.anyMatch(hash -> encoder.matches(password, hash));
	}

	/** Keeps the password being replaced, and only as many older ones as the history needs. */
	private void remember(long userId, String replacedHash) {
		int older = historySize() - 1;
		if (older <= 0) {
			return;
		}
		jdbc.sql("insert into password_history (user_id, password_hash, replaced_at) values (?, ?, ?)")
			.params(userId, replacedHash, LocalDateTime.now(clock))
			.update();
		jdbc.sql("""
				delete from password_history where user_id = ? and id not in
				  (select id from (select id from password_history where user_id = ? order by id desc limit ?) kept)""")
			.params(userId, userId, older)
			.update();
	}

	private int historySize() {
		return Math.max(1, properties.passwordHistory());
	}

	// ---------------------------------------------------------------- helpers

	/** The unit and person an account is linked to, once validated. */
	private record Links(Long unitId, Long personId, String city) {
	}

	private Optional<Links> validateDetails(AccountForm form, Long accountId, Errors errors) {
		String displayName = form.trimmedDisplayName();
		if (displayName.isEmpty()) {
			errors.rejectValue("displayName", "admin.users.error.displayNameRequired");
		}
		else if (displayName.length() > 50) {
			errors.rejectValue("displayName", "admin.users.error.displayNameTooLong");
		}
		Role role = form.getRole();
		if (role == null) {
			errors.rejectValue("role", "admin.users.error.roleRequired");
		}
		else if (role.administrative() && !assignsRoles()) {
			// Only the security administrator hands out the three administrative roles (三员分立).
			errors.rejectValue("role", "admin.users.error.adminRoleBySecurityAdmin");
		}
		String city = null;
		if (role != null && role.regional()) {
			// issue 16 item 3: a city's or the province's account is handed out by the security administrator, as
			// roles are (三员分立); it is nobody's officer account, and a city account names its city
			if (!assignsRoles()) {
				errors.rejectValue("role", "admin.users.error.regionalBySecurityAdmin");
			}
			if (!form.trimmedEmployeeNo().isEmpty() || form.getUnitId() != null) {
				errors.rejectValue("employeeNo", "admin.users.error.regionalNoPerson");
			}
			if (role.level() == Role.Level.CITY) {
				city = form.trimmedCity();
				if (!bureaus.cities().contains(city)) {
					errors.rejectValue("city", "admin.users.error.cityRequired");
				}
			}
		}
		if (role != null && role.administrative()) {
			// An administrator's account is nobody's officer account: no person, no unit, no business data.
			if (!form.trimmedEmployeeNo().isEmpty()) {
				errors.rejectValue("employeeNo", "admin.users.error.adminNoPerson");
			}
			return errors.hasErrors() ? Optional.empty() : Optional.of(new Links(null, null, null));
		}
		Long unitId = form.getUnitId();
		if (unitId != null && jdbc.sql("select count(*) from unit where id = ?").param(unitId).query(Long.class).single() == 0) {
			errors.rejectValue("unitId", "admin.users.error.unitUnknown");
			unitId = null;
		}
		Long personId = null;
		String employeeNo = form.trimmedEmployeeNo();
		if (!employeeNo.isEmpty()) {
			record PersonRow(long id, long unitId) {
			}
			Optional<PersonRow> person = jdbc
				.sql("select id, unit_id from person where bureau_id = cq_bureau() and employee_no = ?")
				.param(employeeNo)
				.query((rs, n) -> new PersonRow(rs.getLong("id"), rs.getLong("unit_id")))
				.optional();
			if (person.isEmpty()) {
				errors.rejectValue("employeeNo", "admin.users.error.employeeNoUnknown", new Object[] { employeeNo },
						null);
			}
			else {
				Optional<String> other = jdbc.sql("select username from app_user where person_id = ? and id <> ?")
					.params(person.get().id(), accountId == null ? -1L : accountId)
					.query(String.class)
					.optional();
				if (other.isPresent()) {
					errors.rejectValue("employeeNo", "admin.users.error.employeeNoTaken",
							new Object[] { employeeNo, other.get() }, null);
				}
				personId = person.get().id();
				if (unitId == null && form.getUnitId() == null) {
					unitId = person.get().unitId(); // an officer's unit is his person's unit unless chosen
				}
			}
		}
		if (role == Role.OFFICER && employeeNo.isEmpty()) {
			errors.rejectValue("employeeNo", "admin.users.error.employeeNoRequired");
		}
		if ((role == Role.SQUAD_LEADER || role == Role.LEGAL_OFFICER) && form.getUnitId() == null) {
			errors.rejectValue("unitId", "admin.users.error.unitRequired");
		}
		return errors.hasErrors() ? Optional.empty() : Optional.of(new Links(unitId, personId, city));
	}

	/** In any bureau (issue 16): usernames are unique in the installation. */
	private boolean usernameExists(String username) {
		return !Accounts.taken(jdbc, List.of(username)).isEmpty();
	}

	/** Whether the signed-in user assigns roles, units and persons: the security administrator. */
	private static boolean assignsRoles() {
		return CurrentUser.find().map(u -> u.role() == Role.SECURITY_ADMIN).orElse(false);
	}

	/** An enabled account holding an administrative role that no other enabled account holds. */
	private boolean isLastEnabledAdministrator(Account account) {
		return account.role().administrative() && account.enabled()
				&& jdbc.sql("select count(*) from app_user where role = ? and enabled and id <> ?")
					.params(account.role().name(), account.id())
					.query(Long.class)
					.single() == 0;
	}

	private static boolean isSelf(Account account) {
		return CurrentUser.find().map(u -> u.username().equals(account.username())).orElse(false);
	}

	private Account account(ResultSet rs, int n) throws SQLException {
		Timestamp lockedUntil = rs.getTimestamp("locked_until");
		LocalDateTime until = lockedUntil == null ? null : lockedUntil.toLocalDateTime();
		Timestamp changed = rs.getTimestamp("password_changed_at");
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), (Long) rs.getObject("unit_id", Long.class),
				rs.getString("unit_name"), (Long) rs.getObject("person_id", Long.class), rs.getString("employee_no"),
				rs.getString("person_name"), rs.getBoolean("enabled"), until != null && until.isAfter(LocalDateTime.now(clock)),
				until, rs.getBoolean("must_change_password"), rs.getInt("version"),
				rs.getTimestamp("created_at").toLocalDateTime(), changed == null ? null : changed.toLocalDateTime(),
				rs.getBoolean("totp_enabled"), rs.getString("city"));
	}

	/** Before/after text for the audit log: one "字段=值" line per field, never a password or hash. */
	private String describe(Account a) {
		return refusals.message("security.audit.account.more", describe(a.username(), a.displayName(), a.role(),
				a.city() != null ? a.city() : a.unitName(),
				a.employeeNo() == null ? null : a.employeeNo() + " " + a.personName(), a.enabled()),
				a.locked() ? refusals.message("common.yes") : refusals.message("common.no"),
				a.mustChangePassword() ? refusals.message("common.yes") : refusals.message("common.no"));
	}

	private String describe(String username, String displayName, Role role, String unit, String person,
			boolean enabled) {
		return refusals.message("security.audit.account", username, displayName, refusals.message("role." + role.name()), unit, person,
				enabled ? refusals.message("common.yes") : refusals.message("common.no"));
	}


	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
