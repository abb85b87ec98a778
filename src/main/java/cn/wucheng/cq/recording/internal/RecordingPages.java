package cn.wucheng.cq.recording.internal;

import java.util.Arrays;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Who may call the recording pages, and message lookup. */
@Component
class RecordingPages {

	/** Read a case's recording: everyone who reads cases, within his scope. */
	static final String READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	/** Record: the legal section, the case's squad (leader, legal officer), its handlers (officer). */
	static final String RECORDERS = "hasAnyRole('LEGAL','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')";

	/** The compliance page: the legal section, supervision, leaders for all squads; a squad's roles for theirs. */
	static final String COMPLIANCE_READERS = "hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER')";

	private final MessageSource messages;

	RecordingPages(MessageSource messages) {
		this.messages = messages;
	}

	/** Arguments as text: MessageFormat would write the year 2024 as "2,024". */
	String msg(String key, Object... args) {
		Object[] text = Arrays.stream(args).map(String::valueOf).toArray();
		return messages.getMessage(key, text, key, LocaleContextHolder.getLocale());
	}

}
