package cn.wucheng.cq.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.wucheng.cq.reminders.Reminders;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;

@Controller
class HomeController {

	record Card(String labelKey, long value, String href) {
	}

	private final JdbcClient jdbc;

	private final Reminders reminders;

	private final DataStamp stamp;

	private final LatestPeriods latest;

	private final OfficerHome officerHome;

	HomeController(JdbcClient jdbc, Reminders reminders, DataStamp stamp, LatestPeriods latest,
			OfficerHome officerHome) {
		this.latest = latest;
		this.officerHome = officerHome;
		this.jdbc = jdbc;
		this.reminders = reminders;
		this.stamp = stamp;
	}

	/** Public (see SecurityConfig and EveryEndpointIsGuardedTests' allowlist). */
	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	@PreAuthorize("isAuthenticated()")
	String home(Model model) {
		CurrentUser user = CurrentUser.get();
		// The figures are the same for everyone of the same scope: computed once per scope and kept until the data
		// they count changes (DataStamp) — a province holds a million cases, counting them per view does not scale.
		String scopeKey = user.readsAll() + "|" + user.unitFilter().orElse(null) + "|" + user.personFilter().orElse(null);
		Home home = stamp.cached(DataCache.HOME_FIGURES, "home|" + latest.today() + "|" + scopeKey, () -> figures(user));
		model.addAttribute("quarter", home.quarter());
		model.addAttribute("cards", home.cards());
		if (!user.role().administrative()) {
			model.addAttribute("reminders", reminders.dueFor(user));
		}
		// issue 13 item 6: an officer sees his own figures as cards (his phone), not the counts of the case list
		if (user.role() == cn.wucheng.cq.security.Role.OFFICER && user.personFilter().isPresent()) {
			model.addAttribute("officer", officerHome.of(user));
		}
		boolean mayLoadDemo = user.role() == cn.wucheng.cq.security.Role.LEGAL
				|| user.role() == cn.wucheng.cq.security.Role.ADMIN;
		model.addAttribute("offerDemo", mayLoadDemo && !home.anyCase());
		return "home";
	}

	record Home(Period quarter, List<Card> cards, boolean anyCase) {
	}

	private Home figures(CurrentUser user) {
		List<Card> cards = new ArrayList<>();
		Period quarter = null;
		if (user.readsAll() || user.unitFilter().isPresent() || user.personFilter().isPresent()) {
			quarter = latest.quarter();
			String scope = scopeCondition(user);
			cards.add(new Card("home.card.cases", count("select count(*) from case_file c where " + scope), "/cases"));
			cards.add(new Card("home.card.concludedThisQuarter",
					count("select count(*) from case_file c where c.concluded_on_effective between '" + quarter.start()
							+ "' and '" + quarter.end() + "' and " + scope),
					"/cases?from=" + quarter.start() + "&to=" + quarter.end()));
			if (user.personFilter().isEmpty()) {
				String unitScope = user.unitFilter().map(u -> "unit_id = " + u).orElse("1=1");
				cards.add(new Card("home.card.people",
						count("select count(*) from person where category = 'FORMAL' and " + unitScope), "/people"));
				cards.add(new Card("home.card.units", count("select count(*) from unit"
						+ user.unitFilter().map(u -> " where id = " + u).orElse("")), "/units"));
			}
		}
		boolean anyCase = jdbc.sql("select exists (select 1 from case_file)").query(Boolean.class).single();
		return new Home(quarter, List.copyOf(cards), anyCase);
	}

	/** Numeric ids only, so the concatenation cannot inject. */
	private static String scopeCondition(CurrentUser user) {
		if (user.unitFilter().isPresent()) {
			return "c.unit_id = " + user.unitFilter().get();
		}
		if (user.personFilter().isPresent()) {
			long p = user.personFilter().get();
			return "(c.lead_id = " + p + " or c.co_id = " + p + ")";
		}
		return "1=1";
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
