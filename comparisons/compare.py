"""Comparing the published documents with each other: series, changes and links, in one pass."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from comparisons.changes import changes_between
from comparisons.links import LinkedDocument, city_links
from comparisons.series import SeriesMember, SeriesPlace, members_to_places
from comparisons.views import InitiativeView
from pipeline.changes_cache import ChangesCache
from pipeline.normalize import NormalizedDocument
from pipeline.tables import ChangeRow, DocumentRow, LinkRow, QualityRow


@dataclass(frozen=True)
class Comparison:
    """What comparing the documents found."""

    places: dict[str, SeriesPlace]
    changes: list[ChangeRow]
    links: list[LinkRow]
    problems: list[str]  # one line each: a `supersedes` that could not be followed


def compare_documents(
    rows: Sequence[DocumentRow],
    views_of: Callable[[str], Sequence[InitiativeView]],
    supersedes: Mapping[str, str],
    kept: ChangesCache | None = None,
) -> Comparison:
    """Series and previous versions, the changes from each previous version, and links within each city.

    `rows` are the documents' `documents` rows; `views_of(document_id)` gives a document's initiatives
    when they are needed (publishing keeps them out of memory until then): for the changes between a
    version and the one before, and for the links among a city's latest plans, one city at a time.
    `supersedes` maps a document id to the id of the document the manifest says it replaces.
    With `kept`, the changes between two versions are read from it while they hold (their views are
    then not asked for), and kept there when compared.
    Documents that were not read (status `error`) take part in no comparison.
    """
    readable = [row for row in rows if row.status != "error"]
    members = [
        SeriesMember(
            row.document_id,
            row.municipality,
            row.municipality_code,
            row.title,
            row.edition,
            row.published,
            row.downloaded,
            supersedes.get(row.document_id),
            row.source_format,
        )
        for row in readable
    ]
    places, problems = members_to_places(members)
    # Each series is walked from its first version, so that a version's views are asked for twice in a
    # row (as the later, then as the earlier one); the rows are listed by document id all the same.
    following: dict[str, list[str]] = {}
    for doc_id in sorted(places):
        previous = places[doc_id].previous_document_id
        if previous is not None:
            following.setdefault(previous, []).append(doc_id)
    found: dict[str, list[ChangeRow]] = {}
    walk = [doc_id for doc_id in sorted(places, reverse=True) if places[doc_id].previous_document_id not in places]
    while walk:
        previous = walk.pop()
        for doc_id in reversed(following.get(previous, [])):
            walk.append(doc_id)
        for doc_id in following.get(previous, []):

            def compare(previous: str = previous, doc_id: str = doc_id) -> list[ChangeRow]:
                return changes_between(previous, views_of(previous), doc_id, views_of(doc_id))

            found[doc_id] = kept.changes(previous, doc_id, compare) if kept is not None else compare()
    changes = [row for doc_id in sorted(found) for row in found[doc_id]]
    # Links join the latest version of each plan of a city: an earlier version's initiatives reach
    # them through `changes` (previous_initiative_id), and linking every version with every other
    # would grow with the square of the versions kept.
    superseded = {place.previous_document_id for place in places.values()}
    cities: dict[str, list[DocumentRow]] = {}
    for row in readable:
        city = row.municipality_code or row.municipality
        if city and row.document_id not in superseded:
            cities.setdefault(city, []).append(row)
    links: list[LinkRow] = []
    for city in sorted(cities):
        if len(cities[city]) > 1:  # one plan links with nothing
            linked = [LinkedDocument(r.document_id, r.published, tuple(views_of(r.document_id))) for r in cities[city]]
            links += city_links(linked)
    return Comparison(places, changes, sorted(links, key=lambda link: link.document_id), problems)


def apply_places(document: NormalizedDocument, place: SeriesPlace | None) -> None:
    """Write a document's series and previous version into its rows; an assumed order becomes a warning,
    a twin in another format a note."""
    if place is None or not document.documents:
        return
    row = document.documents[0]
    document.documents[0] = replace(row, series_id=place.series_id, previous_document_id=place.previous_document_id)
    if place.order_assumed:
        document.quality.append(
            QualityRow(row.document_id, "version_order_assumed", "warning", None, None, place.order_assumed)
        )
    if place.same_edition_as:
        detail = (
            f"prints the title, month and edition of {place.same_edition_as} in another format: "
            "the same edition, not a version of it (no changes are listed between them)"
        )
        document.quality.append(QualityRow(row.document_id, "same_edition_other_format", "ok", None, None, detail))
