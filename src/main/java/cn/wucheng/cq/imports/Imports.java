package cn.wucheng.cq.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Service;

import cn.wucheng.cq.imports.internal.ImportEngine;

/**
 * Imports one list of IMPORT.md from an .xlsx or .csv file, all or nothing and idempotent. For the import page, the
 * API, the demo loader and benchmarks. Bad rows are never thrown: they come back in {@link ImportResult#errors()}.
 */
@Service
public class Imports {

	private final ImportEngine engine;

	Imports(ImportEngine engine) {
		this.engine = engine;
	}

	/**
	 * Reads the content (once, into a temporary file, so that large files are streamed and never held in memory) and
	 * imports it. The file type is found from the content, not the name; the name only goes into the audit log.
	 */
	public ImportResult importFile(ImportKind kind, String fileName, InputStream content) {
		Path temp = null;
		try {
			temp = Files.createTempFile("cq-import-", ".upload");
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			return engine.importFile(kind, fileName, temp);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a temporary file left behind does no harm
				}
			}
		}
	}

	/** Imports a file already on disk (demo data, benchmarks) without copying it. */
	public ImportResult importFile(ImportKind kind, Path file) {
		return engine.importFile(kind, file.getFileName().toString(), file);
	}

}
