package cn.wucheng.cq.casework.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;

/**
 * Who may see and act on a squad's casework: 法制科, 督查科 and 局领导 read every squad; a squad leader or legal
 * officer his own squad only (another squad's records are "not found", 404). Only the squad's own leader assigns
 * handlers and signs the list; only its own legal officer reviews. Controllers' {@code @PreAuthorize} admits the
 * roles; this applies the data scope.
 */
final class CaseworkScope {

	/** Read squad pages, cases, reviews and lists. */
	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	/** Register cases, assign handlers, sign and submit the monthly list. */
	static final String SQUAD_LEADER = "hasRole('SQUAD_LEADER')";

	/** Review simple cases. */
	static final String LEGAL_OFFICER = "hasRole('LEGAL_OFFICER')";

	/**
	 * Review simple cases: the squad's legal officer, or its leader when the legal officer handled the case
	 * ({@link SimpleCases#reviewRefusal} decides per case).
	 */
	static final String SIMPLE_REVIEWER = "hasAnyRole('LEGAL_OFFICER','SQUAD_LEADER')";

	/**
	 * Write the squad's review opinion: the squad leader, or the deputy, whose account is usually an
	 * officer's ({@link SquadOpinions#forReviewer} admits only the case's designated reviewer).
	 */
	static final String SQUAD_REVIEWER = "hasAnyRole('SQUAD_LEADER','OFFICER')";

	/** The bureau-wide overview of the monthly lists. */
	static final String BUREAU = "hasAnyRole('LEGAL','SUPERVISION','LEADER')";

	private CaseworkScope() {
	}

	/** Not there or not the user's to see ({@code what}: squad or case, messages casework.notFound.*): 404. */
	static Refusal notFound(String what) {
		return Refusal.of("casework.notFound." + what).withStatus(HttpStatus.NOT_FOUND);
	}

	/** 404 for a record of a unit the user may not see. */
	static CurrentUser requireVisible(long unitId, String what) {
		CurrentUser user = CurrentUser.get();
		if (!user.canSeeUnit(unitId)) {
			throw notFound(what);
		}
		return user;
	}

	/** The squad's own user in the given role; another squad's record is 404, another role 403. */
	static CurrentUser requireOwn(long unitId, Role role, String what) {
		CurrentUser user = requireVisible(unitId, what);
		if (user.role() != role) {
			throw new AccessDeniedException("only the squad's " + role + " acts on " + what);
		}
		return user;
	}

}
