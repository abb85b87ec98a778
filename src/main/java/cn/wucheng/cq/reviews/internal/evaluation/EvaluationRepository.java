package cn.wucheng.cq.reviews.internal.evaluation;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface EvaluationRepository extends ListCrudRepository<Evaluation, Long> {

	List<Evaluation> findByRoundIdAndCaseId(Long roundId, Long caseId);

}
