package cn.wucheng.cq.security;

/** The roles of the system. Spring authorities are {@code ROLE_<name>}. */
public enum Role {

	/** 系统管理员: accounts and settings; sees no business data beyond what settings need. */
	ADMIN(Scope.NONE),
	/** 法制科: imports data, reviews, keeps the ledger, reads every result, publishes. */
	LEGAL(Scope.ALL),
	/** 督查科: reads every result. */
	SUPERVISION(Scope.ALL),
	/** 局领导: reads every result. */
	LEADER(Scope.ALL),
	/** 中队长: his own squad. */
	SQUAD_LEADER(Scope.UNIT),
	/** 法制员: the squad's legal officer; his own squad. */
	LEGAL_OFFICER(Scope.UNIT),
	/** 执法人员: his own points and cases. */
	OFFICER(Scope.SELF);

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

	Role(Scope scope) {
		this.scope = scope;
	}

	public Scope scope() {
		return scope;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
