"""python-docx building blocks for the Word fixtures: fonts for Japanese text, shading, ruling, pages.

Word keeps a separate font for East Asian text (`w:eastAsia`); python-docx sets only the Latin
one, so every font is set through `set_font`. Table widths are set per cell (LibreOffice reads
the cell widths, not the table's autofit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def set_font(run: Run, name: str, size: float, bold: bool = False) -> None:
    """Font of a run, for Latin and East Asian text alike."""
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def default_font(doc: WordDocument, name: str, size: float) -> None:
    """The Normal style's font (Latin and East Asian) and a tight paragraph spacing."""
    normal = doc.styles["Normal"]
    normal.font.name = name
    normal.font.size = Pt(size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)


def a4(doc: WordDocument, landscape: bool = False, margin_mm: float = 18.0) -> None:
    """A4 pages with even margins."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margin_mm))


def paragraph(
    doc: WordDocument | _Cell, text: str, font: str, size: float, bold: bool = False, align: str = "left"
) -> Paragraph:
    """A paragraph of one run (in a document or a table cell)."""
    p = doc.add_paragraph()
    set_font(p.add_run(text), font, size, bold)
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
    return p


def write_cell(cell: _Cell, text: str, font: str, size: float, bold: bool = False, align: str = "left") -> None:
    """Replace a cell's text: one paragraph per line of `text`."""
    first = cell.paragraphs[0]
    for i, line in enumerate(text.split("\n")):
        p = first if i == 0 else cell.add_paragraph()
        set_font(p.add_run(line), font, size, bold)
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]


def shade(cell: _Cell, fill: str) -> None:
    """Background colour of a cell (RGB hex)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _border_element(tag: str, edges: Mapping[str, str | None]) -> BaseOxmlElement:
    borders = OxmlElement(tag)
    for edge, style in edges.items():
        element = OxmlElement(f"w:{edge}")
        if style is None:
            element.set(qn("w:val"), "nil")
        else:
            kind, _, size = style.partition(":")
            element.set(qn("w:val"), kind)
            element.set(qn("w:sz"), size or "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    return borders


def rule_table(table: Table, edges: Mapping[str, str | None]) -> None:
    """A table's ruling: edge (top, left, bottom, right, insideH, insideV) → `single:4`-style spec or None."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    tbl_pr.append(_border_element("w:tblBorders", edges))


def rule_cell(cell: _Cell, edges: Mapping[str, str | None]) -> None:
    """Ruling of one cell, over the table's (e.g. a heavier line under a header row)."""
    cell._tc.get_or_add_tcPr().append(_border_element("w:tcBorders", edges))


def column_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths: on the grid and on every cell."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def min_row_height(table: Table, height_mm: float) -> None:
    """Every row at least `height_mm` high (offices leave air around short cell texts)."""
    for row in table.rows:
        row.height = Mm(height_mm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def centre_vertically(table: Table) -> None:
    """Every cell's text centred between its top and bottom rules."""
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def page_number_footer(doc: WordDocument, font: str) -> None:
    """A centred page number in the footer (a PAGE field, as Word inserts it)."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    set_font(run, font, 9.0)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        elif kind == "text":
            result = OxmlElement("w:t")
            result.text = text
            run._element.append(result)
        else:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._element.append(field)


def header_text(doc: WordDocument, text: str, font: str) -> None:
    """A right-aligned running header."""
    p = doc.sections[0].header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    set_font(p.add_run(text), font, 8.0)
