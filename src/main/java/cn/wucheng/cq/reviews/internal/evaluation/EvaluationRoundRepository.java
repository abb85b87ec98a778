package cn.wucheng.cq.reviews.internal.evaluation;

import org.springframework.data.repository.ListCrudRepository;

interface EvaluationRoundRepository extends ListCrudRepository<EvaluationRound, Long> {

}
