package cn.wucheng.cq.imports.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.shared.LeftoverFiles;

/**
 * The imports' spool files in the temporary directory that a killed process left (fault tolerance): an upload being
 * imported ({@code cq-import-*.upload}: the pages, the API, the split import), a pushed case list
 * ({@code cq-push-*.json}) and a split import's per-bureau spools ({@code cq-split-*}). Swept once the application
 * has started, those older than {@link LeftoverFiles#AGE} only (another instance on the machine may be importing).
 */
@Component
class SpoolLeftovers {

	/** The names the imports give their temporary files and directories. */
	static final String[] NAMES = { "cq-import-*.upload", "cq-push-*.json", "cq-split-*" };

	private final Clock clock;

	private final Path dir;

	@Autowired
	SpoolLeftovers(Clock clock) {
		this(clock, LeftoverFiles.temporaryDirectory());
	}

	SpoolLeftovers(Clock clock, Path dir) {
		this.clock = clock;
		this.dir = dir;
	}

	@EventListener(ApplicationReadyEvent.class)
	int sweep() {
		int deleted = 0;
		for (String name : NAMES) {
			deleted += LeftoverFiles.sweep(dir, name, clock);
		}
		return deleted;
	}

}
