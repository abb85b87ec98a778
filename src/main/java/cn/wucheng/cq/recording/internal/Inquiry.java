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
	 * @throws RecordingRefusal naming the field or the person and the rule
	 */
	static Inquiry record(CaseFile c, Details d, List<Present> present, boolean rulesApply, LocalDate today,
			LocalDateTime now, String by) {
		if (d.heldOn() == null) {
			throw new RecordingRefusal("请填写询问日期");
		}
		if (d.heldOn().isBefore(c.getFiledOn())) {
			throw new RecordingRefusal("询问日期 " + d.heldOn() + " 不能早于立案日期 " + c.getFiledOn());
		}
		if (d.heldOn().isAfter(today)) {
			throw new RecordingRefusal("询问日期 " + d.heldOn() + " 不能晚于今天（" + today + "）");
		}
		if (d.inInquiryRoom() == null) {
			throw new RecordingRefusal("请选择询问地点：调查询问室或其他地点");
		}
		String place = strip(d.place());
		String camera = strip(d.bodyCameraNo());
		if (place != null && place.length() > MAX_PLACE) {
			throw new RecordingRefusal("询问地点最长 " + MAX_PLACE + " 个字符");
		}
		if (camera != null && camera.length() > MAX_TEXT) {
			throw new RecordingRefusal("执法记录仪录像编号最长 " + MAX_TEXT + " 个字符");
		}
		if (!d.inInquiryRoom() && place == null) {
			throw new RecordingRefusal("在调查询问室以外询问的，请填写询问地点");
		}
		if (present.isEmpty()) {
			throw new RecordingRefusal("请填写在场人员的工号");
		}
		if (rulesApply) {
			if (!d.inInquiryRoom() && c.getCategory().isOrdinary() && camera == null) {
				throw new RecordingRefusal("在调查询问室以外进行调查询问的，须以执法记录仪全程录像，请填写执法记录仪录像编号（实施方案 四（四））");
			}
			List<Present> auxiliaries = present.stream().filter(p -> !p.formal()).toList();
			if (d.inInquiryRoom() && !auxiliaries.isEmpty()) {
				throw new RecordingRefusal("辅助人员 " + auxiliaries.stream().map(Present::label)
					.collect(Collectors.joining("、")) + " 不得在调查询问室参与询问（任务清单第6项）");
			}
			long formal = present.stream().filter(Present::formal).count();
			if (formal < MIN_FORMAL) {
				throw new RecordingRefusal("调查询问须由至少 " + MIN_FORMAL + " 名正式执法人员进行，在场人员中只有 " + formal
						+ " 名（实施方案 四（二）：严禁辅助队员参与案件办理）");
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

	String describe() {
		return heldOn + " " + (inInquiryRoom ? "调查询问室" : "其他地点 " + place) + " 执法记录仪 "
				+ (bodyCameraNo == null ? "无" : bodyCameraNo) + " 在场 " + attendees.stream()
					.map(a -> String.valueOf(a.personId())).sorted().collect(Collectors.joining(","));
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
