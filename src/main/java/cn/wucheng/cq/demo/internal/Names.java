package cn.wucheng.cq.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import cn.wucheng.cq.organisation.Sex;

/** Plausible Chinese names: common surnames (with 楼, 应, 傅 of 金华), one- or two-character given names by sex. */
final class Names {

	// Frequent surnames are listed twice so they come up more often.
	private static final List<String> SURNAMES = List.of("王", "王", "李", "李", "张", "张", "刘", "陈", "陈", "杨", "黄",
			"赵", "吴", "吴", "周", "徐", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐",
			"许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "叶", "程", "苏",
			"魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "钟", "谭", "陆", "汪", "范", "金", "金", "石", "贾", "夏", "方",
			"方", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝",
			"龚", "邵", "万", "钱", "严", "武", "戴", "莫", "孔", "汤", "楼", "楼", "应", "应", "傅", "傅", "倪", "盛", "章");

	private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林峰建国志海阳晨东文力俊锋斌亮荣胜";

	private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲婷雪慧琳颖倩洁萍红梅莉兰琴云佳欣怡思晓露丹璐瑶蓉";

	private final SplittableRandom random;

	private final Set<String> used = new HashSet<>(); // membership only: its order is never read

	Names(SplittableRandom random) {
		this.random = random;
	}

	/** A name not yet used in this bureau (after a few tries a duplicate is allowed, as happens in real bureaus). */
	String next(Sex sex) {
		String name = draw(sex);
		for (int i = 0; i < 20 && used.contains(name); i++) {
			name = draw(sex);
		}
		used.add(name);
		return name;
	}

	private String draw(Sex sex) {
		String chars = sex == Sex.MALE ? MALE : FEMALE;
		StringBuilder b = new StringBuilder(SURNAMES.get(random.nextInt(SURNAMES.size())));
		b.append(chars.charAt(random.nextInt(chars.length())));
		if (random.nextInt(100) < 65) {
			b.append(chars.charAt(random.nextInt(chars.length())));
		}
		return b.toString();
	}

}
