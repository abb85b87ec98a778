package cn.wucheng.cq.casework;

/**
 * Published (inside the transaction) when 法制科 returns (退回) a squad's submitted monthly list (简易案件审核清单,
 * R-41) with a reason: the squad's leader and legal officer correct it, sign and submit it again. A listener runs in
 * the same transaction, so what it writes exists exactly when the return was committed.
 */
public record ReviewListReturned(long unitId, String unitName, int year, int month, String reason) {

	/** The list's page, as a path of this application. */
	public String link() {
		return "/casework/squads/" + unitId + "/lists/" + String.format("%04d-%02d", year, month);
	}

}
