package cn.wucheng.cq.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.wucheng.cq.shared.SpreadsheetText;

/**
 * The cases a user ticked in the case list as .xlsx (issue 13 item 7, "导出所选"): the list's columns, one row per
 * case, every cell text (numbers such as 案件编号 keep their leading zeros); text a spreadsheet could take for a
 * formula is stored quoted (SpreadsheetText).
 */
final class CaseWorkbook {

	static final List<String> HEADERS = List.of("cases.caseNo", "cases.decisionNo", "cases.category",
			"cases.domain", "cases.unit", "cases.filedOn", "cases.concludedOn", "cases.lead", "cases.co", "cases.flags");

	private final MessageSource messages;

	CaseWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(List<CaseLedger.CaseRow> rows) {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			SpreadsheetText cells = SpreadsheetText.of(wb);
			Sheet sheet = wb.createSheet(msg("cases.list.title"));
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				cells.text(header.createCell(i), msg(HEADERS.get(i)), bold);
			}
			int r = 1;
			for (CaseLedger.CaseRow c : rows) {
				Row row = sheet.createRow(r++);
				List<String> values = List.of(c.caseNo(), nz(c.decisionNo()),
						msg("cases.category." + c.category().name()), nz(c.domainName()), nz(c.unitName()),
						c.filedOn() == null ? "" : c.filedOn().toString(),
						c.concludedOn() == null ? "" : c.concludedOn().toString(),
						msg("cases.handlerName", c.lead().name(), c.lead().employeeNo()),
						msg("cases.handlerName", c.co().name(), c.co().employeeNo()),
						c.flags().stream().map(f -> msg("cases.flag." + f.name() + ".short")).collect(Collectors.joining("、")));
				for (int i = 0; i < values.size(); i++) {
					cells.text(row.createCell(i), values.get(i));
				}
			}
			sheet.createFreezePane(1, 1);
			for (int i = 0; i < HEADERS.size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
