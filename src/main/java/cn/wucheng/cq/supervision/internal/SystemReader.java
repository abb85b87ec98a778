package cn.wucheng.cq.supervision.internal;

import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.BundledText;

/**
 * The reader the system uses to compute a task's status, the reports and the exports from other modules' APIs: the
 * whole bureau, as the legal section sees it. Never used to answer a user's request for records he could not see.
 */
final class SystemReader {

	static final CurrentUser BUREAU = new CurrentUser(null, "system",
			BundledText.of("messages-supervision", "supervision.systemReader"), Role.LEGAL, null, null);

	private SystemReader() {
	}

}
