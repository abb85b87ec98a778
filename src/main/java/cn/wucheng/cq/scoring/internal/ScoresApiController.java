package cn.wucheng.cq.scoring.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.wucheng.cq.scoring.Breakdown;
import cn.wucheng.cq.scoring.BreakdownItem;
import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.publication.Publications;
import cn.wucheng.cq.scoring.publication.QuarterState;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;
import cn.wucheng.cq.shared.Points;
import cn.wucheng.cq.shared.Refusal;

/**
 * The JSON API of scores and rankings (API.md). Decimals are strings with two decimals. Data scope: LEGAL,
 * SUPERVISION and LEADER read everyone; a squad leader or legal officer his unit (by the unit at the period's end); an
 * officer himself. An officer sees the ranking of a published or final quarter, whole, as everyone does once
 * it is published; a draft ranking answers 403 to him.
 * Issue 16: a city's or the province's account reads one bureau's, named by the {@code bureau} parameter (its
 * code), and a bureau's account may name its own; the web layer runs the call within that bureau.
 */
@RestController
@RequestMapping("/api/v1")
class ScoresApiController {

	/** One person's score, as API.md lists it. */
	record ScoreJson(String employeeNo, String name, String unit, String unitType, String quantity, String quality,
			String excellence, String total, int leadCases, int coCases) {

		static ScoreJson of(PersonScore s) {
			return new ScoreJson(s.employeeNo(), s.name(), s.unitName(), s.unitType().label(), s.quantity().toString(),
					s.quality().toString(), s.excellence().toString(), s.total().toString(), s.leadCases(),
					s.coCases());
		}

	}

	/** A score with its items. */
	record BreakdownJson(String employeeNo, String name, String unit, String unitType, String quantity, String quality,
			String excellence, String total, int leadCases, int coCases, String period, List<ItemJson> items) {

		static BreakdownJson of(Breakdown b) {
			ScoreJson s = ScoreJson.of(b.score());
			return new BreakdownJson(s.employeeNo(), s.name(), s.unit(), s.unitType(), s.quantity(), s.quality(),
					s.excellence(), s.total(), s.leadCases(), s.coCases(), b.period().toString(),
					b.items().stream().map(ItemJson::of).toList());
		}

	}

	/**
	 * One case or award: {@code kind} is {@code case} or {@code award}; {@code creditedBefore} is what earlier awards
	 * of the case already counted.
	 */
	record ItemJson(String kind, String caseNo, String role, String category, String concludedOn, String awardLevel,
			String ratedOn, String creditedBefore, String quantity, String quality, String excellence, String total,
			List<DeductionJson> deductions) {

		static ItemJson of(BreakdownItem i) {
			boolean award = i.kind() == BreakdownItem.Kind.AWARD;
			return new ItemJson(award ? "award" : "case", i.caseNo(), i.role().label(), i.category().label(),
					date(i.concludedOn()), award ? i.awardLevel().label() : null, date(i.ratedOn()),
					award ? i.creditedBefore().toString() : null, i.quantity().toString(), i.quality().toString(),
					i.excellence().toString(), i.total().toString(),
					i.deductions().stream().map(DeductionJson::of).toList());
		}

	}

	/** A deducted item behind a case's quality points. */
	record DeductionJson(String code, String text, String points, String returnedOn) {

		static DeductionJson of(BreakdownItem.Deduction d) {
			return new DeductionJson(d.code(), d.text(), d.points().toString(), date(d.returnedOn()));
		}

	}

	record RankingJson(String period, List<CategoryJson> categories) {
	}

	record CategoryJson(String category, int pool, int places, List<EntryJson> entries) {
	}

	record EntryJson(int rank, String employeeNo, String name, String unit, String total, boolean bestHandler) {
	}

	private final ScoreLedger ledger;

	private final Publications publications;

	ScoresApiController(ScoreLedger ledger, Publications publications) {
		this.ledger = ledger;
		this.publications = publications;
	}

	@GetMapping("/scores")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER','CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')")
	// the texts are message keys springdoc reads from messages-scoring.properties (issue 15 item 3)
	@Operation(summary = "scoring.api.scores.summary", description = "scoring.api.scores.description")
	@ApiResponse(responseCode = "400", description = "scoring.api.scores.400")
	List<ScoreJson> scores(@Parameter(description = "scoring.api.period") @RequestParam(required = false) Period period) {
		return ledger.scores(required(period), ScoreScope.of(CurrentUser.get(), null))
			.stream()
			.map(ScoreJson::of)
			.toList();
	}

	@GetMapping("/scores/{employeeNo}")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER','CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')")
	//
	@Operation(summary = "scoring.api.breakdown.summary", description = "scoring.api.breakdown.description")
	@ApiResponse(responseCode = "404", description = "scoring.api.breakdown.404")
	BreakdownJson breakdown(@PathVariable String employeeNo, @RequestParam(required = false) Period period) {
		Period p = required(period);
		return ledger.breakdown(employeeNo, p, ScoreScope.of(CurrentUser.get(), null))
			.map(BreakdownJson::of)
			.orElseThrow(() -> Refusal.of("scoring.api.refused.noPerson", employeeNo).withStatus(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/rankings")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER','CITY_LEGAL','CITY_SUPERVISION','PROVINCE_LEGAL','PROVINCE_SUPERVISION')")
	// officers see published or final quarters only
	@Operation(summary = "scoring.api.rankings.summary", description = "scoring.api.rankings.description")
	@ApiResponse(responseCode = "400", description = "scoring.api.rankings.400")
	@ApiResponse(responseCode = "403", description = "scoring.api.rankings.403")
	RankingJson rankings(@Parameter(description = "scoring.api.quarter") @QuarterOnly @RequestParam(required = false) Period period) {
		Period p = required(period);
		CurrentUser user = CurrentUser.get();
		QuarterState state = publications.state(p).orElseThrow();
		if (!state.visibleToOfficers() && user.role() == Role.OFFICER) {
			throw Refusal.of("scoring.api.refused.notPublished", p.label()).withStatus(HttpStatus.FORBIDDEN);
		}
		Ranking r = ledger.rankings(p, ScoresPageController.rankingScope(user, state));
		return new RankingJson(p.toString(), r.categories()
			.stream()
			.map(c -> new CategoryJson(c.category().label(), c.pool(), c.places(),
					c.entries()
						.stream()
						.map(e -> new EntryJson(e.rank(), e.employeeNo(), e.name(), e.unitName(), total(e.total()),
								e.bestHandler()))
						.toList()))
			.toList());
	}

	/** The API has no default period; a bad or (for rankings) non-quarter one was refused by the converter. */
	private static Period required(Period period) {
		if (period == null) {
			throw Refusal.of("scoring.api.refused.noPeriod");
		}
		return period;
	}

	private static String total(Points p) {
		return p.toString();
	}

	private static String date(LocalDate d) {
		return d == null ? null : d.toString();
	}

}
