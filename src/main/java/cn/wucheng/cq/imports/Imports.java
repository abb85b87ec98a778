package cn.wucheng.cq.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.wucheng.cq.imports.internal.ColumnMapping;
import cn.wucheng.cq.imports.internal.ImportEngine;
import cn.wucheng.cq.imports.internal.ImportQueue;

/**
 * Imports one list of IMPORT.md from an .xlsx or .csv file, all or nothing and idempotent. For the import page, the
 * API, the demo loader and benchmarks. Bad rows are never thrown: they come back in {@link ImportResult#errors()}.
 */
@Service
public class Imports {

	private final ImportEngine engine;

	private final ImportQueue queue;

	private final ImportHistory history;

	Imports(ImportEngine engine, ImportQueue queue, ImportHistory history) {
		this.engine = engine;
		this.queue = queue;
		this.history = history;
	}

	/** Large imports ahead of the upload with this ticket (0: it runs), or -1 when none waits or runs under it. */
	public int ahead(String ticket) {
		return queue.ahead(ticket);
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

	/**
	 * Imports an uploaded file from where the servlet container stored it: the container's temporary file is moved
	 * (renamed) to a temporary file of ours, not copied, so a 160 MB upload is not written to disk a second time.
	 * The import goes into the {@link ImportHistory}, and the file is moved (again not copied) to where it is kept.
	 */
	public ImportResult importUpload(ImportKind kind, MultipartFile upload, ImportSource source) {
		return importUpload(kind, upload, null, source);
	}

	/**
	 * As {@link #importUpload(ImportKind, MultipartFile, ImportSource)}; a large file waits its turn under
	 * {@code ticket}, which {@link #ahead(String)} answers for.
	 */
	public ImportResult importUpload(ImportKind kind, MultipartFile upload, String ticket, ImportSource source) {
		Path temp = null;
		try {
			temp = Files.createTempFile("cq-import-", ".upload");
			Files.delete(temp); // the container moves its file here (Part.write renames when it can)
			upload.transferTo(temp.toFile());
			if (!Files.exists(temp)) {
				try (InputStream in = upload.getInputStream()) {
					Files.copy(in, temp);
				}
			}
			ImportResult result = engine.importFile(kind, upload.getOriginalFilename(), temp, ticket);
			history.record(source, result, temp, true);
			return result;
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

	/**
	 * Imports a file of ours (an upload kept for the mapping step, issue 14 item 2) with the file's headers renamed
	 * by {@code mapping} (null: none): into the {@link ImportHistory}, the file moved there, never left behind.
	 */
	public ImportResult importMapped(ImportKind kind, String fileName, Path file, String ticket, ImportSource source,
			ColumnMapping mapping) {
		try {
			ImportResult result = engine.importFile(kind, fileName, file, ticket, mapping);
			history.record(source, result, file, true);
			return result;
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// a temporary file left behind does no harm
			}
		}
	}

	/** Imports a file already on disk (demo data, benchmarks) without copying it. */
	public ImportResult importFile(ImportKind kind, Path file) {
		return engine.importFile(kind, file.getFileName().toString(), file);
	}

}
