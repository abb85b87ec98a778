package cn.wucheng.cq.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface DomainRepository extends ListCrudRepository<Domain, Long> {

	Optional<Domain> findByName(String name);

	List<Domain> findAllByOrderBySortOrderAscNameAsc();

}
