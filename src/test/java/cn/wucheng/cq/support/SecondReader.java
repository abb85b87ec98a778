package cn.wucheng.cq.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Opens an export with a reader that is not POI — openpyxl for .xlsx, python-docx for .docx (Debian's
 * python3-openpyxl and python3-docx) — through {@code src/test/resources/exports/second_reader.py}, and returns what
 * it printed. The file is kept under target/exports/ to open by hand. Without the Python modules the test is skipped
 * with a clear message, unless {@code cq.browser.required=true} (set by .ci/run), where their absence fails the build.
 */
public final class SecondReader {

	/** Debian's python3 first: a python3 of pyenv or a venv earlier on the PATH does not see Debian's modules. */
	private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

	private static String python;

	private SecondReader() {
	}

	/** What the second reader printed for {@code bytes} saved as {@code name}; fails when it could not open it. */
	public static String read(String name, byte[] bytes) throws IOException, InterruptedException {
		requireReaders();
		Path dir = Files.createDirectories(Path.of("target", "exports"));
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		Path script = Path.of("src", "test", "resources", "exports", "second_reader.py");
		Process p = new ProcessBuilder(python, script.toString(), file.toString()).redirectErrorStream(true).start();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("second reader did not finish within 120 s: " + file);
		}
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (p.exitValue() != 0) {
			throw new AssertionError("openpyxl/python-docx could not read " + file + ":\n" + out);
		}
		return out;
	}

	private static synchronized void requireReaders() throws InterruptedException {
		if (python == null) {
			python = "";
			for (String candidate : PYTHONS) {
				try {
					Process p = new ProcessBuilder(List.of(candidate, "-c", "import docx, openpyxl")).redirectErrorStream(true)
						.start();
					if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
						python = candidate;
						break;
					}
				}
				catch (IOException e) {
					// not installed: try the next
				}
			}
		}
		if (python.isEmpty()) {
			String message = "python3 with openpyxl and python-docx not found "
					+ "(apt-get install python3-openpyxl python3-docx): second-reader checks of the exports";
			if (Boolean.parseBoolean(System.getProperty("cq.browser.required", "false"))) {
				throw new IllegalStateException(message + " are required here");
			}
			Assumptions.abort(message + " skipped");
		}
	}

}
