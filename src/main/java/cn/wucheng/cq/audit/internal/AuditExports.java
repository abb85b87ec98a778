package cn.wucheng.cq.audit.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;

/** Records who exported which part of the audit log (the audit administrator's actions are audited too). */
@Service
class AuditExports {

	private final AuditLog audit;

	AuditExports(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional
	void recordExport(AuditSearch.Criteria c) {
		audit.record("AUDIT_EXPORTED", "audit_log", null, "导出审计日志：用户=" + nz(c.username()) + "，操作=" + nz(c.action())
				+ "，对象=" + nz(c.entity()) + "，日期=" + (c.from() == null ? "" : c.from()) + "～"
				+ (c.to() == null ? "" : c.to()), null, null);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
