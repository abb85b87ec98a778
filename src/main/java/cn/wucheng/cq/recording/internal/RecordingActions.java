package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Behind {@link cn.wucheng.cq.recording.RecordingWork}: the recording service, as the signed-in user. */
@Component
public class RecordingActions {

	private final RecordingService recording;

	RecordingActions(RecordingService recording) {
		this.recording = recording;
	}

	public void recordInquiry(long caseId, LocalDate heldOn, boolean inInquiryRoom, String place, String bodyCameraNo,
			String presentEmployeeNos) {
		recording.addInquiry(caseId, new Inquiry.Details(heldOn, inInquiryRoom, place, bodyCameraNo),
				presentEmployeeNos);
	}

	public void archiveDisc(long caseId, String discNo, LocalDate archivedOn) {
		recording.archiveDisc(caseId, discNo, archivedOn, recording.disc(caseId).map(DiscArchive::getVersion).orElse(null));
	}

}
