package cn.wucheng.cq.casework.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ReviewListRepository extends ListCrudRepository<ReviewList, Long> {

	Optional<ReviewList> findByUnitIdAndListYearAndListMonth(Long unitId, int listYear, int listMonth);

}
