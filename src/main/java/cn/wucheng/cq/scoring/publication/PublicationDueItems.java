package cn.wucheng.cq.scoring.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;

/**
 * What publication asks of whom: the legal section decides the open appeals (due by the end of the notice
 * period, overdue after it) and finalises quarters whose notice period is over with nothing left open; an officer may
 * appeal a published quarter until its notice period ends, and sees his appeals waiting or recently decided. Two
 * queries at most.
 */
@Component
class PublicationDueItems implements DueItemSource {

	/** How long a decided appeal stays among the officer's reminders (it stays on his breakdown for good). */
	static final int OUTCOME_SHOWN_DAYS = 30;

	private final JdbcClient jdbc;

	PublicationDueItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		if (user.role() == Role.LEGAL) {
			return forLegalSection(today);
		}
		if (user.role() == Role.OFFICER && user.personId() != null) {
			return forOfficer(user.personId(), today);
		}
		return List.of();
	}

	private List<DueItem> forLegalSection(LocalDate today) {
		List<DueItem> items = new ArrayList<>();
		jdbc.sql("""
				select q.period_code, q.status, q.notice_ends_on,
				  (select count(*) from score_appeal a where a.publication_id = q.id and a.status = 'OPEN') open_appeals
				from quarter_publication q
				where q.status in ('PUBLISHED', 'REOPENED')
				order by q.period_code""").query((rs, n) -> {
			Period quarter = Period.parse(rs.getString("period_code"));
			LocalDate noticeEnds = rs.getObject("notice_ends_on", LocalDate.class);
			long open = rs.getLong("open_appeals");
			boolean reopened = "REOPENED".equals(rs.getString("status"));
			String link = "/publication?period=" + quarter;
			if (open > 0) {
				items.add(new DueItem("publication.due.appeals", List.of(quarter.label(), open), link, noticeEnds,
						!reopened && today.isAfter(noticeEnds)));
			}
			else if (reopened) {
				items.add(new DueItem("publication.due.finaliseReopened", List.of(quarter.label()), link, null, false));
			}
			else if (today.isAfter(noticeEnds)) {
				items.add(new DueItem("publication.due.finalise", List.of(quarter.label(), noticeEnds.toString()), link,
						noticeEnds, false));
			}
			return null;
		}).list();
		return items;
	}

	private List<DueItem> forOfficer(long personId, LocalDate today) {
		List<DueItem> items = new ArrayList<>(mayAppeal(personId, today));
		items.addAll(appealOutcomes(personId, today));
		return items;
	}

	/**
	 * the officer sees each of his appeals among his reminders — waiting for the legal section, or decided
	 * (outcome and reason) for {@value #OUTCOME_SHOWN_DAYS} days after the decision — linked to his breakdown, where
	 * every appeal stays listed.
	 */
	private List<DueItem> appealOutcomes(long personId, LocalDate today) {
		return jdbc.sql("""
				select q.period_code, p.employee_no, a.item_label, a.status, a.decided_on, a.decision_note
				from score_appeal a
				join quarter_publication q on q.id = a.publication_id
				join person p on p.id = a.person_id
				where a.person_id = :person
				  and (a.status = 'OPEN' or a.decided_on >= :since)
				order by a.filed_on, a.id""")
			.param("person", personId)
			.param("since", today.minusDays(OUTCOME_SHOWN_DAYS))
			.query((rs, n) -> {
				Period quarter = Period.parse(rs.getString("period_code"));
				String link = "/scores/" + rs.getString("employee_no") + "?period=" + quarter + "#my-appeals";
				AppealStatus status = AppealStatus.valueOf(rs.getString("status"));
				if (status == AppealStatus.OPEN) {
					return new DueItem("publication.due.appealOpen", List.of(quarter.label(), rs.getString("item_label")),
							link, null, false);
				}
				return new DueItem("publication.due.appeal" + status.name(),
						List.of(quarter.label(), rs.getString("item_label"),
								rs.getObject("decided_on", LocalDate.class).toString(), rs.getString("decision_note")),
						link, null, false);
			})
			.list();
	}

	private List<DueItem> mayAppeal(long personId, LocalDate today) {
		return jdbc.sql("""
				select q.period_code, q.notice_ends_on, p.employee_no
				from quarter_publication q, person p
				where q.status = 'PUBLISHED' and q.published_on <= :today and q.notice_ends_on >= :today and p.id = :person
				order by q.period_code""")
			.param("today", today)
			.param("person", personId)
			.query((rs, n) -> {
				Period quarter = Period.parse(rs.getString("period_code"));
				LocalDate noticeEnds = rs.getObject("notice_ends_on", LocalDate.class);
				return new DueItem("publication.due.mayAppeal", List.of(quarter.label(), noticeEnds.toString()),
						"/scores/" + rs.getString("employee_no") + "?period=" + quarter, noticeEnds, false);
			})
			.list();
	}

}
