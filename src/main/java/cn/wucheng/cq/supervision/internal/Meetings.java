package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/** The monthly review meetings (研判会商, R-72): recorded by the legal section or supervision, each flagged when late. */
@Service
class Meetings {

	/** A meeting with its month's deadline and whether it was held after it. */
	record MeetingView(Meeting meeting, LocalDate due, boolean late) {
	}

	/** One month of a year: its deadline, the meetings held in it, and whether it is missing (deadline passed, none). */
	record MonthView(YearMonth month, LocalDate due, List<MeetingView> meetings, boolean missing) {
	}

	private final MeetingRepository repository;

	private final TaskDeadlines deadlines;

	private final AuditLog audit;

	private final Refusals refusals;

	private final Clock clock;

	Meetings(MeetingRepository repository, TaskDeadlines deadlines, AuditLog audit, Refusals refusals, Clock clock) {
		this.refusals = refusals;
		this.repository = repository;
		this.deadlines = deadlines;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Meeting record(LocalDate heldOn, String attendees, String minutes, String by) {
		Meeting m = repository.save(Meeting.record(heldOn, attendees, minutes, by, LocalDateTime.now(clock)));
		MeetingView v = view(m);
		audit.record("SUPERVISION_MEETING_RECORDED", "supervision_meeting", String.valueOf(m.getId()),
				v.late() ? refusals.message("supervision.audit.meetingLate", heldOn, v.due())
						: refusals.message("supervision.audit.meeting", heldOn), null,
				"heldOn=" + heldOn + "\nattendees=" + m.getAttendees());
		return m;
	}

	MeetingView get(long id) {
		return repository.findById(id).map(this::view).orElseThrow(() -> Refusal.of("supervision.notFound.meeting").withStatus(HttpStatus.NOT_FOUND));
	}

	/** The meetings of a year (one query), by month up to today's month. */
	List<MonthView> year(int year, LocalDate today) {
		List<MeetingView> all = repository
			.findByHeldOnBetweenOrderByHeldOnAscIdAsc(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.stream()
			.map(this::view)
			.toList();
		int last = year < today.getYear() ? 12 : year > today.getYear() ? 0 : today.getMonthValue();
		java.util.ArrayList<MonthView> months = new java.util.ArrayList<>();
		for (int m = last; m >= 1; m--) {
			YearMonth month = YearMonth.of(year, m);
			List<MeetingView> in = all.stream().filter(v -> YearMonth.from(v.meeting().getHeldOn()).equals(month)).toList();
			LocalDate due = deadlines.meetingDue(month);
			months.add(new MonthView(month, due, in, in.isEmpty() && today.isAfter(due)));
		}
		return months;
	}

	/** The meetings held in a period, by date (for the reports). */
	List<MeetingView> between(LocalDate from, LocalDate to) {
		return repository.findByHeldOnBetweenOrderByHeldOnAscIdAsc(from, to).stream().map(this::view).toList();
	}

	MeetingView view(Meeting m) {
		LocalDate due = deadlines.meetingDue(YearMonth.from(m.getHeldOn()));
		return new MeetingView(m, due, m.isLate(due));
	}

}
