"""Comparing the published documents with each other: series, changes and links, in one pass."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from comparisons.changes import changes_between
from comparisons.links import LinkedDocument, city_links
from comparisons.series import SeriesMember, SeriesPlace, members_to_places
from comparisons.views import InitiativeView, document_to_views
from pipeline.normalize import NormalizedDocument
from pipeline.tables import ChangeRow, LinkRow, QualityRow


@dataclass(frozen=True)
class Comparison:
    """What comparing the documents found."""

    places: dict[str, SeriesPlace]
    changes: list[ChangeRow]
    links: list[LinkRow]
    problems: list[str]  # one line each: a `supersedes` that could not be followed


def compare_documents(documents: Sequence[NormalizedDocument], supersedes: Mapping[str, str]) -> Comparison:
    """Series and previous versions, the changes from each previous version, and links within each city.

    `supersedes` maps a document id to the id of the document the manifest says it replaces.
    Documents that were not read (no `documents` row with a layout) take part in no comparison.
    """
    readable = [d for d in documents if d.documents and d.documents[0].status != "error"]
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
        for row in (d.documents[0] for d in readable)
    ]
    places, problems = members_to_places(members)
    views: dict[str, list[InitiativeView]] = {d.documents[0].document_id: document_to_views(d) for d in readable}
    changes: list[ChangeRow] = []
    for doc_id in sorted(places):
        previous = places[doc_id].previous_document_id
        if previous is not None:
            changes += changes_between(previous, views[previous], doc_id, views[doc_id])
    # Links join the latest version of each plan of a city: an earlier version's initiatives reach
    # them through `changes` (previous_initiative_id), and linking every version with every other
    # would grow with the square of the versions kept.
    superseded = {place.previous_document_id for place in places.values()}
    cities: dict[str, list[LinkedDocument]] = {}
    for document in readable:
        row = document.documents[0]
        city = row.municipality_code or row.municipality
        if city and row.document_id not in superseded:
            linked = LinkedDocument(row.document_id, row.published, tuple(views[row.document_id]))
            cities.setdefault(city, []).append(linked)
    links = sorted(
        (link for city in sorted(cities) for link in city_links(cities[city])),
        key=lambda link: link.document_id,
    )
    return Comparison(places, changes, links, problems)


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
