package cn.wucheng.cq.reviews.internal.legal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface LegalReviewRepository extends ListCrudRepository<LegalReview, Long> {

	Optional<LegalReview> findByCaseId(Long caseId);

}
