package cn.wucheng.cq.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.RenderedFragments;

/**
 * What the layout's navigation shows ({@code th:with="nav=${@navigation.current()}"} on its body, once per page —
 * error pages included, which no controller's model reaches): the signed-in user's name and which menu entries his
 * role has. The entries only show the way — every page and endpoint checks the role itself
 * ({@code @PreAuthorize}, RoleMatrixTests). It replaces thirty {@code sec:authorize} expressions, which the security
 * dialect parsed and evaluated anew on every page view (province-scale issue: a fifth of a page's time).
 */
@Component("navigation")
public class Navigation {

	private final RenderedFragments fragments;

	Navigation(RenderedFragments fragments) {
		this.fragments = fragments;
	}

	/** The navigation of the current user; null for anonymous requests. */
	public Nav current() {
		return CurrentUser.find().map(u -> new Nav(u.role(), u.displayName())).orElse(null);
	}

	/**
	 * The menu of the user's role (fragments/menu), rendered once per role: the same for everyone of the role — a
	 * tenth of every page's time otherwise (province-scale issue).
	 */
	public String menu(Nav nav) {
		if (nav == null) {
			return "";
		}
		return fragments.renderIndependentOfData(new MenuKey(nav.role()), "fragments/menu", "menu",
				() -> Map.of("nav", new Nav(nav.role(), "")));
	}

	private record MenuKey(Role role) {
	}

	/** The user's role and name, with the checks the layout asks. */
	public record Nav(Role role, String displayName) {

		private static final Map<String, Set<Role>> LISTS = new ConcurrentHashMap<>();

		/** Whether the role is one of a comma-separated list, e.g. {@code any('LEGAL,SUPERVISION,LEADER')}. */
		public boolean any(String roles) {
			return LISTS.computeIfAbsent(roles, Nav::parse).contains(role);
		}

		/**
		 * One of a bureau's business roles (法制科 … 执法人员), not one of the three administrators nor a city's or the
		 * province's role (issue 16 item 3: those see the comparison of bureaus only).
		 */
		public boolean business() {
			return !role.administrative() && !role.regional();
		}

		private static Set<Role> parse(String roles) {
			Set<Role> set = EnumSet.noneOf(Role.class);
			Arrays.stream(roles.split(",")).map(String::trim).map(Role::valueOf).forEach(set::add);
			return set;
		}

	}

}
