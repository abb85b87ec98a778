package cn.wucheng.cq.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface CalendarDayRepository extends ListCrudRepository<CalendarDay, Long> {

	Optional<CalendarDay> findByOnDate(LocalDate onDate);

	List<CalendarDay> findByOnDateBetweenOrderByOnDate(LocalDate from, LocalDate to);

}
