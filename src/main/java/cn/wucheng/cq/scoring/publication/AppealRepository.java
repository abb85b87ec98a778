package cn.wucheng.cq.scoring.publication;

import org.springframework.data.repository.ListCrudRepository;

public interface AppealRepository extends ListCrudRepository<Appeal, Long> {

	long countByPublicationIdAndStatus(Long publicationId, AppealStatus status);

}
