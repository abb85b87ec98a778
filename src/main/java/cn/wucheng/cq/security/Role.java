package cn.wucheng.cq.security;

import java.util.Arrays;
import java.util.List;

/**
 * The roles of the system. Spring authorities are {@code ROLE_<name>}. One role per account.
 * <p>
 * 三员分立 (等保 2.0 level 3, "安全管理中心"): the three administrative roles keep apart what one super user would
 * otherwise hold — the system administrator runs accounts and settings, the security administrator assigns roles,
 * the audit administrator reads the audit log. None of them sees business data, and no account holds an
 * administrative role together with another role (see {@link #administrative()}).
 */
public enum Role {

	/** 系统管理员: accounts (create, disable, enable, unlock, reset password) and settings; cannot change roles. */
	ADMIN(Scope.NONE, true),
	/** 安全管理员: assigns roles and permissions — an account's role, unit and person; resets a second factor; unlocks a locked account. */
	SECURITY_ADMIN(Scope.NONE, true),
	/** 审计管理员: reads, verifies and exports the audit log, nothing else. */
	AUDIT_ADMIN(Scope.NONE, true),
	/** 法制科: imports data, reviews, keeps the ledger, reads every result, publishes. */
	LEGAL(Scope.ALL, false),
	/** 督查科: reads every result. */
	SUPERVISION(Scope.ALL, false),
	/** 局领导: reads every result. */
	LEADER(Scope.ALL, false),
	/** 中队长: his own squad. */
	SQUAD_LEADER(Scope.UNIT, false),
	/** 法制员: the squad's legal officer; his own squad. */
	LEGAL_OFFICER(Scope.UNIT, false),
	/** 执法人员: his own points and cases. */
	OFFICER(Scope.SELF, false),
	/**
	 * 接口账号: another system (the provincial platform, an integration) pushing data — HTTP Basic on {@code /api/**}
	 * only, no page at all (SecurityConfig), and of the API only the imports and the case push (issue 14). Reads no
	 * business data.
	 */
	INTEGRATION(Scope.NONE, false),
	/**
	 * 市局法制处 (issue 16 item 3): reads the results of every bureau of its city side by side, and one bureau's within
	 * it (read only); no bureau's page for writing. Scope ALL: within a bureau it drills into, it reads every unit.
	 */
	CITY_LEGAL(Scope.ALL, false, Level.CITY),
	/** 市局督查: as {@link #CITY_LEGAL}. */
	CITY_SUPERVISION(Scope.ALL, false, Level.CITY),
	/** 省厅法制处: as {@link #CITY_LEGAL}, for every bureau of the province. */
	PROVINCE_LEGAL(Scope.ALL, false, Level.PROVINCE),
	/** 省厅督查: as {@link #PROVINCE_LEGAL}. */
	PROVINCE_SUPERVISION(Scope.ALL, false, Level.PROVINCE);

	/** Whose results a role reads: its own bureau's, or every bureau's of a city or of the province (issue 16). */
	public enum Level {
		/** The account's own bureau: every role of a county bureau. */
		BUREAU,
		/** The bureaus of the account's city (市局). */
		CITY,
		/** Every bureau of the installation (省厅). */
		PROVINCE
	}

	/** The roles of a city or the province, which compare bureaus and write nothing (issue 16 item 3). */
	public static final String REGIONAL = "hasAnyRole('CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')";

	/** How much business data a role may read. */
	public enum Scope {
		/** No business data. */
		NONE,
		/** Every unit and person. */
		ALL,
		/** The user's own unit. */
		UNIT,
		/** The user's own person record. */
		SELF
	}

	private final Scope scope;

	private final boolean administrative;

	private final Level level;

	Role(Scope scope, boolean administrative) {
		this(scope, administrative, Level.BUREAU);
	}

	Role(Scope scope, boolean administrative, Level level) {
		this.scope = scope;
		this.administrative = administrative;
		this.level = level;
	}

	public Level level() {
		return level;
	}

	/** A city's or the province's role (issue 16 item 3): compares bureaus, no bureau page of its own. */
	public boolean regional() {
		return level != Level.BUREAU;
	}

	public Scope scope() {
		return scope;
	}

	/**
	 * One of the three administrators (三员). Only the security administrator assigns these roles; their accounts
	 * are not linked to a person, sign in with a second factor and may not call the API with HTTP Basic.
	 */
	public boolean administrative() {
		return administrative;
	}

	/** The roles of the business: everything but the three administrators. */
	public static List<Role> business() {
		return Arrays.stream(values()).filter(r -> !r.administrative).toList();
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
