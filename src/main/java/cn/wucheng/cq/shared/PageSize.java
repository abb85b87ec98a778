package cn.wucheng.cq.shared;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Rows per page of a long list, chosen by the user in the pager (issue 13 item 7: 20, 50 or 100) and remembered.
 * <p>
 * Remembered in a cookie per account and browser, for a year: the server reads it, so the first view of any list is
 * already at the chosen size (no script, no second request), it outlives sign-out and the session, and needs no
 * table. The cookie's name carries a hash of the user name, so officers who share a squad office's computer each keep
 * their own choice. A choice does not follow the user to another device — a preference table would, for a setting
 * this small that is not worth a schema.
 */
public final class PageSize {

	/** The sizes the pager offers. */
	public static final List<Integer> CHOICES = List.of(20, 50, 100);

	static final String COOKIE = "cq-page-size";

	private static final int ONE_YEAR = 365 * 24 * 3600;

	private PageSize() {
	}

	/**
	 * The rows per page of this request: the {@code size} parameter when it is one of the {@link #CHOICES} (and then
	 * remembered), otherwise the size the user chose before, otherwise the list's own default.
	 */
	public static int of(HttpServletRequest request, HttpServletResponse response, int listDefault) {
		String cookieName = cookieName(request);
		Integer asked = choice(request.getParameter("size"));
		if (asked != null) {
			Cookie cookie = new Cookie(cookieName, asked.toString());
			cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
			cookie.setMaxAge(ONE_YEAR);
			cookie.setHttpOnly(true);
			cookie.setSecure(request.isSecure());
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
			return asked;
		}
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (c.getName().equals(cookieName)) {
					Integer kept = choice(c.getValue());
					if (kept != null) {
						return kept;
					}
				}
			}
		}
		return listDefault;
	}

	/** The cookie of the signed-in user (a hash of the name: no name in a cookie). */
	static String cookieName(HttpServletRequest request) {
		String user = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
		return COOKIE + "-" + Integer.toUnsignedString(user.hashCode(), 36);
	}

	private static Integer choice(String value) {
		if (value == null) {
			return null;
		}
		try {
			int n = Integer.parseInt(value.trim());
			return CHOICES.contains(n) ? n : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
