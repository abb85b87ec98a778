package cn.wucheng.cq.supervision.internal;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface SupervisionTaskRepository extends ListCrudRepository<SupervisionTask, Long> {

	List<SupervisionTask> findAllByOrderByTaskNo();

}
