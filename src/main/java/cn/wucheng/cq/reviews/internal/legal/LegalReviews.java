package cn.wucheng.cq.reviews.internal.legal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.cases.CaseCategory;
import cn.wucheng.cq.reviews.CaseReturned;
import cn.wucheng.cq.reviews.DeductionItem;
import cn.wucheng.cq.reviews.DeductionItemRepository;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Legal review of ordinary cases (法制审核, R-42): the 法制科 queue and lists (one SQL pass per page), the review of a
 * case and the squad's resubmission after a 退卷. A 退卷 writes its deduction items as {@code case_return} rows with the
 * points in force, so the case's quality points change at once, in the period of the case. Every change
 * checks the version the user saw and is audited in its transaction.
 */
@Service
public class LegalReviews {

	/** R-71 in SQL: the case was concluded from its unit's rollout start (the view {@code unit_rollout} as ro). */
	static final String COUNTED = "(ro.starts_on is null or c.concluded_on >= ro.starts_on)";

	static final int PAGE_SIZE = 50;

	/** A case in a legal-review list. */
	public record Row(long caseId, String caseNo, String title, CaseCategory category, long unitId, String unitName,
			LocalDate concludedOn, String leadName, LegalReviewStatus status, int rounds, LocalDate lastReviewedOn,
			boolean counted, Integer version) {

		/** In 法制科's queue: counted, and never reviewed or resubmitted after a 退卷. */
		public boolean awaiting() {
			return counted && (status == null || status == LegalReviewStatus.RESUBMITTED);
		}

	}

	/** The case as the review page shows it. */
	public record CaseInfo(long id, String caseNo, String decisionNo, String title, CaseCategory category, long unitId,
			String unitName, LocalDate concludedOn, String leadName, String coName, boolean counted,
			LocalDate rolloutStart) {
	}

	/** A deduction recorded against the case, by a review round or imported (round null). */
	public record Deduction(Integer round, String code, String text, BigDecimal points, LocalDate returnedOn,
			String reason) {
	}

	/** What the user entered on the review form. */
	public record ReviewInput(LocalDate reviewedOn, ReviewOutcome outcome, List<Long> itemIds, String reason) {
	}

	private static final String FROM = """
			from case_file c
			join unit u on u.id = c.unit_id
			join unit_rollout ro on ro.unit_id = c.unit_id
			join person p on p.id = c.lead_id
			left join legal_review lr on lr.case_id = c.id
			where c.category in ('ORDINARY', 'MAJOR') and c.concluded_on between :start and :end
			  and (:unit = 0 or c.unit_id = :unit) and %s
			""";

	private final LegalReviewRepository reviews;

