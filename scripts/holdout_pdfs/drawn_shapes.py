"""Arrows drawn over a worksheet's cells, as offices draw a 工程表's bars in Excel with the shape tool.

openpyxl writes no shapes, so `add_shapes` rewrites a saved XLSX: a DrawingML part holding one
anchored shape per `Arrow` (a block arrow, or a line with an arrowhead), the relationship from
the sheet to it, and its content type. Positions are given in points inside cells, so that a
builder places an arrow from one year column to another without measuring the printout.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

EMU_PER_POINT = 12700
_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"
_DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"


@dataclass(frozen=True)
class Anchor:
    """A point on the sheet: a cell (0-based column and row) and an offset into it, in points."""

    col: int
    row: int
    dx: float
    dy: float


@dataclass(frozen=True)
class Arrow:
    """One drawn arrow from `start` to `end`: a filled block arrow, or a line of `weight` points with a head."""

    start: Anchor
    end: Anchor
    block: bool
    colour: str = "000000"
    weight: float = 2.0
    text: str | None = None  # printed inside a block arrow
    font: str = "IPAexGothic"
    size: float = 8.0


def _anchor(tag: str, at: Anchor) -> str:
    return (
        f"<xdr:{tag}><xdr:col>{at.col}</xdr:col><xdr:colOff>{round(at.dx * EMU_PER_POINT)}</xdr:colOff>"
        f"<xdr:row>{at.row}</xdr:row><xdr:rowOff>{round(at.dy * EMU_PER_POINT)}</xdr:rowOff></xdr:{tag}>"
    )


def _text_body(arrow: Arrow) -> str:
    if arrow.text is None:
        return ""
    size = round(arrow.size * 100)
    return (
        '<xdr:txBody><a:bodyPr vertOverflow="overflow" horzOverflow="overflow" wrap="none" lIns="0" tIns="0" '
        'rIns="0" bIns="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/>'
        f'<a:r><a:rPr lang="ja-JP" sz="{size}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        f'<a:latin typeface="{arrow.font}"/><a:ea typeface="{arrow.font}"/></a:rPr>'
        f"<a:t>{escape(arrow.text)}</a:t></a:r></a:p></xdr:txBody>"
    )


def _shape(n: int, arrow: Arrow) -> str:
    line_w = round(arrow.weight * EMU_PER_POINT)
    if arrow.block:
        body = (
            f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{n + 1}" name="Arrow {n}"/><xdr:cNvSpPr/>'
            '</xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rightArrow"><a:avLst>'
            '<a:gd name="adj1" fmla="val 60000"/><a:gd name="adj2" fmla="val 50000"/></a:avLst></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{arrow.colour}"/></a:solidFill>'
            '<a:ln w="6350"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></xdr:spPr>'
            f"{_text_body(arrow)}</xdr:sp>"
        )
    else:
        body = (
            f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{n + 1}" name="Line {n}"/><xdr:cNvCxnSpPr/>'
            '</xdr:nvCxnSpPr><xdr:spPr><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>'
            f'<a:ln w="{line_w}"><a:solidFill><a:srgbClr val="{arrow.colour}"/></a:solidFill>'
            '<a:tailEnd type="triangle" w="med" len="med"/></a:ln></xdr:spPr></xdr:cxnSp>'
        )
    anchors = _anchor("from", arrow.start) + _anchor("to", arrow.end)
    return f"<xdr:twoCellAnchor>{anchors}{body}<xdr:clientData/></xdr:twoCellAnchor>"


def drawing_xml(arrows: Sequence[Arrow]) -> str:
    """The DrawingML part holding `arrows`."""
    shapes = "".join(_shape(n, arrow) for n, arrow in enumerate(arrows, start=1))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<xdr:wsDr xmlns:xdr="{_XDR}" xmlns:a="{_A}">{shapes}</xdr:wsDr>'
    )


def add_shapes(xlsx: Path, sheet: int, arrows: Sequence[Arrow]) -> None:
    """Rewrite `xlsx` in place with `arrows` drawn on its `sheet`-th worksheet (1-based, as openpyxl names it)."""
    sheet_part = f"xl/worksheets/sheet{sheet}.xml"
    rels_part = f"xl/worksheets/_rels/sheet{sheet}.xml.rels"
    drawing_part = f"xl/drawings/drawing{sheet}.xml"
    with zipfile.ZipFile(xlsx) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    if rels_part in parts:
        raise ValueError(f"{xlsx.name}: sheet {sheet} already has relationships; merging them is not supported")
    parts[sheet_part] = parts[sheet_part].replace(
        b"</worksheet>", f'<drawing xmlns:r="{_R}" r:id="rIdShapes"/></worksheet>'.encode()
    )
    parts[rels_part] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdShapes" Type="{_DRAWING_REL}" Target="../drawings/drawing{sheet}.xml"/>'
        "</Relationships>"
    ).encode()
    parts[drawing_part] = drawing_xml(arrows).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/{drawing_part}" ContentType="{_DRAWING_TYPE}"/></Types>'.encode()
    )
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
