package cn.wucheng.cq.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.wucheng.cq.support.Bureau;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The foreign keys of case_file that a large case import checks at its end instead of row by row: a row referring to nothing is found and named, and
 * whatever happens the keys are back after the transaction.
 */
@ResourceLock(providers = SharedContextLock.class)
// the owner: these tests tamper with or inspect what only the owner may (issue 16: the application connects as cq_app)
@SpringBootTest(properties = { "cq.test.context=imports-deferred-keys", "cq.test.database-role=owner" })
class DeferredForeignKeysTests {

	private static final Set<String> REFERENCES = Set.of("domain_id", "unit_id", "lead_id", "co_id");

	@Autowired
	JdbcTemplate template;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private List<String> foreignKeys() {
		return template.queryForList("""
				select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
				where conrelid = 'case_file'::regclass and contype = 'f'
				  and conname <> 'case_file_bureau_fk' -- the bureau's (issue 16) is not an import's to drop
				order by conname""", String.class);
	}

	@Test
	void aCaseReferringToNoPersonIsFoundWhileTheKeysAreAwayAndTheRollbackBringsThemBack() {
		List<String> before = foreignKeys();
		assertThat(before).hasSize(4);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			Bureau bureau = new Bureau(jdbc);
			long unit = bureau.unit("外键中队", "直属中队");
			long lead = bureau.officer("DFK-1", "甲", unit);
			DeferredForeignKeys keys = DeferredForeignKeys.drop(template, "case_file", REFERENCES);
			assertThat(keys).isNotNull();
			assertThat(keys.keys()).extracting(DeferredForeignKeys.Key::column)
				.containsExactlyInAnyOrder("domain_id", "unit_id", "lead_id", "co_id");
			assertThat(foreignKeys()).isEmpty();
			template.update("""
					insert into case_file (case_no, category, domain_id, unit_id, filed_on, lead_id, co_id)
					values ('DFK-00001', 'ORDINARY', (select min(id) from domain), ?, date '2024-01-02', ?, -7)""", unit,
					lead);
			assertThat(keys.restore()).isFalse();
			DeferredForeignKeys.Key co = keys.keys()
				.stream()
				.filter(k -> k.column().equals("co_id"))
				.findFirst()
				.orElseThrow();
			assertThat(keys.missing(co, "case_no")).singleElement()
				.satisfies(row -> assertThat(row).containsExactly("DFK-00001", -7L));
			DeferredForeignKeys.Key leadKey = keys.keys()
				.stream()
				.filter(k -> k.column().equals("lead_id"))
				.findFirst()
				.orElseThrow();
			assertThat(keys.missing(leadKey, "case_no")).isEmpty();
			status.setRollbackOnly();
		});
		assertThat(foreignKeys()).isEqualTo(before);
	}

	@Test
	void keysDroppedOverValidRowsAreAddedAgainAsTheyWere() {
		List<String> before = foreignKeys();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			DeferredForeignKeys keys = DeferredForeignKeys.drop(template, "case_file", Set.of("lead_id", "co_id"));
			assertThat(keys).isNotNull();
			assertThat(foreignKeys()).hasSize(2);
			assertThat(keys.restore()).isTrue();
			assertThat(foreignKeys()).isEqualTo(before);
			status.setRollbackOnly();
		});
		assertThat(foreignKeys()).isEqualTo(before);
	}

}
