package cn.wucheng.cq.demo;

import java.util.List;

/**
 * The six import lists of IMPORT.md in import order, each with its file key and exactly the columns of the example
 * bureau (examples/small/*.csv). Optional columns the example leaves out (手机号, 案件名称, 退卷原因, 评选名称) are
 * left out here too.
 */
public enum ImportList {

	/** 执法领域. */
	DOMAINS("domains", "领域编码", "领域名称"),
	/** 单位. */
	UNITS("units", "单位名称", "单位类型", "管理领域"),
	/** 人员. */
	PEOPLE("people", "工号", "姓名", "性别", "出生日期", "人员类别", "所属单位", "职务"),
	/** 案件. */
	CASES("cases", "案件编号", "决定书号", "案件类别", "执法领域", "办案单位", "案件来源", "立案日期", "办结日期", "主办人工号",
			"协办人工号", "视频编号"),
	/** 退卷扣分. */
	DEDUCTIONS("deductions", "案件编号", "退卷日期", "扣分项编码", "扣分项", "扣分"),
	/** 优秀案卷. */
	AWARDS("awards", "案件编号", "评选级别", "评选日期");

	private final String key;

	private final List<String> headers;

	ImportList(String key, String... headers) {
		this.key = key;
		this.headers = List.of(headers);
	}

	/** "domains", "units", … : the map key of {@link InMemorySink} and the file's base name. */
	public String key() {
		return key;
	}

	/** {@code key() + ".csv"}. */
	public String csvFileName() {
		return key + ".csv";
	}

	/** The header row, in order. */
	public List<String> headers() {
		return headers;
	}

}
