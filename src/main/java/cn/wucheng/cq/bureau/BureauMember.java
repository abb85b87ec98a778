package cn.wucheng.cq.bureau;

/**
 * Something that belongs to one bureau: the signed-in account's principal implements it, so the request's bureau is
 * the account's (issue 16). Null: not known (an account built without it, e.g. in a test), which a one-bureau
 * installation reads as its only bureau.
 */
public interface BureauMember {

	Long bureauId();

}
