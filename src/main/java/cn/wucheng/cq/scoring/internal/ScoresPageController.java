package cn.wucheng.cq.scoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.wucheng.cq.organisation.Unit;
import cn.wucheng.cq.organisation.UnitRepository;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.scoring.Breakdown;
import cn.wucheng.cq.scoring.PersonScore;
import cn.wucheng.cq.scoring.Ranking;
import cn.wucheng.cq.scoring.ScoreLedger;
import cn.wucheng.cq.scoring.ScoreScope;
import cn.wucheng.cq.scoring.publication.Publications;
import cn.wucheng.cq.scoring.publication.QuarterState;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.ListPage;
import cn.wucheng.cq.shared.PageSize;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;
import cn.wucheng.cq.shared.RenderedFragments;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring pages: the score list of a period, one person's breakdown and the quarterly ranking
 * with its .xlsx export. Data scope as in the API: readers of everything may filter by unit, a squad
 * leader or legal officer sees his unit, an officer himself; another unit's officer answers 404.
 */
@Controller
class ScoresPageController {

	/** How many entries a category's chart shows. */
	static final int CHART_TOP = 10;

	/** How many entries a category's table shows per page (the full list: the .xlsx export and the API). */
	static final int PAGE_SIZE = 50;

	/**
	 * One category of the ranking page: one page of its entries (the first, with the best-handler places, unless the
	 * reader pages on in this category), the link base of its pages and the data of its chart (JSON in data-*
	 * attributes, no inline script).
	 */
	record CategoryView(Ranking.Category category, ListPage<Ranking.Entry> page, String pageBase, String chartNames,
			String chartTotals) {
	}

	private final ScoreLedger ledger;

	private final UnitRepository units;

	private final MessageSource messages;

	private final Publications publications;

	private final RenderedFragments fragments;

	private final JsonMapper json = JsonMapper.builder().build();

	ScoresPageController(ScoreLedger ledger, UnitRepository units, MessageSource messages,
			Publications publications, RenderedFragments fragments) {
		this.fragments = fragments;
		this.ledger = ledger;
		this.units = units;
		this.messages = messages;
		this.publications = publications;
	}

	@GetMapping("/scores")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String scores(@RequestParam(required = false) Period period, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String sort, Model model) {
		CurrentUser user = CurrentUser.get();
		Period p = period(period, false, model);
		Long chosenUnit = user.readsAll() ? unit : null;
		List<PersonScore> scores = new ArrayList<>(ledger.scores(p, ScoreScope.of(user, chosenUnit)));
		boolean byTotal = "total".equals(sort);
		if (byTotal) {
			scores.sort(Comparator.comparing(PersonScore::total).reversed().thenComparing(PersonScore::employeeNo));
		}
		model.addAttribute("scores", scores);
		model.addAttribute("quarterState", publications.state(p).orElse(null));
		model.addAttribute("byTotal", byTotal);
		model.addAttribute("unit", chosenUnit);
		model.addAttribute("units", user.readsAll() ? units.findAllByOrderByTypeAscNameAsc() : List.<Unit>of());
		return "scoring/scores";
	}

	@GetMapping("/scores/{employeeNo}")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String breakdown(@PathVariable String employeeNo, @RequestParam(required = false) Period period, Model model) {
		Period p = period(period, false, model);
		CurrentUser user = CurrentUser.get();
		Breakdown breakdown = ledger.breakdown(employeeNo, p, ScoreScope.of(user, null))
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("breakdown", breakdown);
		// the quarter's state, the person's appeals and, for the officer himself in the notice period, the forms
		QuarterState state = publications.state(p).orElse(null);
		model.addAttribute("quarterState", state);
		List<Publications.AppealRow> appeals = state == null ? List.of()
				: publications.appeals(p, user)
					.stream()
					.filter(a -> a.personId() == breakdown.score().personId())
					.toList();
		model.addAttribute("appeals", appeals);
		// each appealed line shows its outcome (待处理 / 申诉成立 / 申诉不成立), not a bare "已申诉"
		model.addAttribute("appealedItems", appeals.stream()
			.collect(java.util.stream.Collectors.toMap(Publications.AppealRow::itemKey, Publications.AppealRow::status,
					(a, b) -> a)));
		boolean canAppeal = state != null && state.inNotice() && user.role() == Role.OFFICER
				&& user.personId() != null && user.personId() == breakdown.score().personId();
		model.addAttribute("canAppeal", canAppeal);
		if (!canAppeal) {
			// the rows are the same for every reader of this breakdown (no forms): rendered once per computed
			// breakdown (province-scale issue; the officer's own appeal forms carry his CSRF token, so inline then)
			model.addAttribute("itemsHtml", fragments.render(new ItemsKey(employeeNo, p), "scoring/breakdown-items",
					"items", () -> Map.of("breakdown", breakdown, "period", p, "canAppeal", false, "appealedItems", Map.of())));
		}
		return "scoring/breakdown";
	}

