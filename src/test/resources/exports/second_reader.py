"""The second reader of an export (issue 13, item 8): opens an .xlsx with openpyxl or a .docx with python-docx and
prints what it read, one fact per line, for EveryExportOpensInASecondReaderTests to assert on. A file these readers
cannot open ends in a traceback and a non-zero exit. Usage: python3 second_reader.py FILE"""
import sys


def xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    print("sheets=%d" % len(wb.worksheets))
    for ws in wb.worksheets:
        print("sheet %s rows=%d cols=%d" % (ws.title, ws.max_row, ws.max_column))
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 4)):
            for c in row:
                if c.value is not None:
                    value = str(c.value).replace("\n", "\\n")
                    print("cell %s!%s %s %s [%s]" % (ws.title, c.coordinate, c.data_type, value, c.number_format))
        for r in range(1, ws.max_row + 1):
            height = ws.row_dimensions[r].height
            if height is not None:
                print("height %s!%d %.1f" % (ws.title, r, height))


def docx(path):
    import docx as python_docx
    doc = python_docx.Document(path)
    print("styles=%s" % ",".join(sorted(s.name for s in doc.styles)))
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading") or p.style.name == "Title":
            print("paragraph %s: %s" % (p.style.name, p.text))
    print("tables=%d" % len(doc.tables))
    for i, t in enumerate(doc.tables):
        widths = ",".join(str(int(c.width.emu / 635)) if c.width is not None else "-" for c in t.columns)
        print("table %d rows=%d cols=%d style=%s widths=%s" % (i, len(t.rows), len(t.columns),
                                                               t.style.name if t.style else "-", widths))
        for r, row in enumerate(t.rows[:2]):
            print("table %d row %d: %s" % (i, r, "|".join(c.text for c in row.cells)))


if __name__ == "__main__":
    (docx if sys.argv[1].endswith(".docx") else xlsx)(sys.argv[1])
