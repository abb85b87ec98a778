package cn.wucheng.cq.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bureaus of a generated province (issue 16 item 3, {@code GenerateBureau --split-bureaus}): 浙江's county-level
 * comprehensive administrative enforcement bureaus (综合行政执法局) city by city, then each city's own bureau (市本级),
 * 101 in all; beyond that numbered ones of no city. Codes B001, B002, … as the generated data's case numbers carry.
 */
public final class ProvinceBureaus {

	/** A bureau as {@code bureaus.csv} lists it. */
	public record Entry(String code, String name, String city) {
	}

	private static final String[][] CITIES = {
			{ "金华市", "婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县" },
			{ "杭州市", "上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县",
					"淳安县", "建德市" },
			{ "宁波市", "海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "象山县", "宁海县", "余姚市", "慈溪市" },
			{ "温州市", "鹿城区", "龙湾区", "瓯海区", "洞头区", "永嘉县", "平阳县", "苍南县", "文成县", "泰顺县", "瑞安市", "乐清市",
					"龙港市" },
			{ "嘉兴市", "南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市" },
			{ "湖州市", "吴兴区", "南浔区", "德清县", "长兴县", "安吉县" },
			{ "绍兴市", "越城区", "柯桥区", "上虞区", "新昌县", "诸暨市", "嵊州市" },
			{ "衢州市", "柯城区", "衢江区", "常山县", "开化县", "龙游县", "江山市" },
			{ "舟山市", "定海区", "普陀区", "岱山县", "嵊泗县" },
			{ "台州市", "椒江区", "黄岩区", "路桥区", "三门县", "天台县", "仙居县", "温岭市", "临海市", "玉环市" },
			{ "丽水市", "莲都区", "青田县", "缙云县", "遂昌县", "松阳县", "云和县", "庆元县", "景宁畲族自治县", "龙泉市" } };

	private static final String SUFFIX = "综合行政执法局";

	private ProvinceBureaus() {
	}

	/** The first {@code n} bureaus. */
	public static List<Entry> first(int n) {
		List<Entry> all = new ArrayList<>(n);
		for (String[] city : CITIES) {
			for (int i = 1; i < city.length; i++) {
				add(all, n, city[i] + SUFFIX, city[0]);
			}
		}
		for (String[] city : CITIES) {
			add(all, n, city[0] + SUFFIX, city[0]);
		}
		while (all.size() < n) {
			add(all, n, String.format(Locale.ROOT, "第%d%s", all.size() + 1, SUFFIX), null);
		}
		return all;
	}

	private static void add(List<Entry> all, int n, String name, String city) {
		if (all.size() < n) {
			all.add(new Entry(String.format(Locale.ROOT, "B%03d", all.size() + 1), name, city));
		}
	}

}
