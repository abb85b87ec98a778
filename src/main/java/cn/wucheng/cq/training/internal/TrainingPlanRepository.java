package cn.wucheng.cq.training.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface TrainingPlanRepository extends ListCrudRepository<TrainingPlan, Long> {

	Optional<TrainingPlan> findByUnitIdAndPlanYear(Long unitId, int planYear);

}
