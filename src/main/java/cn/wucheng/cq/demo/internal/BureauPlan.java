package cn.wucheng.cq.demo.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import cn.wucheng.cq.demo.BureauSpec;
import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.Sex;
import cn.wucheng.cq.organisation.StaffCategory;
import cn.wucheng.cq.organisation.UnitType;

/**
 * One bureau's units and people, and what the case stream needs to draw from them: per squad its formal officers
 * weighted by how busy they are, its auxiliaries and the domains it works in; the organ officers who handle cases.
 * Small (a few hundred people), so a province holds all its plans while its cases stream.
 */
public final class BureauPlan {

	public record UnitPlan(String name, UnitType type, List<String> managedDomains) {
	}

	public record PersonPlan(String employeeNo, String name, Sex sex, LocalDate birthDate, StaffCategory category,
			UnitPlan unit, Post post) {
	}

	/** A squad as the case stream sees it. */
	static final class Squad {

		final UnitPlan unit;

		final Weighted<PersonPlan> officers = new Weighted<>();

		final List<PersonPlan> auxiliaries = new ArrayList<>();

		final Weighted<String> domains = new Weighted<>();

		Squad(UnitPlan unit) {
			this.unit = unit;
		}

	}

	private final int index;

	private final String code;

	private final List<UnitPlan> units = new ArrayList<>();

	private final List<PersonPlan> people = new ArrayList<>();

	final List<Squad> squads = new ArrayList<>();

	final Weighted<Squad> squadByWorkload = new Weighted<>();

	/** Organ officers who take part in ordinary cases, mostly as co-handlers. */
	final Weighted<PersonPlan> organHandlers = new Weighted<>();

	private final SplittableRandom random;

	private final Names names;

	private final int year;

	/**
	 * What unit names and 工号 start with: the bureau's code while a province is one organisation (keys unique in it);
	 * nothing when each bureau is imported as its own (issue 16 item 3, {@code --split-bureaus}): every county has its
	 * 直属一中队 and numbers its own staff. Case, decision and video numbers keep the code either way, as real ones carry
	 * the bureau's abbreviation.
	 */
	private final String namePrefix;

	private final boolean ownNames;

	private BureauPlan(BureauSpec spec, int index, boolean ownNames) {
		this.index = index;
		this.code = spec.prefixed() ? String.format(Locale.ROOT, "B%03d", index + 1) : "";
		this.ownNames = ownNames;
		this.namePrefix = ownNames ? "" : code;
		this.year = spec.year();
		this.random = Seeds.stream(spec.seed(), index, Seeds.STAFF);
		this.names = new Names(random);
	}

	public static BureauPlan of(BureauSpec spec, int index) {
		return of(spec, index, false);
	}

	/** As {@link #of(BureauSpec, int)}; {@code ownNames}: unit names and 工号 of the bureau's own, without its code. */
	public static BureauPlan of(BureauSpec spec, int index, boolean ownNames) {
		BureauPlan plan = new BureauPlan(spec, index, ownNames);
		plan.build(spec);
		return plan;
	}

	public int index() {
		return index;
	}

	/** "" for a single bureau, else B001, B002, … */
	public String code() {
		return code;
	}

	public List<UnitPlan> units() {
		return units;
	}

	public List<PersonPlan> people() {
		return people;
	}

	private void build(BureauSpec spec) {
		for (int i = 1; i <= spec.directSquads(); i++) {
			squad("直属" + Catalogue.chineseNumber(i) + "中队", UnitType.DIRECT_SQUAD, spec);
		}
		for (int i = 0; i < spec.class1Squads(); i++) {
			squad(placeName(Catalogue.CLASS1_PLACES, i, "一类"), UnitType.CLASS1_SQUAD, spec);
		}
		for (int i = 0; i < spec.class2Squads(); i++) {
			squad(placeName(Catalogue.CLASS2_PLACES, i, "二类"), UnitType.CLASS2_SQUAD, spec);
		}
		for (BureauSpec.OrganUnit organ : spec.organUnits()) {
			organUnit(organ);
		}
	}

