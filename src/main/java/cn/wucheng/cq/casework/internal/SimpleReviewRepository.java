package cn.wucheng.cq.casework.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface SimpleReviewRepository extends ListCrudRepository<SimpleReview, Long> {

	Optional<SimpleReview> findByCaseId(Long caseId);

}
