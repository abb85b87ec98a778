package cn.wucheng.cq.rollout.internal;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface BatchRepository extends ListCrudRepository<Batch, Long> {

	List<Batch> findByBatchYear(int batchYear);

}
