package cn.wucheng.cq.demo.internal;

import java.math.BigDecimal;
import java.util.List;

/** Fixed reference data the generator draws from: the example bureau's catalogues and place names. */
public final class Catalogue {

	private Catalogue() {
	}

	public record DomainEntry(String code, String name) {
	}

	/** An item of the case-quality evaluation standard, with the example's codes, texts and points. */
	public record DeductionEntry(String code, String text, BigDecimal points) {
	}

	/** the 30 catalogue domains, as in the V1_0 migration and examples/small/domains.csv. */
	public static final List<DomainEntry> DOMAINS = List.of(new DomainEntry("D01", "市容环境卫生"),
			new DomainEntry("D02", "城乡规划"), new DomainEntry("D03", "园林绿化"), new DomainEntry("D04", "市政公用"),
			new DomainEntry("D05", "住房城乡建设"), new DomainEntry("D06", "房地产"), new DomainEntry("D07", "物业管理"),
			new DomainEntry("D08", "生态环境"), new DomainEntry("D09", "自然资源"), new DomainEntry("D10", "水利"),
			new DomainEntry("D11", "农业农村"), new DomainEntry("D12", "林业"), new DomainEntry("D13", "交通运输"),
			new DomainEntry("D14", "文化旅游"), new DomainEntry("D15", "卫生健康"), new DomainEntry("D16", "市场监管"),
			new DomainEntry("D17", "商务"), new DomainEntry("D18", "人防"), new DomainEntry("D19", "民政"),
			new DomainEntry("D20", "教育"), new DomainEntry("D21", "体育"), new DomainEntry("D22", "粮食物资"),
			new DomainEntry("D23", "气象"), new DomainEntry("D24", "消防"), new DomainEntry("D25", "应急管理"),
			new DomainEntry("D26", "人力社保"), new DomainEntry("D27", "发展改革"), new DomainEntry("D28", "经济信息化"),
			new DomainEntry("D29", "民族宗教"), new DomainEntry("D30", "统计"));

	/** the deduction items of examples/small/deductions.csv. */
	public static final List<DeductionEntry> DEDUCTION_ITEMS = List.of(
			new DeductionEntry("PC01", "立案审批手续不全", new BigDecimal("0.5")),
			new DeductionEntry("PC02", "证据链不完整", new BigDecimal("1")),
			new DeductionEntry("PC03", "法律适用错误", new BigDecimal("1.5")),
			new DeductionEntry("PC04", "文书制作不规范", new BigDecimal("0.5")),
			new DeductionEntry("PC05", "程序超期", new BigDecimal("1")),
			new DeductionEntry("PC06", "全过程记录缺失", new BigDecimal("1")));

	/** 案件来源. 路面查处 cases need a 视频编号. */
	public static final String ON_ROAD = "路面查处";

	public static final String COMPLAINT = "投诉举报";

	public static final String PATROL = "巡查发现";

	public static final String REFERRAL = "部门移送";

	/** Urban areas of 婺城 for 一类中队 (then numbered if a spec asks for more). */
	public static final List<String> CLASS1_PLACES = List.of("城东", "城西", "城南", "城北", "城中", "江南", "西关", "秋滨",
			"三江", "新狮");

	/** Towns of 婺城 for 二类中队. */
	public static final List<String> CLASS2_PLACES = List.of("罗店", "汤溪", "白龙桥", "琅琊", "雅畈", "安地", "蒋堂", "罗埠",
			"洋埠", "长山", "竹马", "乾西", "苏孟", "塔石", "岭上", "沙畈", "箬阳", "莘畈");

	private static final String DIGITS = "零一二三四五六七八九";

	/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (for 直属一中队 …). */
	public static String chineseNumber(int n) {
		if (n < 1 || n > 99) {
			return Integer.toString(n);
		}
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n));
		}
		String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
		return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
	}

}
