package cn.wucheng.cq.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportResult;
import cn.wucheng.cq.imports.ImportSource;
import cn.wucheng.cq.imports.Imports;

/**
 * The demo's lists imported as 法制科 would on the import page: through the importer, and recorded in the import
 * history with their kept file (so the history page shows where the demo's data came from).
 */
@Component
class DemoImports {

	private final Imports imports;

	private final ImportHistory history;

	DemoImports(Imports imports, ImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	ImportResult importFile(ImportKind kind, String fileName, byte[] content) {
		Path dir = null;
		Path file = null;
		try {
			dir = Files.createTempDirectory("cq-demo-");
			file = Files.write(dir.resolve(fileName), content);
			ImportResult result = imports.importFile(kind, file);
			history.record(ImportSource.PAGE, result, file);
			return result;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			try {
				if (file != null) {
					Files.deleteIfExists(file);
				}
				if (dir != null) {
					Files.deleteIfExists(dir);
				}
			}
			catch (IOException ignored) {
				// a temporary file left behind does no harm
			}
		}
	}

}
