package cn.wucheng.cq.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wucheng.cq.demo.ImportFileSink.RowWriter;
import cn.wucheng.cq.demo.internal.BureauPlan;
import cn.wucheng.cq.demo.internal.BureauPlan.PersonPlan;
import cn.wucheng.cq.demo.internal.BureauPlan.UnitPlan;
import cn.wucheng.cq.demo.internal.CaseStream;
import cn.wucheng.cq.demo.internal.Catalogue;

/**
 * Generates a realistic bureau (or a province of bureaus) as the six import lists of IMPORT.md: deterministic
 * (same spec, same bytes: all randomness comes from the spec's seed, nothing from the clock or hash order) and
 * streaming (cases, with their returns and awards, are written as they are drawn; only units and people are held).
 * <p>
 * What the data holds, so every page has something to show: two different formal officers of the case's squad per
 * case, now and then an organ officer; simple cases concluded the same day, ordinary ones weeks or
 * months later, some next year and a few not at all; officers of all R-32 age groups of both sexes; squads
 * that reach their domain coverage and squads that do not; returns with catalogue deduction items and
 * excellent-file awards rated higher or lower later. Auxiliaries as co-handlers (R-11 violations) only when
 * {@link BureauSpec#withViolations()} is set.
 */
public final class DemoBureau {

	/** Beyond this many cases, {@link #inMemory(BureauSpec)} refuses: stream to a directory instead. */
	public static final long IN_MEMORY_LIMIT = 200_000;

	private DemoBureau() {
	}

	/** Writes the six lists of {@code spec} to {@code sink} in import order. */
	public static void write(BureauSpec spec, ImportFileSink sink) throws IOException {
		write(spec, sink, null);
	}

	/**
	 * As {@link #write(BureauSpec, ImportFileSink)}; with {@code bureauColumn} (issue 16 item 3, a province imported as
	 * its bureaus) every row ends with its bureau's 所属执法局 — {@code bureauColumn.get(i)} for the i-th bureau — and
	 * each bureau has its own domain catalogue, unit names and 工号 (see {@link BureauPlan#of(BureauSpec, int, boolean)}).
	 * The sink's lists must then have that column last.
	 */
	public static void write(BureauSpec spec, ImportFileSink sink, List<String> bureauColumn) throws IOException {
		boolean split = bureauColumn != null;
		if (split && bureauColumn.size() < spec.bureaus()) {
			throw new IllegalArgumentException("a 所属执法局 value for each of the " + spec.bureaus() + " bureaus");
		}
		List<BureauPlan> plans = new ArrayList<>(spec.bureaus());
		for (int i = 0; i < spec.bureaus(); i++) {
			plans.add(BureauPlan.of(spec, i, split));
		}
		try (RowWriter domains = sink.open(ImportList.DOMAINS)) {
			for (int b = 0; b < (split ? plans.size() : 1); b++) {
				RowWriter out = of(domains, bureauColumn, b);
				for (Catalogue.DomainEntry d : Catalogue.DOMAINS) {
					out.row(d.code(), d.name());
				}
			}
		}
		try (RowWriter units = sink.open(ImportList.UNITS)) {
			for (BureauPlan plan : plans) {
				RowWriter out = of(units, bureauColumn, plan.index());
				for (UnitPlan u : plan.units()) {
					out.row(u.name(), u.type().label(), String.join("、", u.managedDomains()));
				}
			}
		}
		try (RowWriter people = sink.open(ImportList.PEOPLE)) {
			for (BureauPlan plan : plans) {
				RowWriter out = of(people, bureauColumn, plan.index());
				for (PersonPlan p : plan.people()) {
					out.row(p.employeeNo(), p.name(), p.sex().label(), p.birthDate().toString(),
							p.category().label(), p.unit().name(), p.post().label());
				}
			}
		}
		try (RowWriter cases = sink.open(ImportList.CASES);
				RowWriter deductions = sink.open(ImportList.DEDUCTIONS);
				RowWriter awards = sink.open(ImportList.AWARDS)) {
			for (BureauPlan plan : plans) {
				new CaseStream(spec, plan).write(of(cases, bureauColumn, plan.index()),
						of(deductions, bureauColumn, plan.index()), of(awards, bureauColumn, plan.index()));
			}
		}
	}

	/** The writer itself, or one that appends the bureau's 所属执法局 to every row. */
	private static RowWriter of(RowWriter writer, List<String> bureauColumn, int bureau) {
		if (bureauColumn == null) {
			return writer;
		}
		String value = bureauColumn.get(bureau);
		return new RowWriter() {

			@Override
			public void row(String... cells) throws IOException {
				String[] withBureau = java.util.Arrays.copyOf(cells, cells.length + 1);
				withBureau[cells.length] = value;
				writer.row(withBureau);
			}

			@Override
			public void close() throws IOException {
				writer.close();
			}

		};
	}

	/** The six lists as UTF-8 CSV bytes keyed "domains", "units", … in import order; for small specs only. */
	public static Map<String, byte[]> inMemory(BureauSpec spec) {
		if (spec.totalCases() > IN_MEMORY_LIMIT) {
			throw new IllegalArgumentException(
					"spec of " + spec.totalCases() + " cases is too large for memory; use CsvDirectorySink");
		}
		InMemorySink sink = new InMemorySink();
		try {
			write(spec, sink);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e); // memory does not fail with I/O errors
		}
		return sink.files();
	}

}
