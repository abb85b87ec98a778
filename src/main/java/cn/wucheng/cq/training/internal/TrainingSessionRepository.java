package cn.wucheng.cq.training.internal;

import org.springframework.data.repository.ListCrudRepository;

public interface TrainingSessionRepository extends ListCrudRepository<TrainingSession, Long> {

}
