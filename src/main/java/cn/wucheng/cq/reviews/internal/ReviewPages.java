package cn.wucheng.cq.reviews.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.LatestPeriods;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.Refusal;

/** What the legal-review and evaluation pages share: the unit selector, the year and month parameters. */
@Component
public class ReviewPages {

	/** Roles that read legal reviews, rates and evaluation results (squad roles: their own unit). */
	public static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	/** Roles that read every unit's data but do not act. */
	public static final String ORGANISERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER')";

	/** Every business role: any of them may be an evaluator. */
	public static final String BUSINESS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	/** A unit in a selector. */
	public record UnitOption(long id, String name) {
	}

	private final JdbcClient jdbc;

	private final LatestPeriods latest;

	ReviewPages(JdbcClient jdbc, LatestPeriods latest) {
		this.jdbc = jdbc;
		this.latest = latest;
	}

	/** The year a rates or results page opens on: the latest with cases, the current one once it has any (issue 13). */
	public Period defaultYear() {
		return Period.year(latest.year());
	}

	/** The units the user may filter by: all for the sections, his own for a squad role. */
	public List<UnitOption> units(CurrentUser user) {
		return jdbc.sql("select id, name from unit where (:unit = 0 or id = :unit) order by name")
			.param("unit", user.unitFilter().orElse(0L))
			.query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	/**
	 * A month parameter ({@code 2024-03}); null when empty.
	 * @throws Refusal when malformed
	 */
	public static YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw Refusal.of("reviews.refused.badMonth", text);
		}
	}

}
