"""Where an expected record says its strings are printed, checked against a document's pages.

The held-out sets' tests read only the committed PDFs and dumps (CI has neither LibreOffice nor
poppler): every title, department, heading, indicator name (and, where asked, value and
activity) of a record must be printed on the page the record names.
"""

from __future__ import annotations

from typing import Any

from normalizers.text import fullwidth_to_halfwidth


def squash(text: str) -> str:
    """Text compared as printed: ASCII made half-width, all whitespace removed."""
    return "".join(fullwidth_to_halfwidth(text).split())


def printed(record: dict[str, Any], values: bool = False, activities: bool = False) -> list[tuple[str, int, bool]]:
    """(string, page, carried) of every string a record says is printed.

    A heading is `carried`: it may be printed on an earlier page (its rows go on over a page break).
    """
    out: list[tuple[str, int, bool]] = []
    for item in record["initiatives"]:
        page = item["page"]
        names = [item["title"], *item["departments"]]
        for indicator in item.get("indicators", []):
            names.append(indicator["name"])
            if values:
                names += [value["value_text"] for value in indicator["values"]]
        if activities:
            names += [step["activity"] for step in item.get("schedule", []) if not step["continued"]]
        out += [(name, page, False) for name in names]
        out += [(heading, page, True) for heading in item.get("hierarchy", [])]
    return out


def misplaced(
    record: dict[str, Any], pages: list[str], values: bool = False, activities: bool = False
) -> list[tuple[str, int]]:
    """(string, page) of the recorded strings not printed where the record says (pages already squashed)."""
    return [
        (name, page)
        for name, page, carried in printed(record, values, activities)
        if not any(squash(name) in text for text in pages[0 if carried else page - 1 : page])
    ]
