package cn.wucheng.cq.demo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.demo.DemoLoader;

/** {@code --demo} on the command line fills an empty system with the demo bureau at start. */
@Component
@Order(10)
class DemoOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOnStart.class);

	private final DemoLoader loader;

	DemoOnStart(DemoLoader loader) {
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("demo")) {
			return;
		}
		if (!loader.systemIsEmpty()) {
			log.info("--demo：系统中已有案件数据，未加载演示数据");
			return;
		}
		loader.load();
	}

}
