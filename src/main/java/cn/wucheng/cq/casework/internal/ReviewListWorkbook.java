package cn.wucheng.cq.casework.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.wucheng.cq.shared.SpreadsheetText;
import cn.wucheng.cq.shared.WrappedRows;

/**
 * the monthly list as an .xlsx in the layout of attachment 2 — the title "__月__中队简易案件审核清单" filled in,
 * the attachment's eleven column headers, one row per simple case, and its footer lines (备注, 中队长签字). A4 landscape,
 * fit to one page wide, the header row repeated on every printed page. Text goes through {@link SpreadsheetText}
 * (formula-like text quote-prefixed).
 */
final class ReviewListWorkbook {

	/**
	 * The message keys of the columns: the eleven of attachment 2 in its order, then the note on a 否 and the
	 * squad reviewer's opinion, which the amended rules add to what the list shows.
	 */
	static final List<String> COLUMNS = List.of("no", "caseDay", "decisionNo", "subject", "party", "evidence", "law",
			"record", "videoNo", "handlers", "legalOfficer", "problemNote", "squadOpinion");

	private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ReviewListWorkbook() {
	}

	/** The messages, with arguments ({@code refusals::message}). */
	@FunctionalInterface
	interface Messages {

		String msg(String key, Object... args);

	}

	/**
	 * The title of attachment 2 filled in, with the year: "2024年3月执法一中队简易案件审核清单". The attachment prints
	 * only the month, but a list filed away without its year could be any year's (issue 13, item 8).
	 */
	static String title(ReviewLists.MonthList list, Messages msg) {
		String squad = list.unitName().endsWith(CaseworkVocabulary.SQUAD_SUFFIX)
				? list.unitName().substring(0, list.unitName().length() - CaseworkVocabulary.SQUAD_SUFFIX.length())
				: list.unitName();
		return msg.msg("casework.list.title", String.valueOf(list.month().getYear()), list.month().getMonthValue(), squad);
	}

	static byte[] write(ReviewLists.MonthList list, Messages msg) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(msg.msg("casework.list.sheet", list.month().getMonthValue()));
			CellStyle titleStyle = wb.createCellStyle();
			Font big = wb.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			titleStyle.setFont(big);
			titleStyle.setAlignment(HorizontalAlignment.CENTER);
			CellStyle head = bordered(wb);
			Font bold = wb.createFont();
			bold.setBold(true);
			head.setFont(bold);
			head.setWrapText(true);
			head.setAlignment(HorizontalAlignment.CENTER);
			head.setVerticalAlignment(VerticalAlignment.CENTER);
			CellStyle cell = bordered(wb);
			cell.setWrapText(true);
			cell.setVerticalAlignment(VerticalAlignment.CENTER);
			SpreadsheetText cells = SpreadsheetText.of(wb);

			Row titleRow = sheet.createRow(0);
			titleRow.setHeightInPoints(30);
			titleRow.createCell(0).setCellValue(title(list, msg));
			titleRow.getCell(0).setCellStyle(titleStyle);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));

			Row header = sheet.createRow(1);
			header.setHeightInPoints(36);
			int[] widths = { 6, 13, 20, 10, 10, 12, 10, 10, 16, 16, 14, 24, 30 };
			for (int i = 0; i < COLUMNS.size(); i++) {
				Cell c = header.createCell(i);
				c.setCellValue(msg.msg("casework.list.col." + COLUMNS.get(i)));
				c.setCellStyle(head);
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			WrappedRows.fit(header);
			int r = 2;
			int no = 1;
			for (ListRow row : list.rows()) {
				Row x = sheet.createRow(r++);
				Cell n = x.createCell(0);
				n.setCellValue(no++);
				n.setCellStyle(cell);
				cells.text(x.createCell(1), row.caseDay().toString(), cell);
				cells.text(x.createCell(2), row.decisionNo(), cell);
				cells.text(x.createCell(3), yesNo(row.subjectOk(), msg), cell);
				cells.text(x.createCell(4), yesNo(row.partyOk(), msg), cell);
				cells.text(x.createCell(5), yesNo(row.evidenceOk(), msg), cell);
				cells.text(x.createCell(6), yesNo(row.lawOk(), msg), cell);
				cells.text(x.createCell(7), yesNo(row.recordOk(), msg), cell);
				cells.text(x.createCell(8), row.videoNo(), cell);
				cells.text(x.createCell(9), row.handlers(), cell);
				cells.text(x.createCell(10), row.reviewed() ? row.reviewerName() : msg.msg("casework.list.unreviewed"),
						cell);
				cells.text(x.createCell(11), row.note(), cell);
				cells.text(x.createCell(12),
						row.opinionText() == null ? msg.msg("casework.opinion.none") : row.opinionText(), cell);
				// wrapped text grows a row only where the reader recomputes heights (LibreOffice); Excel and WPS keep
				// the default 15 pt and draw the lines over the next row, so each row carries the height it needs
				WrappedRows.fit(x);
			}
			r++;
			Row note = sheet.createRow(r++);
			note.createCell(0).setCellValue(msg.msg("casework.list.note"));
			sheet.addMergedRegion(new CellRangeAddress(note.getRowNum(), note.getRowNum(), 0, COLUMNS.size() - 1));
			Row sign = sheet.createRow(r);
			String signer = list.list()
				.filter(ReviewList::isSigned)
				.map(l -> msg.msg("casework.list.signature") + l.getSignerName() + msg.msg("casework.list.signedElectronically")
						+ " " + SIGNED_AT.format(l.getSignedAt()))
				.orElse(msg.msg("casework.list.signature") + "_____");
			cells.text(sign.createCell(0), signer);
			sheet.addMergedRegion(new CellRangeAddress(sign.getRowNum(), sign.getRowNum(), 0, COLUMNS.size() - 1));
			note.setHeightInPoints(20);
			sign.setHeightInPoints(20);

			PrintSetup print = sheet.getPrintSetup();
			print.setLandscape(true);
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			sheet.setRepeatingRows(CellRangeAddress.valueOf("2:2"));
			sheet.setHorizontallyCenter(true);
			wb.write(out);
			return out.toByteArray();
		}
	}

	static ResponseEntity<byte[]> download(byte[] body, String file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}


	private static String yesNo(Boolean b, Messages msg) {
		return b == null ? "" : msg.msg(b ? "casework.yes" : "casework.no");
	}


	private static CellStyle bordered(XSSFWorkbook wb) {
		CellStyle s = wb.createCellStyle();
		s.setBorderTop(BorderStyle.THIN);
		s.setBorderBottom(BorderStyle.THIN);
		s.setBorderLeft(BorderStyle.THIN);
		s.setBorderRight(BorderStyle.THIN);
		return s;
	}

}
