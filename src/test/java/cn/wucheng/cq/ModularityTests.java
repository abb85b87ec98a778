package cn.wucheng.cq;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules by business capability stay independent: no cycles, no reaching into another module's internals. */
@Tag("nodb")
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(CqApplication.class).verify();
	}

}
