package cn.wucheng.cq.recording.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface DiscArchiveRepository extends ListCrudRepository<DiscArchive, Long> {

	Optional<DiscArchive> findByCaseId(Long caseId);

}
