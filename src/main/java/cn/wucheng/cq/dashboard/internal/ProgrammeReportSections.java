package cn.wucheng.cq.dashboard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.casework.CaseworkFigures;
import cn.wucheng.cq.recording.GapKind;
import cn.wucheng.cq.recording.GapQuery;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.recording.SquadGaps;
import cn.wucheng.cq.reviews.EvaluationResults;
import cn.wucheng.cq.reviews.ReviewRates;
import cn.wucheng.cq.shared.ReportProse;
import cn.wucheng.cq.supervision.ReportKind;
import cn.wucheng.cq.supervision.ReportSection;

/**
 * R-72: the sections of the drafted mid-term report and annual summary that come from the review and recording data
 * — legal review and simple-case review (R-40–R-42), full-process recording (R-50–R-52), case-file evaluation (R-43)
 * — each a paragraph with the period's totals and a table per unit. Here, in the top module, because supervision
 * may not depend on the modules it reports on.
 */
@Configuration(proxyBeanMethods = false)
@ReportProse("年中报告与年度总结（R-72）：法制审核、全过程记录、案卷评查三节")
class ProgrammeReportSections {

	@Bean
	ReportSection reviewSection(ReviewRates rates, CaseworkFigures casework, JdbcClient jdbc) {
		return section(ReportSection.Topic.REVIEW_RATES, (kind, year) -> {
			LocalDate from = kind.from(year);
			LocalDate to = kind.to(year);
			Map<String, long[]> byUnit = new TreeMap<>();
			for (ReviewRates.Row r : rates.rates(from, to, Optional.empty())) {
				long[] a = byUnit.computeIfAbsent(r.unitName(), k -> new long[4]);
				a[0] += r.concluded();
				a[1] += r.reviewed();
			}
			Map<Long, CaseworkFigures.SquadFigures> simple = casework.forPeriod(from, to);
			Map<Long, String> names = new java.util.HashMap<>();
			jdbc.sql("select id, name from unit").query(rs -> {
				names.put(rs.getLong("id"), rs.getString("name"));
			});
			for (CaseworkFigures.SquadFigures f : simple.values()) {
				long[] a = byUnit.computeIfAbsent(names.getOrDefault(f.unitId(), "#" + f.unitId()), k -> new long[4]);
				a[2] += f.simpleCases();
				a[3] += f.sameDay();
			}
			long concluded = byUnit.values().stream().mapToLong(a -> a[0]).sum();
			long reviewed = byUnit.values().stream().mapToLong(a -> a[1]).sum();
			long simpleCases = byUnit.values().stream().mapToLong(a -> a[2]).sum();
			long sameDay = byUnit.values().stream().mapToLong(a -> a[3]).sum();
			List<List<String>> table = new ArrayList<>();
			table.add(List.of("单位", "办结普通程序案件", "已法制审核", "审核率", "简易案件", "当日审核", "当日审核率"));
			byUnit.forEach((unit, a) -> table.add(List.of(unit, "" + a[0], "" + a[1], percent(a[1], a[0]), "" + a[2],
					"" + a[3], percent(a[3], a[2]))));
			return new ReportSection.Content(ReportSection.Topic.REVIEW_RATES.heading(), List.of(
					"统计期间办结普通程序案件 " + concluded + " 件，法制科已审核 " + reviewed + " 件，审核率 "
							+ percent(reviewed, concluded) + "（任务清单第7项）；简易程序案件 " + simpleCases + " 件，当日审核 "
							+ sameDay + " 件，当日审核率 " + percent(sameDay, simpleCases) + "（任务清单第8项）。"),
					table);
		});
	}

	@Bean
	ReportSection recordingSection(RecordingCompliance recording) {
		return section(ReportSection.Topic.RECORDING, (kind, year) -> {
			List<SquadGaps> gaps = recording.summary(new GapQuery(kind.from(year), kind.to(year), null, null, null), null);
			List<List<String>> table = new ArrayList<>();
			table.add(List.of("单位", "无音视频记录", "室外询问无录像", "辅助人员入询问室", "未刻盘归档", "合计"));
			long total = 0;
			for (SquadGaps g : gaps) {
				long sum = g.counts().values().stream().mapToLong(Integer::longValue).sum();
				total += sum;
				table.add(List.of(g.unitName(), "" + g.counts().getOrDefault(GapKind.R50_NO_VIDEO, 0),
						"" + g.counts().getOrDefault(GapKind.R51_NO_BODY_CAMERA, 0),
						"" + g.counts().getOrDefault(GapKind.R51_AUXILIARY_IN_ROOM, 0),
						"" + g.counts().getOrDefault(GapKind.R52_NO_DISC, 0), "" + sum));
			}
			return new ReportSection.Content(ReportSection.Topic.RECORDING.heading(),
					List.of("统计期间全过程记录缺失共 " + total + " 处（任务清单第10—12项及一案一档，各中队自分批推进之日起计）。"), table);
		});
	}

	@Bean
	ReportSection evaluationSection(EvaluationResults results) {
		return section(ReportSection.Topic.EVALUATION, (kind, year) -> {
			Map<String, long[]> byUnit = new TreeMap<>();
			for (EvaluationResults.Row r : results.results(kind.from(year), kind.to(year), Optional.empty(),
					Optional.empty())) {
				long[] a = byUnit.computeIfAbsent(r.unitName(), k -> new long[4]);
				a[0] += r.files();
				a[1] += r.excellent();
				a[2] += r.qualified();
				a[3] += r.failed();
			}
			List<List<String>> table = new ArrayList<>();
			table.add(List.of("单位", "抽取案卷", "优秀", "合格", "不合格"));
			byUnit.forEach((unit, a) -> table.add(List.of(unit, "" + a[0], "" + a[1], "" + a[2], "" + a[3])));
			long files = byUnit.values().stream().mapToLong(a -> a[0]).sum();
			long excellent = byUnit.values().stream().mapToLong(a -> a[1]).sum();
			return new ReportSection.Content(ReportSection.Topic.EVALUATION.heading(),
					List.of("统计期间评查案卷 " + files + " 卷，其中优秀 " + excellent + " 卷（任务清单第9项）。"), table);
		});
	}

	private interface Body {

		ReportSection.Content content(ReportKind kind, int year);

	}

	private static ReportSection section(ReportSection.Topic topic, Body body) {
		return new ReportSection() {

			@Override
			public Topic topic() {
				return topic;
			}

			@Override
			public Content content(ReportKind kind, int year) {
				return body.content(kind, year);
			}

		};
	}

	private static String percent(long part, long whole) {
		return whole == 0 ? "—" : Dashboard.percent(part, whole).toPlainString() + "%";
	}

}