	@GetMapping("/rankings")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String rankings(@RequestParam(required = false) @QuarterOnly Period period, @RequestParam(required = false) String cat,
			@RequestParam(required = false) Integer page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		CurrentUser user = CurrentUser.get();
		// the menu's link: an officer opens on the latest quarter he may see; with none published yet, the page
		// opens (200) and says so (R-26: published rankings are public inside the bureau; a draft is not shown)
		boolean menuLink = period == null;
		if (user.role() == Role.OFFICER && menuLink) {
			period = publications.latestVisibleQuarter().orElse(null);
		}
		Period p = period(period, true, model);
		QuarterState state = publications.state(p).orElseThrow();
		model.addAttribute("quarterState", state);
		if (!state.visibleToOfficers() && user.role() == Role.OFFICER) {
			// a draft ranking is not shown to officers — 403 when he asks for that quarter, not from the menu
			if (!menuLink) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			model.addAttribute("notPublished", true);
			model.addAttribute("chartTop", CHART_TOP);
			return "scoring/rankings";
		}
		ScoreScope scope = rankingScope(user, state);
		Ranking ranking = ledger.rankings(p, scope);
		UnitType active = ranking.categories()
			.stream()
			.map(Ranking.Category::category)
			.filter(t -> t.name().equals(cat))
			.findFirst()
			.orElse(ranking.categories().isEmpty() ? null : ranking.categories().get(0).category());
		int requestedPage = ListPage.pageNumber(page);
		int size = PageSize.of(request, response, PAGE_SIZE);
		BreakdownLinks links = BreakdownLinks.of(user);
		if (user.role() == Role.OFFICER && user.personId() != null) {
			ranking.categories()
				.stream()
				.flatMap(c -> c.entries().stream())
				.filter(e -> e.personId() == user.personId())
				.findFirst()
				.ifPresent(mine -> model.addAttribute("myEntry", mine));
		}
		model.addAttribute("ranking", ranking);
		model.addAttribute("activeCategory", active);
		// the tables are the same for everyone shown this ranking: rendered once per computed ranking, category and
		// page (province-scale issue: 200 rows through the template engine per view)
		model.addAttribute("tablesHtml", fragments.render(new TablesKey(p, scope, active, requestedPage, size, links),
				"scoring/rankings-tables", "tables", () -> Map.of("categories", ranking.categories()
					.stream()
					.map(c -> view(c, p, c.category() == active ? requestedPage : 1, size))
					.toList(), "activeCategory", active == null ? "" : active, "period", p, "pageSize", size,
						"chartTop", CHART_TOP, "links", links)));
		return "scoring/rankings";
	}

	@GetMapping("/rankings/export")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @QuarterOnly Period period) {
		Period p = period == null ? ledger.defaultQuarter() : period;
		CurrentUser user = CurrentUser.get();
		QuarterState state = publications.state(p).orElseThrow();
		if (!state.visibleToOfficers() && user.role() == Role.OFFICER) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
		}
		byte[] xlsx = new RankingWorkbook(messages).write(ledger.rankings(p, rankingScope(user, state)));
		String name = messages.getMessage("scoring.rankings.title", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()) + "-" + p
				+ ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(xlsx);
	}

	/**
	 * a published (公示) or final ranking is shown whole to every business role; a draft within the user's data
	 * scope as before.
	 */
	static ScoreScope rankingScope(CurrentUser user, QuarterState state) {
		return state.visibleToOfficers() && user.role().scope() != Role.Scope.NONE ? ScoreScope.EVERYONE
				: ScoreScope.of(user, null);
	}

	/** One slot per person and period: readers of different breakdowns do not push each other's rows out. */
	private record ItemsKey(String employeeNo, Period period) {
	}

	/** The years are part of the key: they depend on the day as well as on the data. */
	private record OptionsKey(List<Integer> years, Period chosen, boolean quartersOnly) {
	}

	private record TablesKey(Period period, ScoreScope scope, UnitType active, int page, int size,
			BreakdownLinks links) {
	}

	/**
	 * which entries of a published ranking link to their breakdown — only those the viewer may open (his data
	 * scope, as {@code GET /scores/{employeeNo}} checks); the others show the name alone instead of a link that
	 * answers with an error page. An officer's own link is on the page, outside the shared tables, so that all
	 * officers share one rendering.
	 */
	record BreakdownLinks(boolean all, Long unitId) {

		static final BreakdownLinks NONE = new BreakdownLinks(false, null);

		static BreakdownLinks of(CurrentUser user) {
			return switch (user.role().scope()) {
				case ALL -> new BreakdownLinks(true, null);
				case UNIT -> user.unitId() == null ? NONE : new BreakdownLinks(false, user.unitId());
				case SELF, NONE -> NONE;
			};
		}

		public boolean opens(Ranking.Entry e) {
			return all || unitId != null && unitId == e.unitId();
		}

	}

	private CategoryView view(Ranking.Category c, Period period, int requestedPage, int size) {
		List<Ranking.Entry> all = c.entries();
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int number = Math.min(requestedPage, pages);
		int from = (int) ListPage.offset(number, size);
		ListPage<Ranking.Entry> page = new ListPage<>(all.subList(Math.min(from, all.size()),
				Math.min(from + size, all.size())), number, size, all.size());
		String base = "/rankings?period=" + period + "&cat=" + c.category().name();
		List<Ranking.Entry> top = c.entries()
			.stream()
			.filter(e -> e.total().isPositive())
			.limit(CHART_TOP)
			.toList();
		return new CategoryView(c, page, base, json.writeValueAsString(top.stream().map(Ranking.Entry::name).toList()),
				json.writeValueAsString(top.stream().map(e -> e.total().toString()).toList()));
	}

	/**
	 * The period asked for (read and, for a ranking, checked to be a quarter by the web shell's converter: a bad one
	 * never gets here), or the default quarter. Puts the period and its choices in the model.
	 */
	private Period period(Period asked, boolean quartersOnly, Model model) {
		Period p = asked == null ? ledger.defaultQuarter() : asked;
		model.addAttribute("period", p);
		List<Integer> years = ledger.years();
		PeriodChoices choices = PeriodChoices.of(years, quartersOnly);
		model.addAttribute("choices", choices);
		// up to 170 options per view: rendered once per list of years and chosen period (while the data is unchanged)
		Period chosen = p;
		model.addAttribute("periodOptionsHtml", fragments.renderIndependentOfData(new OptionsKey(years, chosen, quartersOnly),
				"scoring/period-form", "periodOptions", () -> Map.of("choices", choices, "period", chosen)));
		return p;
	}

}
