package cn.wucheng.cq.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.wucheng.cq.demo.internal.CsvRowWriter;

/** Writes each list as {@code <dir>/<key>.csv} in UTF-8 (no BOM), replacing an existing file. */
public final class CsvDirectorySink implements ImportFileSink {

	private final Path directory;

	public CsvDirectorySink(Path directory) throws IOException {
		this.directory = Files.createDirectories(directory);
	}

	public Path directory() {
		return directory;
	}

	/** The file a list is written to. */
	public Path fileOf(ImportList list) {
		return directory.resolve(list.csvFileName());
	}

	@Override
	public RowWriter open(ImportList list) throws IOException {
		var out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(fileOf(list)), StandardCharsets.UTF_8), 1 << 16);
		return new CsvRowWriter(out, list);
	}

}
