package cn.wucheng.cq.supervision.internal;

/** The shared test context of the supervision pages: its files directory under target/ and a small upload limit. */
final class SupervisionContext {

	static final String NAME = "cq.test.context=supervision";

	static final String FILES_DIR = "target/supervision-files-test";

	static final String FILES = "cq.supervision.files-dir=" + FILES_DIR;

	/** 100 KB, so that an oversize upload needs no 20 MB of test data. */
	static final String LIMIT = "cq.supervision.evidence-max-size=100KB";

	private SupervisionContext() {
	}

}
