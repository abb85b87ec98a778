package cn.wucheng.cq.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.support.SharedContextLock;
import cn.wucheng.cq.support.TestClock;
import cn.wucheng.cq.support.TestDatabaseInitializer;

/**
 * Issue 16: each bureau's audit log is a hash chain of its own (migration 9.70), which its audit administrator — who
 * sees only his bureau's entries — can walk. Entries of two bureaus written in turn; each verifies intact over its own
 * entries only; a row changed in one bureau breaks that bureau's chain and not the other's. The context of the split
 * import's tests (several bureaus); two bureaus of its own, {@code ac-}.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(properties = "cq.test.context=split")
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class AuditChainPerBureauTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChainVerifier verifier;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	DataSource dataSource;

	static long geng;

	static long xin;

	@BeforeEach
	void twoBureausOfTheirOwn() {
		if (geng == 0) {
			geng = bureau("ac-geng", "庚县综合行政执法局");
			xin = bureau("ac-xin", "辛县综合行政执法局");
		}
	}

	private long bureau(String code, String name) {
		jdbc.sql("insert into bureau (code, name, city) values (?, ?, '舟山市')").params(code, name).update();
		return jdbc.sql("select id from bureau where code = ?").param(code).query(Long.class).single();
	}

	@Test
	void twoBureausEntriesWrittenInTurnEachVerifyIntactOverTheirOwnEntriesOnly() {
		List<Long> gengIds = new ArrayList<>();
		List<Long> xinIds = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			gengIds.add(write(geng, "ac-turn-" + i));
			xinIds.add(write(xin, "ac-turn-" + i));
		}

		for (long bureau : List.of(geng, xin)) {
			AuditChainVerifier.Result result = Bureaus.runAs(bureau, verifier::verify);
			assertThat(result.intact()).as("bureau %s: %s at %s", bureau, result.problem(), result.firstBrokenId())
				.isTrue();
			assertThat(result.checked()).isEqualTo(own(bureau));
		}
		// the chains interleave in the log but link only within their bureau
		assertThat(prevHashOf(xinIds.get(1))).isEqualTo(rowHashOf(xinIds.get(0)));
		assertThat(prevHashOf(gengIds.get(1))).isEqualTo(rowHashOf(gengIds.get(0)));
	}

	@Test
	void aRowChangedInOneBureauBreaksThatBureausChainAndNotTheOthers() {
		long gengRow = write(geng, "ac-tamper-1");
		write(geng, "ac-tamper-2");
		write(xin, "ac-tamper-1");
		JdbcClient owner = TestDatabaseInitializer.asOwner(dataSource);
		String original = owner.sql("select detail from audit_log where id = ?").param(gengRow).query(String.class)
			.single();
		try {
			owner.sql("update audit_log set detail = '改过的说明' where id = ?").param(gengRow).update();

			AuditChainVerifier.Result broken = Bureaus.runAs(geng, verifier::verify);
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(gengRow);
			assertThat(broken.problem()).isEqualTo(AuditChainVerifier.Problem.CHANGED);
			assertThat(Bureaus.runAs(xin, verifier::verify).intact()).isTrue();
		}
		finally {
			owner.sql("update audit_log set detail = ? where id = ?").params(original, gengRow).update();
		}
		assertThat(Bureaus.runAs(geng, verifier::verify).intact()).isTrue();
	}

	/** One entry in the bureau's log, committed; its id. */
	private long write(long bureau, String key) {
		Bureaus.runAs(bureau, () -> tx.executeWithoutResult(
				s -> audit.record("CHAIN_TEST", "bureau", key, "每局一条链", null, null)));
		return Bureaus.runAs(bureau, () -> jdbc.sql("select max(id) from audit_log where entity_key = ?").param(key)
			.query(Long.class).single());
	}

	private long own(long bureau) {
		return Bureaus.runAs(bureau, () -> jdbc.sql("select count(*) from audit_log").query(Long.class).single());
	}

	private String prevHashOf(long id) {
		return TestDatabaseInitializer.asOwner(dataSource).sql("select prev_hash from audit_log where id = ?")
			.param(id).query(String.class).single();
	}

	private String rowHashOf(long id) {
		return TestDatabaseInitializer.asOwner(dataSource).sql("select row_hash from audit_log where id = ?")
			.param(id).query(String.class).single();
	}

}
