package cn.wucheng.cq.recording.internal;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface CaseVideoRepository extends ListCrudRepository<CaseVideo, Long> {

	List<CaseVideo> findByCaseIdOrderByIdAsc(Long caseId);

}
