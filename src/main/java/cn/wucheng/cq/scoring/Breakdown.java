package cn.wucheng.cq.scoring;

import java.util.List;

import cn.wucheng.cq.shared.Period;

/** A person's score in a period with every item behind it: the items add up to the score. */
public record Breakdown(Period period, PersonScore score, List<BreakdownItem> items) {
}
