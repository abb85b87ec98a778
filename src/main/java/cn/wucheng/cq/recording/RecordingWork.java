package cn.wucheng.cq.recording;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.recording.internal.RecordingActions;

/**
 * Full-process recording for another module acting as a user (the demo bureau's squads): the same service methods
 * the case page calls, with the signed-in user's checks and the audit they write.
 */
@Component
public class RecordingWork {

	private final RecordingActions actions;

	RecordingWork(RecordingActions actions) {
		this.actions = actions;
	}

	/**
	 * an inquiry of the case held on {@code heldOn}, in the inquiry room or elsewhere (then with the body-camera
	 * number of the whole inquiry, or without it: a gap), with the 工号 of those present.
	 */
	public void recordInquiry(long caseId, LocalDate heldOn, boolean inInquiryRoom, String place, String bodyCameraNo,
			String presentEmployeeNos) {
		actions.recordInquiry(caseId, heldOn, inInquiryRoom, place, bodyCameraNo, presentEmployeeNos);
	}

	/** the case's recordings archived on disc with the file (一案一档). */
	public void archiveDisc(long caseId, String discNo, LocalDate archivedOn) {
		actions.archiveDisc(caseId, discNo, archivedOn);
	}

}
