package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A new inquiry of a case: date, place (the inquiry room or elsewhere), body camera, who was present. */
public class InquiryForm implements java.io.Serializable {

	// flashed across the redirect when refused, so kept in the session, which lives in the database (issue 16)
	private static final long serialVersionUID = 1L;

	/** Where the inquiry was held: {@code ROOM} (调查询问室) or {@code ELSEWHERE}. */
	public enum Where {
		ROOM, ELSEWHERE
	}

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate heldOn;

	private Where where;

	private String place;

	private String bodyCameraNo;

	/** 工号 of the people present, separated by spaces, commas or 、. */
	private String present;

	Inquiry.Details toDetails() {
		return new Inquiry.Details(heldOn, where == null ? null : where == Where.ROOM, place, bodyCameraNo);
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public Where getWhere() {
		return where;
	}

	public void setWhere(Where where) {
		this.where = where;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getBodyCameraNo() {
		return bodyCameraNo;
	}

	public void setBodyCameraNo(String bodyCameraNo) {
		this.bodyCameraNo = bodyCameraNo;
	}

	public String getPresent() {
		return present;
	}

	public void setPresent(String present) {
		this.present = present;
	}

}
