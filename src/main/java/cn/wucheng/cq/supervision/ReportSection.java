package cn.wucheng.cq.supervision;

import java.util.List;

import cn.wucheng.cq.shared.ReportProse;

/**
 * A section of the drafted reports contributed by another module: review rates, recording compliance
 * evaluation grades … The report lists contributed sections in {@link #order()} after its own; the
 * figures a module does not contribute yet appear as a marked placeholder (【待接入】) for the legal section to fill in.
 */
public interface ReportSection {

	/** Which placeholder the section replaces (or {@link Topic#OTHER} for an extra section). */
	Topic topic();

	/** Position among contributed sections, ascending. */
	default int order() {
		return 0;
	}

	/** The section for a report of a year: a heading, paragraphs and an optional table (first row = header). */
	Content content(ReportKind kind, int year);

	/** The sections the report reserves a place for; their headings are the report's own words. */
	@ReportProse("the headings of the drafted reports' sections")
	enum Topic {
		/** 法制审核率（R-42）. */
		REVIEW_RATES("法制审核与简易案件审核情况"),
		/** 全过程记录合规（ ）. */
		RECORDING("全过程记录情况"),
		/** 案卷评查等级（R-43）. */
		EVALUATION("案卷评查情况"),
		/** Any other contributed section. */
		OTHER("其他");

		private final String heading;

		Topic(String heading) {
			this.heading = heading;
		}

		public String heading() {
			return heading;
		}
	}

	/** A section's text. */
	record Content(String heading, List<String> paragraphs, List<List<String>> table) {

		public Content {
			paragraphs = List.copyOf(paragraphs);
			table = table == null ? List.of() : table.stream().map(List::copyOf).toList();
		}

	}

}
