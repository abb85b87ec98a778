package cn.wucheng.cq.reviews;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface DeductionItemRepository extends ListCrudRepository<DeductionItem, Long> {

	Optional<DeductionItem> findByCode(String code);

	List<DeductionItem> findAllByOrderByCode();

}
