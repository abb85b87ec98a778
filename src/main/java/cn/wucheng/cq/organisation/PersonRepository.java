package cn.wucheng.cq.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface PersonRepository extends ListCrudRepository<Person, Long> {

	Optional<Person> findByEmployeeNo(String employeeNo);

	List<Person> findByUnitIdOrderByEmployeeNo(Long unitId);

}
