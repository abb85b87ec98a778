package cn.wucheng.cq.scoring.publication;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface PublicationRepository extends ListCrudRepository<Publication, Long> {

	Optional<Publication> findByPeriodCode(String periodCode);

}
