package cn.wucheng.cq.cases;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface CaseFileRepository extends ListCrudRepository<CaseFile, Long> {

	Optional<CaseFile> findByCaseNo(String caseNo);

}
