package cn.wucheng.cq.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import cn.wucheng.cq.support.RefusalText;

/** The aggregate methods behind the forms: dated transfers and managed domains. */
@Tag("nodb")
class PersonAndUnitRulesTests {

	private static Person officerOf(long unit) {
		return new Person("A001", "张三", Sex.MALE, LocalDate.of(1984, 1, 1), StaffCategory.FORMAL, unit, Post.MEMBER,
				null);
	}

	@Test
	void aTransferKeepsTheEarlierUnitForEarlierDates() {
		Person p = officerOf(1L);
		p.transfer(2L, LocalDate.of(2024, 4, 1));
		assertThat(p.getUnitId()).isEqualTo(2L);
		assertThat(p.getUnitHistory()).containsExactlyInAnyOrder(
				new UnitAssignment(1L, UnitAssignment.SINCE_ALWAYS), new UnitAssignment(2L, LocalDate.of(2024, 4, 1)));
		assertThat(p.currentAssignment().validFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
	}

	@Test
	void aTransferMayNotStartBeforeTheCurrentAssignment() {
		Person p = officerOf(1L);
		p.transfer(2L, LocalDate.of(2024, 4, 1));
		assertThat(RefusalText.thrownBy(() -> p.transfer(3L, LocalDate.of(2024, 3, 31))))
			.isEqualTo("调动生效日期不能早于当前单位的起始日期 2024-04-01");
		assertThat(p.getUnitId()).isEqualTo(2L);
	}

	@Test
	void aTransferOnTheSameDayCorrectsTheCurrentAssignment() {
		Person p = officerOf(1L);
		p.transfer(2L, LocalDate.of(2024, 4, 1));
		p.transfer(3L, LocalDate.of(2024, 4, 1));
		assertThat(p.getUnitId()).isEqualTo(3L);
		assertThat(p.getUnitHistory()).hasSize(2).contains(new UnitAssignment(3L, LocalDate.of(2024, 4, 1)));
	}

	@Test
	void aTransferToTheSameUnitChangesNothing() {
		Person p = officerOf(1L);
		p.transfer(1L, LocalDate.of(2024, 4, 1));
		assertThat(p.getUnitHistory()).hasSize(1);
	}

	@Test
	void aClassOneOrTwoSquadWithoutDomainsManagesAllByDefaultButADirectSquadDoesNot() {
		assertThat(new Unit("城东中队", UnitType.CLASS1_SQUAD).managesAllByDefault()).isTrue();
		assertThat(new Unit("乡镇中队", UnitType.CLASS2_SQUAD).managesAllByDefault()).isTrue();
		assertThat(new Unit("直属一中队", UnitType.DIRECT_SQUAD).managesAllByDefault()).isFalse();
		Unit own = new Unit("城西中队", UnitType.CLASS1_SQUAD);
		own.manage(Set.of(1L, 2L));
		assertThat(own.managesAllByDefault()).isFalse();
		assertThat(own.configuredDomainIds()).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void anOrganUnitManagesNoDomains() {
		Unit section = new Unit("法制科", UnitType.SECTION);
		assertThat(RefusalText.thrownBy(() -> section.manage(Set.of(1L)))).contains("科室、指挥中心不管理执法领域");
		Unit squad = new Unit("直属二中队", UnitType.DIRECT_SQUAD);
		squad.manage(Set.of(1L));
		squad.changeType(UnitType.COMMAND_CENTRE);
		assertThat(squad.configuredDomainIds()).isEmpty();
	}

}
