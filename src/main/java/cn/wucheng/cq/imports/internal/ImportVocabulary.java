package cn.wucheng.cq.imports.internal;

import java.util.List;

import cn.wucheng.cq.shared.InputVocabulary;

/**
 * The Chinese words the imports read in files (issue 15 item 3): the column headers of IMPORT.md's lists (the contract
 * users type and templates repeat), the other names real exports give them (issue 14), the starts of a drop-folder
 * file's name per list and the Chinese form of a date. They are matched against input, so they are data, not text to
 * look up in messages-imports.properties; each importer builds its {@link Column}s from them.
 */
@InputVocabulary("IMPORT.md: column headers, their aliases, drop-folder file names and dates as people type them")
final class ImportVocabulary {

	private ImportVocabulary() {
	}

	// 所属执法局: the bureau of each row of a city's or the province's file (issue 16 item 3), by name or code
	static final String BUREAU = "所属执法局";

	static final List<String> BUREAU_ALIASES = List.of("执法局", "执法局名称", "执法局编码");

	// 执法领域
	static final String DOMAIN_NAME = "领域名称";

	static final String DOMAIN_CODE = "领域编码";

	// 单位
	static final String UNIT_NAME = "单位名称";

	static final String UNIT_TYPE = "单位类型";

	static final String UNIT_DOMAINS = "管理领域";

	// 人员
	static final String EMPLOYEE_NO = "工号";

	static final String PERSON_NAME = "姓名";

	static final String SEX = "性别";

	static final String BIRTH_DATE = "出生日期";

	static final String STAFF_CATEGORY = "人员类别";

	static final String PERSON_UNIT = "所属单位";

	static final List<String> PERSON_UNIT_ALIASES = List.of("所在单位");

	static final String POST = "职务";

	static final String CERTIFICATE_NO = "执法证号";

	static final List<String> CERTIFICATE_NO_ALIASES = List.of("执法证件号", "执法证编号");

	static final String PHONE = "手机号";

	static final List<String> PHONE_ALIASES = List.of("手机号码", "联系电话");

	// 案件; 案件编号 also keys 退卷扣分 and 优秀案卷
	static final String CASE_NO = "案件编号";

	static final String CASE_CATEGORY = "案件类别";

	static final String CASE_DOMAIN = "执法领域";

	static final List<String> CASE_DOMAIN_ALIASES = List.of("执法门类");

	static final String CASE_UNIT = "办案单位";

	static final List<String> CASE_UNIT_ALIASES = List.of("承办单位");

	static final String FILED_ON = "立案日期";

	static final String LEAD = "主办人工号";

	static final List<String> LEAD_ALIASES = List.of("第一承办人", "主办人员", "承办人1", "主办人");

	static final String CO = "协办人工号";

	static final List<String> CO_ALIASES = List.of("第二承办人", "协办人员", "承办人2", "协办人");

	static final String DECISION_NO = "决定书号";

	static final List<String> DECISION_NO_ALIASES = List.of("处罚决定书文号", "决定书文号");

	static final String CASE_TITLE = "案件名称";

	static final String CASE_SOURCE = "案件来源";

	static final String CONCLUDED_ON = "办结日期";

	static final List<String> CONCLUDED_ON_ALIASES = List.of("结案日期");

	static final String VIDEO_NO = "视频编号";

	/** Issue 14: the platform's single column of both handlers. */
	static final String HANDLERS = "承办人";

	static final List<String> HANDLERS_ALIASES = List.of("承办人员", "办案人员");

	// 退卷扣分
	static final String RETURNED_ON = "退卷日期";

	static final String ITEM_CODE = "扣分项编码";

	static final String POINTS = "扣分";

	static final String ITEM_TEXT = "扣分项";

	static final String RETURN_REASON = "退卷原因";

	// 优秀案卷
	static final String AWARD_LEVEL = "评选级别";

	static final String RATED_ON = "评选日期";

	static final String AWARD_TITLE = "评选名称";

	// 培训学时
	static final String TRAINED_ON = "培训日期";

	static final String TRAINING_TITLE = "培训名称";

	static final String HOURS = "学时";

	static final String ORGANISER = "主办单位";

	static final String TRAINING_CERTIFICATE_NO = "证书编号";

	// Drop folder (issue 14 item 4): how a file's name may start, per list, besides the list's key in URLs
	static final List<String> DOMAINS_FILE = List.of("执法领域", "领域");

	static final List<String> UNITS_FILE = List.of("单位");

	static final List<String> PEOPLE_FILE = List.of("人员");

	static final List<String> CASES_FILE = List.of("案件");

	static final List<String> DEDUCTIONS_FILE = List.of("退卷扣分", "扣分");

	static final List<String> AWARDS_FILE = List.of("优秀案卷", "奖励");

	static final List<String> TRAINING_HOURS_FILE = List.of("培训学时");

	/** 2024年3月5日 (also 5号), as people type a date in Excel/WPS. */
	static final String CHINESE_DATE = "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]";

}
