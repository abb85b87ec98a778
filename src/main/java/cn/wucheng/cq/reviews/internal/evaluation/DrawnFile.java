package cn.wucheng.cq.reviews.internal.evaluation;

import org.springframework.data.relational.core.mapping.Table;

/** A case file drawn for a round: the case, its unit and its place in the draw. */
@Table("evaluation_file")
public record DrawnFile(Long caseId, Long unitId, int drawOrder) {
}
