package cn.wucheng.cq.support;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * After each test class, the context's {@link TestClock} (if it has one) follows the system clock again (issue 15):
 * test classes that share a context share its clock, and a class that set a day and did not go back must not move
 * the next class's "today". Registered for every test in {@code META-INF/spring.factories}.
 */
public class TestClockReset extends AbstractTestExecutionListener {

	@Override
	public void afterTestClass(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
		}
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

}
