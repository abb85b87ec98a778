package cn.wucheng.cq.acceptance;

import org.springframework.boot.test.context.SpringBootTest;

/** The example bureau delivered as XLSX: the same answers (examples/README.md). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CQ_LEGAL_PASSWORD=" + ExampleBureauAcceptance.PASSWORD, "cq.test.files=XLSX" })
class ExampleBureauAsInXlsxTests extends ExampleBureauAcceptance {

	@Override
	BureauFiles files() {
		return BureauFiles.XLSX;
	}

}
