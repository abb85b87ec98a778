package cn.wucheng.cq.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Reads and changes the rule settings (defaults in {@link RuleSetting}, overrides in table {@code setting}) and the
 * yearly case-handling standard. Reads are cheap: a handful of rows.
 */
@Service
public class RuleSettings {

	/** the minimum cases per quarter of one year, and whether it is the default. */
	public record YearlyStandard(int year, int simpleMin, int ordinaryMin, boolean isDefault) {
	}

	/** One setting as the settings page shows it. */
	public record Value(RuleSetting setting, String value, boolean isDefault) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals refusals;

	private final Clock clock;

	private final DataStamp stamp;

	RuleSettings(JdbcClient jdbc, AuditLog audit, Clock clock, Refusals refusals, DataStamp stamp) {
		this.stamp = stamp;
		this.refusals = refusals;
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Map<RuleSetting, Value> all() {
		Map<String, String> stored = stored();
		Map<RuleSetting, Value> all = new EnumMap<>(RuleSetting.class);
		for (RuleSetting s : RuleSetting.values()) {
			String v = stored.get(s.name());
			all.put(s, new Value(s, v == null ? s.defaultValue() : v, v == null));
		}
		return all;
	}

	public String get(RuleSetting setting) {
		return stored().getOrDefault(setting.name(), setting.defaultValue());
	}

	public BigDecimal decimal(RuleSetting setting) {
		return new BigDecimal(get(setting));
	}

	public int integer(RuleSetting setting) {
		return Integer.parseInt(get(setting));
	}

	public boolean bool(RuleSetting setting) {
		return Boolean.parseBoolean(get(setting));
	}

	/** R-32 with R-71: from which quarter the standard applies to a squad's officers. */
	public RuleSetting.StandardFrom standardFrom() {
		return RuleSetting.StandardFrom.valueOf(get(RuleSetting.STANDARD_FROM));
	}

	public RuleSetting.AwardMode awardMode() {
		return RuleSetting.AwardMode.valueOf(get(RuleSetting.AWARD_MODE));
	}

	/** R-31 rounding of N × rate. */
	public RoundingMode placesRounding() {
		return RoundingMode.valueOf(get(RuleSetting.BEST_PLACES_ROUNDING));
	}

	public MonthDay monthDay(RuleSetting setting) {
		return MonthDay.parse("--" + get(setting));
	}

	/** Sets a value (checked and normalised); setting it to its default removes the override. */
	@Transactional
	public void set(RuleSetting setting, String raw, String username) {
		String value = setting.normalise(raw);
		String before = get(setting);
		jdbc.sql("delete from setting where bureau_id = cq_bureau() and name = ?").param(setting.name()).update();
		if (!value.equals(setting.normalise(setting.defaultValue()))) {
			jdbc.sql("insert into setting (name, setting_value, updated_by, updated_at) values (?, ?, ?, ?)")
				.params(setting.name(), value, username, LocalDateTime.now(clock))
				.update();
		}
		if (!before.equals(value)) {
			audit.record("SETTING_CHANGED", "setting", setting.name(), setting.ruleId(), before, value);
		}
	}

	/**
	 * Sets a value only if it is still {@code expected} (what the user saw): a stale edit is refused instead of
	 * overwriting someone else's change.
	 * @throws Refusal (409) when the value changed meanwhile, saying to what
	 */
	@Transactional
	public void set(RuleSetting setting, String raw, String expected, String username) {
		if (expected != null && !get(setting).equals(expected)) {
			throw Refusal.of("settings.value.changed", get(setting)).withStatus(HttpStatus.CONFLICT);
		}
		set(setting, raw, username);
	}

	/** Back to the default of RULES.md. */
	@Transactional
	public void reset(RuleSetting setting) {
		String before = get(setting);
		if (jdbc.sql("delete from setting where bureau_id = cq_bureau() and name = ?")
			.param(setting.name())
			.update() > 0) {
			audit.record("SETTING_RESET", "setting", setting.name(), setting.ruleId(), before, setting.defaultValue());
		}
	}

	/** the standard of a year, or the default (settings STANDARD_*) when the year has none. */
	public YearlyStandard standard(int year) {
		Optional<YearlyStandard> own = jdbc
			.sql("select std_year, simple_min, ordinary_min from yearly_standard where std_year = ?")
			.param(year)
			.query((rs, n) -> new YearlyStandard(rs.getInt(1), rs.getInt(2), rs.getInt(3), false))
			.optional();
		return own.orElseGet(() -> new YearlyStandard(year, integer(RuleSetting.STANDARD_SIMPLE_MIN),
				integer(RuleSetting.STANDARD_ORDINARY_MIN), true));
	}

	@Transactional
	public void setStandard(int year, int simpleMin, int ordinaryMin, String username) {
		if (simpleMin < 0 || ordinaryMin < 0) {
			throw Refusal.of("settings.standard.negative");
		}
		YearlyStandard before = standard(year);
		jdbc.sql("delete from yearly_standard where std_year = ?").param(year).update();
		jdbc.sql("""
				insert into yearly_standard (std_year, simple_min, ordinary_min, updated_by, updated_at)
				values (?, ?, ?, ?, ?)""").params(year, simpleMin, ordinaryMin, username, LocalDateTime.now(clock)).update();
		audit.record("STANDARD_CHANGED", "yearly_standard", Integer.toString(year), "R-32",
				refusals.message("settings.audit.standard", before.simpleMin(), before.ordinaryMin()),
				refusals.message("settings.audit.standard", simpleMin, ordinaryMin));
	}

	/**
	 * The bureau's stored settings, read in one statement and kept under the data stamp (the setting table raises it):
	 * a page or a computation asks for dozens of them — the comparison of 100 bureaus asked 8,072 times, one query
	 * each. Inside a writing transaction that changed a setting the stamp has moved, so the change is read back.
	 */
	private Map<String, String> stored() {
		return stamp.cached(DataCache.SETTINGS, StoredSettings.KEY, () -> {
			Map<String, String> m = new HashMap<>();
			jdbc.sql("select name, setting_value from setting")
				.query((rs, n) -> rs.getString(2) == null ? null : m.put(rs.getString(1), rs.getString(2)))
				.list();
			return Map.copyOf(m);
		});
	}

	/** The key of a bureau's stored settings in their cache (the bureau is part of every cached key). */
	private enum StoredSettings {

		KEY

	}

}
