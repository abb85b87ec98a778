package cn.wucheng.cq.casework;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.wucheng.cq.support.Bureau;

/**
 * A squad for casework tests in domain language: its leader (中队长), deputy (副中队长), legal officer (法制员), three
 * formal officers and two auxiliaries, all with employee numbers prefixed by the squad's code so test classes do not
 * collide.
 */
final class CaseworkFixture {

	final Bureau bureau;

	final JdbcClient jdbc;

	final long unit;

	final long leader;

	final long deputy;

	final long legalOfficer;

	final long a;

	final long b;

	final long c;

	final long aux1;

	final long aux2;

	final String code;

	CaseworkFixture(JdbcClient jdbc, String code, String unitName, String typeLabel, boolean withDeputy) {
		this.jdbc = jdbc;
		this.bureau = new Bureau(jdbc);
		this.code = code;
		this.unit = bureau.unit(unitName, typeLabel);
		LocalDate born = LocalDate.of(1980, 5, 1);
		this.leader = bureau.person(code + "-L", code + "队长", "MALE", born, "FORMAL", unit, "SQUAD_LEADER");
		this.deputy = withDeputy ? bureau.person(code + "-D", code + "副队长", "MALE", born, "FORMAL", unit,
				"DEPUTY_SQUAD_LEADER") : -1;
		this.legalOfficer = bureau.person(code + "-F", code + "法制员", "FEMALE", born, "FORMAL", unit, "LEGAL_OFFICER");
		this.a = bureau.officer(code + "-A", code + "甲", unit);
		this.b = bureau.officer(code + "-B", code + "乙", unit);
		this.c = bureau.officer(code + "-C", code + "丙", unit);
		this.aux1 = bureau.auxiliary(code + "-X", code + "辅一", unit);
		this.aux2 = bureau.auxiliary(code + "-Y", code + "辅二", unit);
	}

	/** A simple case decided (and so concluded) on a day, handled by a and b. */
	long simpleCase(String caseNo, LocalDate day) {
		return bureau.caseIn(caseNo, "简易程序", "市容环境卫生", unit, a, b, day, day);
	}

	long domainId() {
		return jdbc.sql("select id from domain where name = '市容环境卫生'").query(Long.class).single();
	}

	long caseId(String caseNo) {
		return jdbc.sql("select id from case_file where case_no = ?").param(caseNo).query(Long.class).single();
	}

	int version(long caseId) {
		return jdbc.sql("select version from case_file where id = ?").param(caseId).query(Integer.class).single();
	}

	long audits(String action, String key) {
		return jdbc.sql("select count(*) from audit_log where action = ? and entity_key = ?")
			.params(action, key)
			.query(Long.class)
			.single();
	}

}
