package cn.wucheng.cq.audit.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Refusals;

/** Records who exported which part of the audit log (the audit administrator's actions are audited too). */
@Service
class AuditExports {

	private final AuditLog audit;

	private final Refusals refusals;

	AuditExports(AuditLog audit, Refusals refusals) {
		this.audit = audit;
		this.refusals = refusals;
	}

	@Transactional
	void recordExport(AuditSearch.Criteria c) {
		audit.record("AUDIT_EXPORTED", "audit_log", null, refusals.message("audit.exported", c.username(), c.action(),
				c.entity(), c.from(), c.to()), null, null);
	}

}
