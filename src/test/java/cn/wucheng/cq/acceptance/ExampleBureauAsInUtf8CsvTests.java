package cn.wucheng.cq.acceptance;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import cn.wucheng.cq.support.SharedContextLock;

/** The example bureau delivered as CSV_UTF8: the same answers (examples/README.md). */
@ResourceLock(providers = SharedContextLock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CQ_LEGAL_PASSWORD=" + ExampleBureauAcceptance.PASSWORD, "cq.test.files=CSV_UTF8" })
class ExampleBureauAsInUtf8CsvTests extends ExampleBureauAcceptance {

	@Override
	BureauFiles files() {
		return BureauFiles.CSV_UTF8;
	}

}
