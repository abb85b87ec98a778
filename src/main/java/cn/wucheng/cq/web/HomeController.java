package cn.wucheng.cq.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
		if (user.role().regional()) {
			return "redirect:/region"; // issue 16 item 3: a city's or the province's home is the comparison of bureaus
		}
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
			Map<String, Object> params = new HashMap<>();
			String scope = scopeCondition(user, params);
			cards.add(new Card("home.card.cases", count("select count(*) from case_file c where " + scope, params),
					"/cases"));
			params.put("start", quarter.start());
			params.put("end", quarter.end());
			cards.add(new Card("home.card.concludedThisQuarter",
					count("select count(*) from case_file c where c.concluded_on_effective between :start and :end and "
							+ scope, params),
					"/cases?from=" + quarter.start() + "&to=" + quarter.end()));
			if (user.personFilter().isEmpty()) {
				String ofUnit = user.unitFilter().isPresent() ? " and unit_id = :unit" : "";
				cards.add(new Card("home.card.people",
						count("select count(*) from person where category = 'FORMAL'" + ofUnit, params), "/people"));
				String unit = user.unitFilter().isPresent() ? " where id = :unit" : "";
				cards.add(new Card("home.card.units", count("select count(*) from unit" + unit, params), "/units"));
			}
		}
		boolean anyCase = jdbc.sql("select exists (select 1 from case_file)").query(Boolean.class).single();
		return new Home(quarter, List.copyOf(cards), anyCase);
	}

	/**
	 * The user's data scope over {@code case_file c}: a condition chosen from constant fragments, its ids bound as
	 * parameters ({@code :unit}, {@code :person}) — no value is written into the SQL.
	 */
	private static String scopeCondition(CurrentUser user, Map<String, Object> params) {
		if (user.unitFilter().isPresent()) {
			params.put("unit", user.unitFilter().get());
			return "c.unit_id = :unit";
		}
		if (user.personFilter().isPresent()) {
			params.put("person", user.personFilter().get());
			return "(c.lead_id = :person or c.co_id = :person)";
		}
		return "1 = 1";
	}

	private long count(String sql, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
