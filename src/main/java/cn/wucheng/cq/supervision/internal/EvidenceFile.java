package cn.wucheng.cq.supervision.internal;

import java.time.LocalDateTime;

/** An evidence file of a task or a photo of a meeting, as listed. */
record EvidenceFile(long id, Long taskId, Long meetingId, Long unitId, String unitName, String originalName,
		FileType fileType, long sizeBytes, String storedName, String uploadedBy, LocalDateTime uploadedAt) {

	/** The size for people: KB or MB with one decimal. */
	public String sizeText() {
		if (sizeBytes < 1024 * 1024) {
			return String.format("%.1f KB", sizeBytes / 1024.0);
		}
		return String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0));
	}

}
