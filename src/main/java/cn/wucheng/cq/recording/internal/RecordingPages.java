package cn.wucheng.cq.recording.internal;

/** Who may call the recording pages. */
final class RecordingPages {

	/** Read a case's recording: everyone who reads cases, within his scope. */
	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	/** Record: the legal section, the case's squad (leader, legal officer), its handlers (officer). */
	static final String RECORDERS = "hasAnyRole('LEGAL','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	/** The compliance page: the legal section, supervision, leaders for all squads; a squad's roles for theirs. */
	static final String COMPLIANCE_READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	private RecordingPages() {
	}

}
