package cn.wucheng.cq.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

// Reads in one read-only transaction: the child collections of an aggregate are then read on the connection of
// its row, not on a second pooled one while the first is still open (issue 11: ten list pages held the pool)
@Transactional(readOnly = true)
public interface UnitRepository extends ListCrudRepository<Unit, Long> {

	Optional<Unit> findByName(String name);

	List<Unit> findAllByOrderByTypeAscNameAsc();

}