	private final DeductionItemRepository items;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Refusals text;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LegalReviews(LegalReviewRepository reviews, DeductionItemRepository items, JdbcClient jdbc, AuditLog audit, Refusals text,
			Clock clock, ApplicationEventPublisher events) {
		this.text = text;
		this.events = events;
		this.reviews = reviews;
		this.items = items;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Oldest conclusion first; the unit is forced to the user's own for a squad role. */
	@Transactional(readOnly = true)
	public ListPage<Row> list(LegalReviewFilter filter, Long unitId, YearMonth month, int page, CurrentUser user) {
		return list(filter, unitId, month, page, PAGE_SIZE, user);
	}

	/** One page of {@code size} rows (the size the user chose, shared.PageSize). */
	@Transactional(readOnly = true)
	public ListPage<Row> list(LegalReviewFilter filter, Long unitId, YearMonth month, int page, int size,
			CurrentUser user) {
		long unit = user.unitFilter().orElse(unitId == null ? 0L : unitId);
		LocalDate start = month == null ? LocalDate.of(1900, 1, 1) : month.atDay(1);
		LocalDate end = month == null ? LocalDate.of(2999, 12, 31) : month.atEndOfMonth();
		String from = FROM.formatted(filter.sql());
		long total = jdbc.sql("select count(*) " + from)
			.param("start", start)
			.param("end", end)
			.param("unit", unit)
			.query(Long.class)
			.single();
		List<Row> rows = jdbc.sql(ROW_COLUMNS + from + " order by c.concluded_on, c.case_no limit :limit offset :offset")
			.param("start", start)
			.param("end", end)
			.param("unit", unit)
			.param("limit", size)
			.param("offset", ListPage.offset(page, size))
			.query(LegalReviews::row)
			.list();
		return new ListPage<>(rows, page, size, total);
	}

	private static final String ROW_COLUMNS = """
			select c.id, c.case_no, c.title, c.category, c.unit_id, u.name as unit_name, c.concluded_on,
			       p.name as lead_name, lr.status, lr.version as lr_version,
			       (select count(*) from legal_review_round rr where rr.review_id = lr.id) as rounds,
			       (select max(rr.reviewed_on) from legal_review_round rr where rr.review_id = lr.id) as last_on,
			       case when %s then 1 else 0 end as counted
			""".formatted(COUNTED);

	/** One case as a list row shows it (the queue's row after an action in place, issue 13 item 5). */
	@Transactional(readOnly = true)
	public Row row(long caseId, CurrentUser user) {
		CaseInfo c = caseInfo(caseId, user);
		return jdbc.sql(ROW_COLUMNS + FROM.formatted("c.id = :id"))
			.param("start", LocalDate.of(1900, 1, 1))
			.param("end", LocalDate.of(2999, 12, 31))
			.param("unit", c.unitId())
			.param("id", caseId)
			.query(LegalReviews::row)
			.single();
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		int version = rs.getInt("lr_version");
		boolean reviewed = !rs.wasNull();
		return new Row(rs.getLong("id"), rs.getString("case_no"), rs.getString("title"),
				CaseCategory.valueOf(rs.getString("category")), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getObject("concluded_on", LocalDate.class), rs.getString("lead_name"),
				rs.getString("status") == null ? null : LegalReviewStatus.valueOf(rs.getString("status")),
				rs.getInt("rounds"), rs.getObject("last_on", LocalDate.class), rs.getInt("counted") == 1,
				reviewed ? version : null);
	}

	/** R-42 reminder: counted ordinary cases awaiting 法制科's review (never reviewed, or resubmitted). */
	@Transactional(readOnly = true)
	public long awaitingCount() {
		return jdbc.sql("select count(*) " + FROM.formatted(LegalReviewFilter.AWAITING.sql()))
			.param("start", LocalDate.of(1900, 1, 1))
			.param("end", LocalDate.of(2999, 12, 31))
			.param("unit", 0L)
			.query(Long.class)
			.single();
	}

	/**
	 * A concluded ordinary case the user may see.
	 * @throws NotFoundException when there is none, it is not an ordinary concluded case, or it is out of scope
	 */
	@Transactional(readOnly = true)
	public CaseInfo caseInfo(long caseId, CurrentUser user) {
		CaseInfo c = jdbc.sql("""
				select c.id, c.case_no, c.decision_no, c.title, c.category, c.unit_id, u.name as unit_name,
				       c.concluded_on, p.name as lead_name, q.name as co_name, ro.starts_on
				from case_file c
				join unit u on u.id = c.unit_id
				join unit_rollout ro on ro.unit_id = c.unit_id
				join person p on p.id = c.lead_id
				join person q on q.id = c.co_id
				where c.id = :id and c.category in ('ORDINARY', 'MAJOR') and c.concluded_on is not null""")
			.param("id", caseId)
			.query((rs, n) -> {
				LocalDate concluded = rs.getObject("concluded_on", LocalDate.class);
				LocalDate starts = rs.getObject("starts_on", LocalDate.class);
				return new CaseInfo(rs.getLong("id"), rs.getString("case_no"), rs.getString("decision_no"),
						rs.getString("title"), CaseCategory.valueOf(rs.getString("category")), rs.getLong("unit_id"),
						rs.getString("unit_name"), concluded, rs.getString("lead_name"), rs.getString("co_name"),
						starts == null || !concluded.isBefore(starts), starts);
			})
			.optional()
			.orElseThrow(LegalReviews::noSuchCase);
		if (!user.canSeeUnit(c.unitId())) {
			throw noSuchCase();
		}
		return c;
	}

	@Transactional(readOnly = true)
	public Optional<LegalReview> review(long caseId) {
		return reviews.findByCaseId(caseId);
	}

	/** Every deduction recorded against the case, by date. */
	@Transactional(readOnly = true)
	public List<Deduction> deductions(long caseId) {
		return jdbc.sql("""
				select r.review_round, i.code, i.item_text, r.points, r.returned_on, r.reason
				from case_return r join deduction_item i on i.id = r.item_id
				where r.case_id = :id order by r.returned_on, i.code""")
			.param("id", caseId)
			.query((rs, n) -> new Deduction((Integer) rs.getObject("review_round", Integer.class), rs.getString("code"),
					rs.getString("item_text"), rs.getBigDecimal("points"), rs.getObject("returned_on", LocalDate.class),
					rs.getString("reason")))
			.list();
	}

	/** The catalogue's items in use, for a 退卷. */
	@Transactional(readOnly = true)
	public List<DeductionItem> activeItems() {
		return items.findAllByOrderByCode().stream().filter(DeductionItem::isActive).toList();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Records a review of the case by the signed-in 法制科 user: 通过, or 退卷 with its deduction items.
	 * @param seenVersion the version of the review the user saw; null when the case had none
	 * @throws Refusal when the workflow or the input does not allow it
	 * @throws OptimisticLockingFailureException when someone reviewed the case since
	 */
	@Transactional
	public LegalReview record(long caseId, Integer seenVersion, ReviewInput in, CurrentUser user) {
		CaseInfo c = caseInfo(caseId, user);
		if (in.reviewedOn() != null && in.reviewedOn().isAfter(LocalDate.now(clock))) {
			throw Refusal.of("legalReview.refused.dateInFuture", in.reviewedOn());
		}
		List<DeductionItem> chosen = chosenItems(in);
		Optional<LegalReview> existing = reviews.findByCaseId(caseId);
		if (!Objects.equals(existing.map(LegalReview::getVersion).orElse(null), seenVersion)) {
			throw new OptimisticLockingFailureException("legal review of case " + c.caseNo() + " changed");
		}
		LegalReview.Reviewer reviewer = new LegalReview.Reviewer(user.userId(), user.displayName());
		String before = existing.map(r -> r.describe(text)).orElse(null);
		LegalReview review;
		ReviewRound round;
		if (existing.isEmpty()) {
			review = LegalReview.first(caseId, c.concludedOn(), reviewer, in.reviewedOn(), in.outcome(), in.reason());
			round = review.last().orElseThrow();
		}
		else {
			review = existing.get();
			round = review.review(c.concludedOn(), reviewer, in.reviewedOn(), in.outcome(), in.reason());
		}
		if (round.outcome() == ReviewOutcome.RETURNED && chosen.isEmpty()) {
			throw Refusal.of("legalReview.refused.itemsMissing");
		}
		if (round.outcome() == ReviewOutcome.PASSED && !chosen.isEmpty()) {
			throw Refusal.of("legalReview.refused.itemsOnPass");
		}
		LegalReview saved;
		try {
			saved = reviews.save(review);
		}
		catch (DuplicateKeyException e) {
			throw new OptimisticLockingFailureException("legal review of case " + c.caseNo() + " created meanwhile", e);
		}
		if (round.outcome() == ReviewOutcome.RETURNED) {
			writeReturns(c, saved.getId(), round, chosen);
		}
		String detail = round.outcome() == ReviewOutcome.PASSED ? "R-42 " + ReviewOutcome.PASSED.label()
				: "R-42 " + text.message("legalReview.audit.returned", "R-21",
						chosen.stream().map(DeductionItem::getCode).collect(Collectors.joining("、")));
		audit.record(round.outcome() == ReviewOutcome.PASSED ? "LEGAL_REVIEW_PASSED" : "LEGAL_REVIEW_RETURNED",
				"legal_review", c.caseNo(), detail, before, saved.describe(text));
		if (round.outcome() == ReviewOutcome.RETURNED) {
			// the squad hears of it in the message centre (same transaction: a message iff the 退卷 committed)
			events.publishEvent(new CaseReturned(c.id(), c.caseNo(), c.unitId(),
					chosen.stream().map(DeductionItem::getText).toList(), in.reason()));
		}
		return saved;
	}

	/** Records that the squad resubmitted the case after a 退卷 (重新报送), so it can be reviewed again. */
	@Transactional
	public LegalReview resubmit(long caseId, Integer seenVersion, LocalDate on, CurrentUser user) {
		CaseInfo c = caseInfo(caseId, user);
		LegalReview review = reviews.findByCaseId(caseId)
			.orElseThrow(() -> Refusal.of("legalReview.refused.notReviewed"));
		if (!Objects.equals(review.getVersion(), seenVersion)) {
			throw new OptimisticLockingFailureException("legal review of case " + c.caseNo() + " changed");
		}
		LocalDate day = on == null ? LocalDate.now(clock) : on;
		if (day.isAfter(LocalDate.now(clock))) {
			throw Refusal.of("legalReview.refused.resubmitInFuture", day);
		}
		String before = review.describe(text);
		review.resubmit(day);
		LegalReview saved = reviews.save(review);
		audit.record("LEGAL_REVIEW_RESUBMITTED", "legal_review", c.caseNo(), "R-42 " + text.message("legalReview.audit.resubmitted", day), before,
				saved.describe(text));
		return saved;
	}

	private List<DeductionItem> chosenItems(ReviewInput in) {
		Set<Long> ids = new LinkedHashSet<>(in.itemIds() == null ? List.of() : in.itemIds());
		ids.remove(null);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, DeductionItem> found = items.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(DeductionItem::getId, i -> i));
		List<DeductionItem> chosen = new ArrayList<>();
		for (Long id : ids) {
			DeductionItem item = found.get(id);
			if (item == null || !item.isActive()) {
				throw Refusal.of("legalReview.refused.itemInactive");
			}
			chosen.add(item);
		}
		return chosen;
	}

	/** one case_return row per item, with the points in force today. */
	private void writeReturns(CaseInfo c, long reviewId, ReviewRound round, List<DeductionItem> chosen) {
		List<String> taken = jdbc.sql("""
				select i.code from case_return r join deduction_item i on i.id = r.item_id
				where r.case_id = :case and r.returned_on = :on and r.item_id in (:items)""")
			.param("case", c.id())
			.param("on", round.reviewedOn())
			.param("items", chosen.stream().map(DeductionItem::getId).toList())
			.query(String.class)
			.list();
		if (!taken.isEmpty()) {
			throw Refusal.of("legalReview.refused.itemTwice", String.join("、", taken), round.reviewedOn());
		}
		for (DeductionItem item : chosen) {
			jdbc.sql("""
					insert into case_return (case_id, returned_on, item_id, points, reason, legal_review_id, review_round)
					values (:case, :on, :item, :points, :reason, :review, :round)""")
				.param("case", c.id())
				.param("on", round.reviewedOn())
				.param("item", item.getId())
				.param("points", item.getPoints())
				.param("reason", round.reason())
				.param("review", reviewId)
				.param("round", round.roundNo())
				.update();
		}
	}

	/** Not a concluded ordinary case, or not the user's to see: 404, its existence not revealed. */
	private static Refusal noSuchCase() {
		return Refusal.of("legalReview.notFound.case").withStatus(HttpStatus.NOT_FOUND);
	}

}
