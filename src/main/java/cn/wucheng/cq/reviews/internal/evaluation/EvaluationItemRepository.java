package cn.wucheng.cq.reviews.internal.evaluation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface EvaluationItemRepository extends ListCrudRepository<EvaluationItem, Long> {

	Optional<EvaluationItem> findByCode(String code);

	List<EvaluationItem> findAllByOrderBySortOrderAscCodeAsc();

}
