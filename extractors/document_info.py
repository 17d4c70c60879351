"""What a document says about itself on its cover: city, title, edition, month, plan period."""

from __future__ import annotations

import regex

from extractors.model import DocumentInfo
from normalizers.municipality import lookup_municipality
from pipeline.blocks import Document, Paragraph

COVER_BLOCKS = 12  # the cover is the first few paragraphs; later text quotes other plans
_MUNICIPALITY_RE = regex.compile(r"^(?P<name>\p{Han}{1,6}?[都道府県市区町村])(?:$|\p{Han}|[A-Za-z])")
_MONTH_RE = regex.compile(r"^(?:令和|平成)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月$|^\d{4}\s*年.*\d{1,2}\s*月$")
_EDITION_RE = regex.compile(r"^(?:原案|素案|案|【?第\s*[\d.]+\s*版】?)$")
_ERA_RE = regex.compile(r"(令和|平成)")
_CITY_RUN_RE = regex.compile(r"\p{Han}{1,4}?[市町村]")
_PERIOD_RE = regex.compile(
    r"(?P<start>(?:令和|平成)\s*(?:\d{1,2}|元)\s*(?:[（(]\d{4}[)）])?\s*年度)\s*(?:から|～|~|－|-)\s*"
    r"(?P<end>(?:令和|平成)\s*(?:\d{1,2}|元)\s*(?:[（(]\d{4}[)）])?\s*年度)"
)


def most_named_municipality(text: str) -> str | None:
    """The municipality the text names most often (`福山市`), for covers that print no city.

    A name counts only when the bundled 総務省 list knows it: `…市` runs are tried from their
    longest suffix, so `本市` or `全市` never count while `福山市` does.
    """
    counts: dict[str, int] = {}
    for match in _CITY_RUN_RE.finditer(text):
        for start in range(match.start(), match.end() - 1):
            name = text[start : match.end()]
            if lookup_municipality(name):
                counts[name] = counts.get(name, 0) + 1
                break
    return max(sorted(counts), key=lambda name: counts[name]) if counts else None


def read_info(document: Document) -> DocumentInfo:
    """Read the cover paragraphs; fields the cover does not print stay None."""
    cover = [b.text.strip() for b in list(document.blocks())[:COVER_BLOCKS] if isinstance(b, Paragraph)]
    municipality = title = edition = published = None
    for text in cover:
        if published is None and _MONTH_RE.match(text):
            published = text
        elif edition is None and _EDITION_RE.match(text):
            edition = text.strip("【】")
        elif municipality is None and regex.fullmatch(r"\p{Han}{1,6}[都道府県市区町村]", text):
            municipality = text
        elif title is None and not text.startswith(("■", "-", "<", "・")):
            title = text
    if municipality is None and title and (m := _MUNICIPALITY_RE.match(title)):
        municipality = m["name"]
    if municipality is None:
        municipality = most_named_municipality(document.text())
    period = None
    # The plan's own period is the one labelled 計画期間, else the one stated as `…から…までの`
    # (older plans are quoted with `～`).
    text = document.text()
    matches = list(_PERIOD_RE.finditer(text))
    labelled = [m for m in matches if "期間" in text[max(0, m.start() - 8) : m.start()]]
    own = [m for m in matches if text[m.end() : m.end() + 3].startswith("まで")]
    if chosen := (labelled or own or matches)[:1]:
        period = f"{chosen[0]['start']}～{chosen[0]['end']}"
    era_match = _ERA_RE.search(published or "")
    era = era_match.group(1) if era_match else dominant_era(document.text())
    return DocumentInfo(
        municipality=municipality or "",
        title=title or "",
        edition=edition,
        published=published,
        period=period,
        era=era,
    )


def dominant_era(text: str) -> str:
    """The era a bare `29年度` is read in when the cover prints no dated month: the one named most (令和 on a tie)."""
    counts = {era: len(regex.findall(era, text)) for era in ("令和", "平成")}
    return "平成" if counts["平成"] > counts["令和"] else "令和"
