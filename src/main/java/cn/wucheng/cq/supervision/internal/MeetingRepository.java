package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface MeetingRepository extends ListCrudRepository<Meeting, Long> {

	List<Meeting> findByHeldOnBetweenOrderByHeldOnAscIdAsc(LocalDate from, LocalDate to);

	@Query("select * from supervision_meeting where held_on between :from and :to order by held_on, id limit 1")
	Optional<Meeting> firstIn(@Param("from") LocalDate from, @Param("to") LocalDate to);

	default Optional<LocalDate> firstHeldIn(LocalDate from, LocalDate to) {
		return firstIn(from, to).map(Meeting::getHeldOn);
	}

}
