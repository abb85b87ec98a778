package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

// Reads in one read-only transaction: the child collections of an aggregate are then read on the connection of
// its row, not on a second pooled one while the first is still open (issue 11: ten list pages held the pool)
@Transactional(readOnly = true)
interface MeetingRepository extends ListCrudRepository<Meeting, Long> {

	List<Meeting> findByHeldOnBetweenOrderByHeldOnAscIdAsc(LocalDate from, LocalDate to);

	@Query("select * from supervision_meeting where held_on between :from and :to order by held_on, id limit 1")
	Optional<Meeting> firstIn(@Param("from") LocalDate from, @Param("to") LocalDate to);

	default Optional<LocalDate> firstHeldIn(LocalDate from, LocalDate to) {
		return firstIn(from, to).map(Meeting::getHeldOn);
	}

}