	private static String placeName(List<String> places, int i, String fallback) {
		return i < places.size() ? places.get(i) + "中队" : fallback + Catalogue.chineseNumber(i + 1) + "中队";
	}

	private void squad(String baseName, UnitType type, BureauSpec spec) {
		List<String> managed = type == UnitType.DIRECT_SQUAD ? drawDomains(4 + random.nextInt(3)) : List.of();
		UnitPlan unit = new UnitPlan(namePrefix + baseName, type, managed);
		units.add(unit);
		Squad squad = new Squad(unit);
		squads.add(squad);
		domainsWorkedIn(squad);

		int formal = spec.formalPerSquad() + random.nextInt(7) - 3;
		int auxiliaries = Math.max(0, spec.auxiliariesPerSquad() + random.nextInt(5) - 2);
		// A squad leader hands out cases and handles fewer himself; the legal officer also reviews.
		squad.officers.add(person(unit, Post.SQUAD_LEADER, StaffCategory.FORMAL, sexOf(80), age(36, 54)), 0.5);
		squad.officers.add(person(unit, Post.DEPUTY_SQUAD_LEADER, StaffCategory.FORMAL, sexOf(75), age(30, 50)), 0.9);
		squad.officers.add(person(unit, Post.LEGAL_OFFICER, StaffCategory.FORMAL, sexOf(60), age(28, 50)), 0.7);
		for (int m = 0; m < formal - 3; m++) {
			PersonPlan member = switch (m) {
				// Every squad has the three R-32 age groups: men 50–54 (halved), men 55+ and women 50+ (exempt).
				case 0 -> person(unit, Post.MEMBER, StaffCategory.FORMAL, Sex.MALE, age(50, 54));
				case 1 -> person(unit, Post.MEMBER, StaffCategory.FORMAL, Sex.MALE, age(55, 60));
				case 2 -> person(unit, Post.MEMBER, StaffCategory.FORMAL, Sex.FEMALE, age(50, 55));
				default -> member(unit);
			};
			squad.officers.add(member, activity(member));
		}
		for (int a = 0; a < auxiliaries; a++) {
			squad.auxiliaries.add(person(unit, Post.AUXILIARY_MEMBER, StaffCategory.AUXILIARY, sexOf(80), age(25, 55)));
		}
		double typeLoad = switch (type) {
			case DIRECT_SQUAD -> 0.8;
			case CLASS1_SQUAD -> 1.2;
			default -> 0.9;
		};
		squadByWorkload.add(squad, formal * typeLoad * (0.8 + 0.4 * random.nextDouble()));
	}

	/**
	 * a direct squad works mostly (≈ 90 %) in its managed domains; a class-1 squad in 12–22 domains, a
	 * class-2 squad in 6–14, a few of them often and the rest rarely, so some squads reach the coverage target by 30
	 * September and some do not.
	 */
	private void domainsWorkedIn(Squad squad) {
		List<String> managed = squad.unit.managedDomains();
		if (squad.unit.type() == UnitType.DIRECT_SQUAD) {
			for (int i = 0; i < managed.size(); i++) {
				squad.domains.add(managed.get(i), 0.9 / Math.pow(i + 1, 0.5));
			}
			for (String other : drawDomains(5)) {
				if (!managed.contains(other)) {
					squad.domains.add(other, 0.03);
				}
			}
			return;
		}
		int active = squad.unit.type() == UnitType.CLASS1_SQUAD ? 12 + random.nextInt(11) : 6 + random.nextInt(9);
		List<String> domains = drawDomains(active);
		for (int i = 0; i < domains.size(); i++) {
			squad.domains.add(domains.get(i), 1 / Math.pow(i + 1, 0.8));
		}
	}

	/** {@code n} different catalogue domains in random order (partial Fisher–Yates). */
	private List<String> drawDomains(int n) {
		List<String> all = new ArrayList<>(Catalogue.DOMAINS.stream().map(Catalogue.DomainEntry::name).toList());
		for (int i = 0; i < n; i++) {
			int j = i + random.nextInt(all.size() - i);
			String t = all.get(i);
			all.set(i, all.get(j));
			all.set(j, t);
		}
		return List.copyOf(all.subList(0, n));
	}

