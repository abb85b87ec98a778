package cn.wucheng.cq.recording.internal;

import org.springframework.data.repository.ListCrudRepository;

public interface InquiryRepository extends ListCrudRepository<Inquiry, Long> {

}
