package cn.wucheng.cq.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTests {

	@Test
	void textStartingWithAFormulaCharacterLooksLikeAFormula() {
		for (String text : new String[] { "=1+1", "+86 138", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-cmd", "=" }) {
			assertThat(SpreadsheetText.looksLikeFormula(text)).as(text).isTrue();
		}
	}

	@Test
	void ordinaryTextAndPlainNumbersWrittenAsTextDoNot() {
		for (String text : new String[] { "张三", "", "0012", "-3.00", "+5", "-2", "9.50", "A-1", "决字第1号" }) {
			assertThat(SpreadsheetText.looksLikeFormula(text)).as(text).isFalse();
		}
		assertThat(SpreadsheetText.looksLikeFormula(null)).isFalse();
	}

	@Test
	void aFormulaLikeTextIsAQuotePrefixedStringInTheCellsOwnStyleMadeOncePerStyle() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			SpreadsheetText cells = SpreadsheetText.of(wb);
			CellStyle bordered = wb.createCellStyle();
			bordered.setBorderTop(BorderStyle.THIN);
			Row row = wb.createSheet().createRow(0);
			Cell first = cells.text(row.createCell(0), "=cmd|' /C calc'!A0", bordered);
			Cell second = cells.text(row.createCell(1), "@SUM(1)", bordered);
			Cell plain = cells.text(row.createCell(2), "-3.00", bordered);
			Cell empty = cells.text(row.createCell(3), null);
			int styles = wb.getNumCellStyles();

			assertThat(first.getCellType()).isEqualTo(CellType.STRING);
			assertThat(first.getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
			assertThat(first.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(first.getCellStyle().getBorderTop()).isEqualTo(BorderStyle.THIN);
			assertThat(second.getCellStyle().getIndex()).isEqualTo(first.getCellStyle().getIndex());
			assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(plain.getCellStyle().getIndex()).isEqualTo(bordered.getIndex());
			assertThat(empty.getStringCellValue()).isEmpty();
			cells.text(row.createCell(4), "+1+1", bordered);
			assertThat(wb.getNumCellStyles()).isEqualTo(styles);
		}
	}

	/** a points cell holds the exact decimal digits in the file, written without a binary double between. */
	@Test
	void r24_anExactNumberIsANumericCellHoldingTheDecimalsDigitsInTheFile() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Row row = wb.createSheet("s").createRow(0);
			SpreadsheetText.exactNumber(row.createCell(0), new java.math.BigDecimal("0.875"));
			SpreadsheetText.exactNumber(row.createCell(1), new java.math.BigDecimal("14.3750"));
			SpreadsheetText.exactNumber(row.createCell(2), new java.math.BigDecimal("-2.50"));
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			wb.write(out);
			try (XSSFWorkbook back = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
				var cells = back.getSheetAt(0).getRow(0);
				assertThat(cells.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(cells.getCell(0).getCTCell().getV()).isEqualTo("0.875");
				assertThat(cells.getCell(1).getCTCell().getV()).isEqualTo("14.375");
				assertThat(cells.getCell(2).getCTCell().getV()).isEqualTo("-2.5");
				assertThat(cells.getCell(1).getNumericCellValue()).isEqualTo(14.375);
			}
		}
	}

}
