package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.shared.Refusal;

/** A monthly review meeting (研判会商, R-72): its date, who attended and the minutes; photos are files of it. */
@Table("supervision_meeting")
public class Meeting {

	@Id
	private Long id;

	private LocalDate heldOn;

	private String attendees;

	private String minutes;

	private String createdBy;

	private LocalDateTime createdAt;

	@Version
	private Integer version;

	protected Meeting() {
	}

	/** Records a meeting; refuses a date after today and empty attendees or minutes. */
	static Meeting record(LocalDate heldOn, String attendees, String minutes, String by, LocalDateTime now) {
		if (heldOn == null) {
			throw Refusal.of("supervision.refused.meetingDateMissing");
		}
		if (heldOn.isAfter(now.toLocalDate())) {
			throw Refusal.of("supervision.refused.meetingInFuture", heldOn);
		}
		if (attendees == null || attendees.isBlank()) {
			throw Refusal.of("supervision.refused.attendeesMissing");
		}
		if (minutes == null || minutes.isBlank()) {
			throw Refusal.of("supervision.refused.minutesMissing");
		}
		Meeting m = new Meeting();
		m.heldOn = heldOn;
		m.attendees = attendees.strip();
		m.minutes = minutes.strip();
		m.createdBy = by;
		m.createdAt = now;
		return m;
	}

	/** held after its month's deadline (the 25th, moved to the next working day). */
	boolean isLate(LocalDate due) {
		return heldOn.isAfter(due);
	}

	public Long getId() {
		return id;
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public String getAttendees() {
		return attendees;
	}

	public String getMinutes() {
		return minutes;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
	}

	public Integer getVersion() {
		return version;
	}

}
