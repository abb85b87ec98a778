package cn.wucheng.cq.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.imports.BureauImportResult;
import cn.wucheng.cq.imports.ImportHistory;
import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.imports.ImportSource;

/**
 * A city's or the province's upload of a list split by 所属执法局 (issue 16 item 3), from the page or the API: received
 * into a temporary file (moved, not copied, where the container can), imported ({@link BureauSplitImport}), and each
 * bureau's part recorded in that bureau's import history, so its legal section sees what was imported for it. The
 * file itself is not kept: a province's list would be kept once per bureau.
 */
@Component
class RegionImports {

	private final BureauSplitImport split;

	private final ImportHistory history;

	private final ImportScope scope;

	RegionImports(BureauSplitImport split, ImportHistory history, ImportScope scope) {
		this.split = split;
		this.history = history;
		this.scope = scope;
	}

	BureauImportResult importUpload(ImportKind kind, MultipartFile upload, String ticket, ImportSource source) {
		Path temp = null;
		try {
			temp = Files.createTempFile("cq-import-", ".upload");
			Files.delete(temp);
			upload.transferTo(temp.toFile());
			if (!Files.exists(temp)) {
				try (InputStream in = upload.getInputStream()) {
					Files.copy(in, temp);
				}
			}
			BureauImportResult result = split.importFile(kind, upload.getOriginalFilename(), temp, ticket,
					scope.current());
			if (result.imported()) {
				for (BureauImportResult.Part part : result.parts()) {
					Bureaus.runAs(part.bureau().id(), () -> history.record(source, result.resultOf(part), null));
				}
			}
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

}
