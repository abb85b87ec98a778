package cn.wucheng.cq.recording.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

// Reads in one read-only transaction: the child collections of an aggregate are then read on the connection of
// its row, not on a second pooled one while the first is still open (issue 11: ten list pages held the pool)
@Transactional(readOnly = true)
public interface DiscArchiveRepository extends ListCrudRepository<DiscArchive, Long> {

	Optional<DiscArchive> findByCaseId(Long caseId);

}
