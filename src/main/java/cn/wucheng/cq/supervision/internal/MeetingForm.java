package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that records a review meeting. */
class MeetingForm implements java.io.Serializable {

	// flashed across the redirect when refused, so kept in the session, which lives in the database (issue 16)
	private static final long serialVersionUID = 1L;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate heldOn;

	private String attendees;

	private String minutes;

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public String getAttendees() {
		return attendees;
	}

	public void setAttendees(String attendees) {
		this.attendees = attendees;
	}

	public String getMinutes() {
		return minutes;
	}

	public void setMinutes(String minutes) {
		this.minutes = minutes;
	}

}
