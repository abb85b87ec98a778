package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * An inquiry (调查询问) of a case: when, where — the designated inquiry room (调查询问室) or elsewhere — the body-camera
 * recording when elsewhere, and who was present. On entry it refuses what forbid once the rules apply
 * to the case's squad; historical inquiries that break them (imported, migrated) are kept and listed as
 * compliance gaps instead.
 */
@Table("case_inquiry")
public class Inquiry {

	static final int MAX_TEXT = 60;

	static final int MAX_PLACE = 200;

	/** R-11 on an inquiry: it is conducted by at least two formal officers (执法人员不得少于两人). */
	static final int MIN_FORMAL = 2;

	@Id
	private Long id;

	private Long caseId;

	private LocalDate heldOn;

	private boolean inInquiryRoom;

	private String place;

	private String bodyCameraNo;

	private LocalDateTime createdAt;

	private String createdBy;

	@MappedCollection(idColumn = "inquiry_id")
	private Set<InquiryAttendee> attendees = new HashSet<>();

	@Version
	private Integer version;

	protected Inquiry() {
	}

	/** What the user entered. */
	record Details(LocalDate heldOn, Boolean inInquiryRoom, String place, String bodyCameraNo) {
	}

	/**
	 * Records an inquiry of a case.
	 * @param rulesApply whether apply to the case's squad on the inquiry day
	 * @throws Refusal naming the field or the person and the rule
	 */
	static Inquiry record(CaseFile c, Details d, List<Present> present, boolean rulesApply, LocalDate today,
			LocalDateTime now, String by) {
		if (d.heldOn() == null) {
			throw Refusal.of("recording.refused.heldOnMissing");
		}
		if (d.heldOn().isBefore(c.getFiledOn())) {
			throw Refusal.of("recording.refused.heldOnBeforeFiling", d.heldOn(), c.getFiledOn());
		}
		if (d.heldOn().isAfter(today)) {
			throw Refusal.of("recording.refused.heldOnInFuture", d.heldOn(), today);
		}
		if (d.inInquiryRoom() == null) {
			throw Refusal.of("recording.refused.whereMissing");
		}
		String place = strip(d.place());
		String camera = strip(d.bodyCameraNo());
		if (place != null && place.length() > MAX_PLACE) {
			throw Refusal.of("recording.refused.placeTooLong", MAX_PLACE);
		}
		if (camera != null && camera.length() > MAX_TEXT) {
			throw Refusal.of("recording.refused.cameraTooLong", MAX_TEXT);
		}
		if (!d.inInquiryRoom() && place == null) {
			throw Refusal.of("recording.refused.placeMissing");
		}
		if (present.isEmpty()) {
			throw Refusal.of("recording.refused.presentMissing");
		}
		if (rulesApply) {
			if (!d.inInquiryRoom() && c.getCategory().isOrdinary() && camera == null) {
				throw Refusal.of("recording.refused.cameraMissing");
			}
			List<Present> auxiliaries = present.stream().filter(p -> !p.formal()).toList();
			if (d.inInquiryRoom() && !auxiliaries.isEmpty()) {
				throw Refusal.of("recording.refused.auxiliaryInRoom",
						auxiliaries.stream().map(Present::label).collect(Collectors.joining("、")));
			}
			long formal = present.stream().filter(Present::formal).count();
			if (formal < MIN_FORMAL) {
				throw Refusal.of("recording.refused.tooFewFormal", MIN_FORMAL, formal);
			}
		}
		Inquiry i = new Inquiry();
		i.caseId = c.getId();
		i.heldOn = d.heldOn();
		i.inInquiryRoom = d.inInquiryRoom();
		i.place = place;
		i.bodyCameraNo = camera;
		i.createdAt = now;
		i.createdBy = by;
		present.forEach(p -> i.attendees.add(new InquiryAttendee(p.id())));
		return i;
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** The inquiry as the audit log keeps it, in the user's words (messages-recording.properties). */
	String describe(Refusals text) {
		String where = inInquiryRoom ? text.message("recording.inquiry.room")
				: text.message("recording.audit.elsewhere", place);
		String camera = bodyCameraNo == null ? text.message("recording.audit.noCamera") : bodyCameraNo;
		return text.message("recording.audit.inquiry", heldOn, where, camera,
				attendees.stream().map(a -> String.valueOf(a.personId())).sorted().collect(Collectors.joining(",")));
	}

	public Long getId() {
		return id;
	}

	public Long getCaseId() {
		return caseId;
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public boolean isInInquiryRoom() {
		return inInquiryRoom;
	}

	public String getPlace() {
		return place;
	}

	public String getBodyCameraNo() {
		return bodyCameraNo;
	}

	public Set<InquiryAttendee> getAttendees() {
		return Set.copyOf(attendees);
	}

	public LocalDateTime getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Integer getVersion() {
		return version;
	}

}
