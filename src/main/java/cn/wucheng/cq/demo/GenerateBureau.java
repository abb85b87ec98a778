package cn.wucheng.cq.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;

import cn.wucheng.cq.demo.internal.CsvRowWriter;
import cn.wucheng.cq.demo.internal.ProvinceBureaus;

/**
 * Command line: writes a generated bureau's six import lists (UTF-8 CSV, and .xlsx copies with --xlsx).
 *
 * <pre>
 * java -cp … cn.wucheng.cq.demo.GenerateBureau --size county|province --out DIR [--seed N] [--year Y]
 *      [--bureaus N] [--cases N] [--with-violations] [--xlsx] [--split-bureaus]
 * </pre>
 *
 * {@code --split-bureaus} (issue 16 item 3): the province as its bureaus rather than one organisation — every list
 * ends with the column 所属执法局 (the bureau's name), each bureau has its own domain catalogue, unit names and 工号,
 * and {@code bureaus.csv} (code,name,city) lists the bureaus to create before importing.
 *
 * {@code --cases} is per bureau. From the packaged jar: {@code java -cp target/case-quality-*.jar
 * -Dloader.main=cn.wucheng.cq.demo.GenerateBureau org.springframework.boot.loader.launch.PropertiesLauncher …}.
 */
public final class GenerateBureau {

	static final String USAGE = """
			用法: GenerateBureau --size county|province --out 目录 [--seed N] [--year 年份] [--bureaus N] \
			[--cases 每局案件数] [--with-violations] [--xlsx] [--split-bureaus]""";

	/** The column a list split by bureau ends with (IMPORT.md, issue 16 item 3). */
	static final String BUREAU_COLUMN = "所属执法局";

	/** The file listing the bureaus of a split province. */
	static final String BUREAUS_FILE = "bureaus.csv";

	private GenerateBureau() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** Runs the command; 0 on success, 2 on bad arguments, 1 on an I/O failure. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		BureauSpec spec;
		Path dir = null;
		boolean xlsx = false;
		boolean split = false;
		try {
			String size = "county";
			Long seed = null;
			Long year = null;
			Long bureaus = null;
			Long cases = null;
			boolean violations = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--size" -> size = value(args, ++i, arg);
					case "--out" -> dir = Path.of(value(args, ++i, arg));
					case "--seed" -> seed = number(args, ++i, arg);
					case "--year" -> year = number(args, ++i, arg);
					case "--bureaus" -> bureaus = number(args, ++i, arg);
					case "--cases" -> cases = number(args, ++i, arg);
					case "--with-violations" -> violations = true;
					case "--xlsx" -> xlsx = true;
					case "--split-bureaus" -> split = true;
					default -> throw new IllegalArgumentException("未知参数 " + arg);
				}
			}
			spec = switch (size) {
				case "county" -> BureauSpec.county();
				case "province" -> BureauSpec.province();
				default -> throw new IllegalArgumentException("--size 只能是 county 或 province，而不是 " + size);
			};
			spec = seed == null ? spec : spec.withSeed(seed);
			spec = year == null ? spec : spec.withYear(year.intValue());
			spec = bureaus == null ? spec : spec.withBureaus(bureaus.intValue());
			spec = cases == null ? spec : spec.withCasesPerBureau(cases.intValue());
			spec = spec.withViolations(violations);
			if (dir == null) {
				throw new IllegalArgumentException("缺少 --out 目录");
			}
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			long started = System.nanoTime();
			CountingSink sink = new CountingSink(new CsvDirectorySink(dir, split ? BUREAU_COLUMN : null));
			if (split) {
				List<ProvinceBureaus.Entry> bureaus = ProvinceBureaus.first(spec.bureaus());
				writeBureaus(dir.resolve(BUREAUS_FILE), bureaus);
				DemoBureau.write(spec, sink, bureaus.stream().map(ProvinceBureaus.Entry::name).toList());
				out.printf("%-11s %,10d 行  %s%n", "bureaus", bureaus.size(), dir.resolve(BUREAUS_FILE));
			}
			else {
				DemoBureau.write(spec, sink);
			}
			for (ImportList list : ImportList.values()) {
				out.printf("%-11s %,10d 行  %s%n", list.key(), sink.rows.getOrDefault(list, 0L),
						dir.resolve(list.csvFileName()));
			}
			if (xlsx) {
				for (Path written : XlsxWriter.writeAll(dir)) {
					out.println("xlsx        " + written);
				}
			}
			out.printf("完成: %d 个局, 种子 %d, %d 年, 用时 %.1f 秒%n", spec.bureaus(), spec.seed(), spec.year(),
					(System.nanoTime() - started) / 1e9);
			return 0;
		}
		catch (IOException e) {
			err.println("写入失败: " + e.getMessage());
			return 1;
		}
	}

	/** {@code code,name,city}, one bureau a line, as the installation's bureau table takes them. */
	private static void writeBureaus(Path file, List<ProvinceBureaus.Entry> bureaus) throws IOException {
		try (var printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CsvRowWriter.FORMAT)) {
			printer.printRecord("code", "name", "city");
			for (ProvinceBureaus.Entry b : bureaus) {
				printer.printRecord(b.code(), b.name(), b.city() == null ? "" : b.city());
			}
		}
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length || args[i].startsWith("--")) {
			throw new IllegalArgumentException(option + " 缺少取值");
		}
		return args[i];
	}

	private static long number(String[] args, int i, String option) {
		String v = value(args, i, option);
		try {
			return Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(option + " 须为整数，而不是 " + v);
		}
	}

	/** Counts rows per list on their way to the real sink, for the summary. */
	private static final class CountingSink implements ImportFileSink {

		private final ImportFileSink target;

		private final Map<ImportList, Long> rows = new EnumMap<>(ImportList.class);

		CountingSink(ImportFileSink target) {
			this.target = target;
		}

		@Override
		public RowWriter open(ImportList list) throws IOException {
			RowWriter rowWriter = target.open(list);
			return new RowWriter() {
				@Override
				public void row(String... cells) throws IOException {
					rowWriter.row(cells);
					rows.merge(list, 1L, Long::sum);
				}

				@Override
				public void close() throws IOException {
					rowWriter.close();
				}
			};
		}

	}

}
