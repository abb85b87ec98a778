package cn.wucheng.cq.recording.internal;

import org.springframework.data.relational.core.mapping.Table;

/** A person present at an inquiry. */
@Table("case_inquiry_attendee")
public record InquiryAttendee(Long personId) {
}
