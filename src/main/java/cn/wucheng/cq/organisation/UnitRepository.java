package cn.wucheng.cq.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface UnitRepository extends ListCrudRepository<Unit, Long> {

	Optional<Unit> findByName(String name);

	List<Unit> findAllByOrderByTypeAscNameAsc();

}
