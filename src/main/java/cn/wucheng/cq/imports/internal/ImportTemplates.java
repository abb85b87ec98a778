package cn.wucheng.cq.imports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.imports.ImportKind;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.shared.SpreadsheetText;

/**
 * The downloadable template of each list: the header row on the first sheet (required columns highlighted) and a
 * second sheet that says what goes in each column. The importer reads only the first sheet.
 */
@Component
class ImportTemplates {

	private final ImportEngine engine;

	private final Refusals messages;

	ImportTemplates(ImportEngine engine, Refusals messages) {
		this.engine = engine;
		this.messages = messages;
	}

	String fileName(ImportKind kind) {
		return messages.message("imports.template.fileName", kind.label());
	}

	byte[] workbook(ImportKind kind) {
		return workbook(engine.columns(kind), engine.templateColumns(kind), kind);
	}

	/**
	 * The template with one more column after the list's own: 所属执法局 for a city's or the province's file split by
	 * bureau (issue 16 item 3).
	 */
	byte[] workbook(ImportKind kind, Column extra) {
		return workbook(java.util.stream.Stream.concat(engine.columns(kind).stream(), java.util.stream.Stream.of(extra)).toList(),
				java.util.stream.Stream.concat(engine.templateColumns(kind).stream(), java.util.stream.Stream.of(extra)).toList(),
				kind);
	}

	private byte[] workbook(List<Column> columns, List<Column> dataColumns, ImportKind kind) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			// no user text here (headers and hints are ours), but every export writes text the one way
			SpreadsheetText cells = SpreadsheetText.of(wb);
			Font bold = wb.createFont();
			bold.setBold(true);
			CellStyle required = wb.createCellStyle();
			required.setFont(bold);
			required.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
			required.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle optional = wb.createCellStyle();
			optional.setFont(bold);
			CellStyle text = wb.createCellStyle();
			text.setDataFormat(wb.createDataFormat().getFormat("@"));

			Sheet data = wb.createSheet(kind.label());
			Row header = data.createRow(0);
			for (int i = 0; i < dataColumns.size(); i++) {
				Column c = dataColumns.get(i);
				cells.text(header.createCell(i), c.header());
				header.getCell(i).setCellStyle(c.required() ? required : optional);
				data.setColumnWidth(i, Math.max(12, c.header().length() * 2 + 4) * 256);
				// text format keeps 工号 such as 0012 and long numbers as typed
				data.setDefaultColumnStyle(i, text);
			}
			data.createFreezePane(0, 1);

			Sheet help = wb.createSheet(messages.message("imports.template.sheetInstructions"));
			Row h = help.createRow(0);
			cells.text(h.createCell(0), messages.message("imports.template.column"));
			cells.text(h.createCell(1), messages.message("imports.template.required"));
			cells.text(h.createCell(2), messages.message("imports.template.content"));
			for (int i = 0; i < 3; i++) {
				h.getCell(i).setCellStyle(optional);
			}
			int r = 1;
			for (Column c : columns) {
				Row row = help.createRow(r++);
				cells.text(row.createCell(0), c.header());
				cells.text(row.createCell(1), messages.message(c.required() ? "imports.template.yes" : "imports.template.no"));
				cells.text(row.createCell(2), describe(c));
			}
			help.createRow(r + 1).createCell(0).setCellValue(messages.message("imports.template.note"));
			help.setColumnWidth(0, 16 * 256);
			help.setColumnWidth(1, 10 * 256);
			help.setColumnWidth(2, 90 * 256);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What goes in a column, in Chinese: allowed values, date forms, references, length. */
	String describe(Column c) {
		StringBuilder b = new StringBuilder();
		if (!c.choices().isEmpty()) {
			b.append(messages.message("imports.hint.choices", String.join("、", c.choices())));
		}
		if (c.hintKey() != null) {
			b.append(b.isEmpty() ? "" : "；").append(messages.message(c.hintKey()));
		}
		if (c.maxLength() > 0) {
			b.append(b.isEmpty() ? "" : "；").append(messages.message("imports.template.maxLength", c.maxLength()));
		}
		if (!c.aliases().isEmpty()) { // issue 14: the names exports give the column
			b.append(b.isEmpty() ? "" : "；").append(messages.message("imports.hint.aliases", String.join("、", c.aliases())));
		}
		return b.toString();
	}

}
