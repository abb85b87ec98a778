package cn.wucheng.cq.imports;

/** How a file reached the importer; its Chinese label is the message {@code imports.source.<name>}. */
public enum ImportSource {

	/** 页面: uploaded on the import page by 法制科. */
	PAGE,
	/** 接口: sent to {@code POST /api/v1/imports/{kind}} by a script or another system. */
	API,
	/** 投递目录: picked up from the drop folder ({@code cq.imports.inbox}). */
	INBOX,
	/** 接口推送: one case pushed to {@code PUT /api/v1/cases/{案件编号}} (issue 14), a history row per push. */
	PUSH

}
