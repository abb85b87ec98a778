package cn.wucheng.cq.acceptance;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import cn.wucheng.cq.support.SharedContextLock;

/**
 * The second reading's example bureau (examples/small-v2, RULES.md as amended) delivered as CSV_GB18030 through the API:
 * three-decimal points shown exactly, auxiliaries who earn nothing (R-23a), simple cases concluded on their
 * 立案日期, 未纳入 before the batch, coverage targets of the managed domains and 未配置.
 */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CQ_LEGAL_PASSWORD=" + ExampleBureauAcceptance.PASSWORD, "cq.test.files=v2-CSV_GB18030" })
class SecondReadingBureauAsInGb18030CsvTests extends ExampleBureauAcceptance {

	@Override
	BureauFiles files() {
		return BureauFiles.CSV_GB18030;
	}

	@Override
	String example() {
		return "small-v2";
	}

	@Override
	boolean decimalsAsNumbers() {
		return true;
	}

}