	private void organUnit(BureauSpec.OrganUnit organ) {
		UnitPlan unit = new UnitPlan(namePrefix + organ.name(), organ.type(), List.of());
		units.add(unit);
		boolean anyHandler = false;
		for (int i = 0; i < organ.people(); i++) {
			PersonPlan p = i == 0 ? person(unit, Post.SECTION_CHIEF, StaffCategory.FORMAL, sexOf(60), age(38, 55))
					: person(unit, Post.CLERK, StaffCategory.FORMAL, sexOf(55), age(25, 58));
			// some organ officers handle ordinary cases (and meet the standard), the others do not.
			boolean last = i == organ.people() - 1;
			if (random.nextInt(100) < 40 || last && !anyHandler) {
				organHandlers.add(p, 1.0);
				anyHandler = true;
			}
		}
	}

	private PersonPlan member(UnitPlan unit) {
		Sex sex = sexOf(72);
		int bucket = random.nextInt(100);
		int[] range = bucket < 30 ? new int[] { 25, 34 } : bucket < 60 ? new int[] { 35, 44 }
				: bucket < 75 ? new int[] { 45, 49 } : bucket < 88 ? new int[] { 50, 54 } : new int[] { 55, 60 };
		if (sex == Sex.FEMALE && range[1] > 55) {
			range = new int[] { 50, 55 }; // women officers retire at 55
		}
		if (random.nextInt(100) < 6) {
			// R-32 boundary: turns 50 or 55 on the first day of a quarter of the year.
			int turns = sex == Sex.MALE && random.nextBoolean() ? 55 : 50;
			LocalDate birth = LocalDate.of(year - turns, 4 + 3 * random.nextInt(3), 1);
			return add(new PersonPlan(nextEmployeeNo(), names.next(sex), sex, birth, StaffCategory.FORMAL, unit,
					Post.MEMBER));
		}
		return person(unit, Post.MEMBER, StaffCategory.FORMAL, sex, age(range[0], range[1]));
	}

	/** How busy an officer is: a few rarely handle cases, most as usual, some a lot (R-32 statuses all occur). */
	private double activity(PersonPlan officer) {
		int tier = random.nextInt(100);
		double weight = tier < 15 ? 0.2 : tier < 75 ? 1.0 : 1.8;
		int ageAtStart = year - officer.birthDate().getYear() - 1;
		boolean exempt = officer.sex() == Sex.MALE ? ageAtStart >= 55 : ageAtStart >= 50;
		return exempt ? weight * 0.6 : weight;
	}

	private PersonPlan person(UnitPlan unit, Post post, StaffCategory category, Sex sex, int ageOnJanuaryFirst) {
		return add(new PersonPlan(nextEmployeeNo(), names.next(sex), sex, birthDate(ageOnJanuaryFirst), category, unit,
				post));
	}

	private PersonPlan add(PersonPlan p) {
		people.add(p);
		return p;
	}

	private String nextEmployeeNo() {
		int n = people.size() + 1;
		if (ownNames) {
			return String.format(Locale.ROOT, "ZF%04d", n);
		}
		return code.isEmpty() ? String.format(Locale.ROOT, "WC%04d", n) : String.format(Locale.ROOT, "%s-%04d", code, n);
	}

	private Sex sexOf(int percentMale) {
		return random.nextInt(100) < percentMale ? Sex.MALE : Sex.FEMALE;
	}

	private int age(int min, int max) {
		return min + random.nextInt(max - min + 1);
	}

	/** A birth date giving exactly {@code age} years (周岁) on 1 January of the year. */
	private LocalDate birthDate(int age) {
		LocalDate from = LocalDate.of(year - age - 1, 1, 2);
		LocalDate to = LocalDate.of(year - age, 1, 1);
		return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
	}

}
