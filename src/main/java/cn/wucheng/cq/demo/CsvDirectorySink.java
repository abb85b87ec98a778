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

	/** A last column every list has (所属执法局 for a province split by bureau), or null. */
	private final String extraHeader;

	public CsvDirectorySink(Path directory) throws IOException {
		this(directory, null);
	}

	/** Lists with one more header after their own ({@code null}: none); rows then carry its cell last. */
	public CsvDirectorySink(Path directory, String extraHeader) throws IOException {
		this.directory = Files.createDirectories(directory);
		this.extraHeader = extraHeader;
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
		if (extraHeader == null) {
			return new CsvRowWriter(out, list);
		}
		return new CsvRowWriter(out,
				java.util.stream.Stream.concat(list.headers().stream(), java.util.stream.Stream.of(extraHeader)).toList());
	}

}
