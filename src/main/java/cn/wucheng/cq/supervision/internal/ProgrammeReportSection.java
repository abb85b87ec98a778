package cn.wucheng.cq.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.ReportKind;
import cn.wucheng.cq.supervision.ReportSection;

/**
 * R-74 in the drafted reports: the year's leading group by name and the milestones with their dates and status,
 * as a contributed section — the report code itself is left as it is.
 */
@Component
class ProgrammeReportSection implements ReportSection {

	private final Programme programme;

	private final Refusals refusals;

	private final Clock clock;

	ProgrammeReportSection(Programme programme, Refusals refusals, Clock clock) {
		this.refusals = refusals;
		this.programme = programme;
		this.clock = clock;
	}

	@Override
	public Topic topic() {
		return Topic.OTHER;
	}

	/** First among the extra sections: who leads the programme comes before other figures. */
	@Override
	public int order() {
		return -100;
	}

	@Override
	public Content content(ReportKind kind, int year) {
		Programme.LeadingGroup g = programme.group(year);
		List<String> paragraphs = new ArrayList<>();
		if (g.isEmpty() || g.leader().isEmpty()) {
			paragraphs.add(refusals.message("supervision.programme.report.noGroup", year));
		}
		else {
			String deputies = String.join("、", g.of(LeadingGroupPosition.DEPUTY));
			String members = String.join("、", g.of(LeadingGroupPosition.MEMBER));
			paragraphs.add(refusals.message("supervision.programme.report.group", g.leader().get(),
					deputies.isEmpty() ? refusals.message("supervision.programme.none") : deputies,
					members.isEmpty() ? refusals.message("supervision.programme.none") : members,
					String.join("、", g.of(LeadingGroupPosition.OFFICE))));
		}
		List<List<String>> table = new ArrayList<>();
		table.add(List.of(refusals.message("supervision.milestone.col.stage"), refusals.message("supervision.milestone.col.window"),
				refusals.message("supervision.milestone.col.status")));
		for (Programme.Milestone m : programme.milestones(year, LocalDate.now(clock))) {
			table.add(List.of(refusals.message(m.kind().messageKey()),
					m.from() == null ? m.due().toString() : refusals.message("supervision.milestone.window", m.from(), m.due()), m.status().label()));
		}
		return new Content(refusals.message("supervision.programme.report.heading"), paragraphs, table);
	}

}
