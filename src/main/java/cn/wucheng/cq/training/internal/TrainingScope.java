package cn.wucheng.cq.training.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;

/**
 * Who may see and act on a squad's training records: the legal section, supervision and leaders read all; a squad
 * leader or legal officer reads and acts on his own squad only (another squad's plan or session is "not found");
 * the legal section acts on every squad. Controllers' {@code @PreAuthorize} admits the roles; this applies the scope.
 */
final class TrainingScope {

	private TrainingScope() {
	}

	/**
	 * 404 for a record of a unit the user may not see ({@code what}: plan, session or unit, its message
	 * {@code training.notFound.<what>}). A record of no unit (a session of the bureau or 法制科, R-62)
	 * is seen by those who read every unit.
	 */
	static void requireVisible(Long unitId, String what) {
		if (!CurrentUser.get().canSeeUnit(unitId)) {
			throw Refusal.of("training.notFound." + what).withStatus(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * The squad's own leader or legal officer, or the legal section; others get 404 (other unit) or 403 (role). For a
	 * record of no unit (a session of the bureau or 法制科), the legal section only.
	 */
	static CurrentUser requireActorFor(Long unitId, String what) {
		CurrentUser user = CurrentUser.get();
		requireVisible(unitId, what);
		if (unitId == null) {
			return requireLegalSection();
		}
		if (user.role() != Role.LEGAL && user.role() != Role.SQUAD_LEADER && user.role() != Role.LEGAL_OFFICER) {
			throw new AccessDeniedException("only the squad or the legal section act on " + what);
		}
		return user;
	}

	static CurrentUser requireLegalSection() {
		CurrentUser user = CurrentUser.get();
		if (user.role() != Role.LEGAL) {
			throw new AccessDeniedException("only the legal section");
		}
		return user;
	}

}
