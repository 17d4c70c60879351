"""Any plan whose cards, schedules or indicators are printed in a familiar way: the recognizers composed.

This profile knows no city. It walks the block model once, keeping the hierarchy headings in
force, and reads each paragraph and each table row by row with the recognizers:

* a **list header** (a title label with a department label or year columns, `No | 事業名 | 主管課`,
  one or two rows) makes every row below it an initiative, with its year columns as its schedule;
* **labelled rows and lines** (`事業名称 | …`, `担当課：…`, `【No.1】 取組事項：…`) fill a card;
* a **card header row** (`12 | title | 情報政策課`) starts a card by its printed number, whatever
  the order or gaps; a circled number under it is a sub-item;
* a **run of year headings**, across a row or down a column, opens a schedule grid or, where the
  rows are labelled 目標 / 実績, an indicator by year; a `スケジュール` column of sentences is a schedule;
* **value headings** (`現状値（2014年度）| 目標値（2019年度）`) open indicator rows;
* a **banner target** or a **worded value line** is one indicator.

Schedules and indicators belong to the card being read; printed under a heading with no card,
they make that heading an initiative (a 施策 with its KPI table). Tables that none of these
read are counted in a `tables_unread` finding, and the document has no index to check
completeness against: a `completeness_unknown` finding says so. docs/recognizers.md has the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from extractors.document_info import read_info
from extractors.generic_headers import (
    assign_values,
    carries,
    header_mode,
    heading_row,
    limit_after,
    without_leading_columns,
)
from extractors.generic_state import Card, Mode, add_values, card_to_raw
from extractors.loose_sentences import LooseRow
from extractors.model import (
    DocumentInfo,
    Extraction,
    Finding,
    RawIndicator,
    RawScheduleCell,
    RawScheduleRow,
    RawValue,
)
from extractors.side_by_side import Chart, split_charts
from extractors.walk import circled_number
from normalizers.era import fiscal_year
from normalizers.text import fullwidth_to_halfwidth
from normalizers.units import match_unit
from pipeline.blocks import Document, Paragraph, Row, Table
from recognizers.departments import (
    inline_department,
    looks_like_departments,
    split_inline_department,
    unwrap_departments,
)
from recognizers.figures import is_figure_line, is_figures
from recognizers.grid import GridRow, table_to_grid
from recognizers.hierarchy import NUMBERING_STYLES, Heading, HeadingStack, read_heading, read_trailing_heading
from recognizers.indicators import (
    BracketLegend,
    comparison_series,
    named_row_kind,
    numbered_row_kind,
    read_banner_target,
    read_bracket_legend,
    read_bracketed_figure,
    read_value_line,
    split_indicator_names,
)
from recognizers.labels import Label, field_pairs, paragraph_fields, read_label, read_number_line
from recognizers.schedule import CONTINUATION, is_continuation, is_schedule_marker, year_cells
from recognizers.schedule_text import read_schedule_text
from recognizers.vocabulary import label_key, terms
from recognizers.years import read_year_heading

LAYOUT = "generic"

_NUMBER_RE = regex.compile(r"^(?:No\.?|NO\.?|№)?\s*(?P<no>\d{1,3}(?:-\d{1,3}){0,2})$")
_JAPANESE_RE = regex.compile(r"\p{Han}|\p{Katakana}|\p{Hiragana}")
_DESCRIPTION_MIN_CHARS = 30
_DIGIT_RE = regex.compile(r"\d")
_GROUP_NO_RE = regex.compile(r"^\d{1,3}-\d{1,3}$")
_BULLET_RE = regex.compile(r"^[●■◆]\s*(?P<title>[^。]{2,40})$")
_CARD_FIELDS = ("item_no", "title", "departments", "description")  # a list's columns that are no year's
MAX_FIGURE_SHARE = 0.3  # a grid whose cells are this share figures or more is a financial table


@dataclass
class _Entered:
    """A heading just entered and what was in force before it, to undo when it captions a value grid."""

    heading: Heading
    block: Row | Paragraph
    before: list[Heading]
    card: Card | None
    made: Card | None  # the heading's card, when entering it made one


class _Reader:
    def __init__(self, info: DocumentInfo) -> None:
        self.era = info.era
        self.plan_end = fiscal_year(info.period.partition("～")[2], info.era) if info.period else None
        self.cards: list[Card] = []
        self.findings: list[Finding] = []
        self.headings = HeadingStack()
        self.card: Card | None = None
        self.heading_cards: dict[tuple[str, ...], Card] = {}
        self.pending_no: str | None = None
        self.unread: list[str] = []
        self.tables = 0
        self.paths: set[str] = set()
        self.unnumbered = 0
        self.last_caption: str | None = None
        self.collecting: Card | None = None  # a card whose description continues in the bullets below
        self.previous: Row | Paragraph | Table | None = None  # the block read before this one
        self.entered: _Entered | None = None
        self.caption_block: Row | Paragraph | Table | None = None  # the block a caption was printed in
        self.carried: tuple[Mode, Table] | None = None  # a header ending a table, and that table
        self.current_table: Table | None = None
        self.titles: tuple[str, ...] = ()  # a one-row table of titles just read (over a row of charts)
        self.loose: tuple[Card, LooseRow] | None = None  # a sentences header's row printed as lines
        self.chart: tuple[Card, str, Table | None] | None = None  # the last chart's indicator and its grid
        self.legend: BracketLegend | None = None  # `【】 平成26年度全国平均`: what bracketed figures are

    # -- cards ------------------------------------------------------------------------------
    def _path(self, wanted: str) -> str:
        path, n = wanted, 1
        while path in self.paths:
            n += 1
            path = f"{wanted}~{n}"
        self.paths.add(path)
        return path

    def new_card(self, item_no: str | None, title: str, at: Row | Paragraph) -> Card:
        """A card printed at `at` (its header row, first labelled row or heading)."""
        number = fullwidth_to_halfwidth(item_no or "").strip()
        if not number:
            self.unnumbered += 1
        path = self._path(number or f"c{self.unnumbered}")
        hierarchy = tuple(h.text for h in self.headings.current)
        card = Card(path, number, title, hierarchy=hierarchy, line=at.line, page=at.page, bbox=at.bbox)
        card.unnumbered = not number
        self.cards.append(card)
        return card

    def owner(self, at: Row | Paragraph) -> Card | None:
        """The card schedules and indicators belong to: the card being read, else the innermost heading."""
        if self.card is not None:
            return self.card
        if self.headings.current:
            return self.heading_card(at)
        if self.last_caption:
            key = (self.last_caption,)
            if key not in self.heading_cards:
                self.heading_cards[key] = self.new_card(None, self.last_caption, at)
                self.heading_cards[key].from_heading = True
            return self.heading_cards[key]
        return None

    def enter_heading(self, heading: Heading, at: Row | Paragraph) -> None:
        """A heading closes the card being read; it is a candidate initiative of its own.

        A heading already in force printed again (a chapter's title atop each of its pages) changes nothing.
        """
        if any(h.text == heading.text for h in self.headings.current):
            return
        self._close_loose()
        before, card = list(self.headings.current), self.card
        self.headings.push(heading)
        self.card = None
        self.last_caption = None
        made = tuple(h.text for h in self.headings.current) not in self.heading_cards
        self.entered = _Entered(heading, at, before, card, self.heading_card(at) if made else None)
        if not made:
            self.heading_card(at)

    def take_caption(self) -> str | None:
        """The caption printed just above `table` (`①収益的収支比率(％)` over its year grid), taken as a name.

        A heading that captions the grid names what the grid measures instead of opening a level of
        its own: it is undone, and its card with it.
        """
        entered = self.entered
        if entered is not None and entered.block is self.previous and (entered.before or entered.card):
            self.entered = None
            made = entered.made
            if made is not None and not (made.schedule or made.indicators or made.description):
                self.cards.remove(made)
                self.paths.discard(made.path)
                del self.heading_cards[tuple(h.text for h in self.headings.current)]
            self.headings.current = entered.before
            self.card = entered.card
            return entered.heading.text.strip()
        if entered is not None and entered.block is self.previous:
            return entered.heading.text.strip()  # nothing above it: the heading stays, its card holds the grid
        if self.last_caption and self.caption_block is self.previous and self.previous is not None:
            caption, self.last_caption = self.last_caption, None
            return caption
        return None

    def heading_card(self, at: Row | Paragraph) -> Card:
        """The card of the innermost heading in force (made when the heading is entered)."""
        key = tuple(h.text for h in self.headings.current)
        if key not in self.heading_cards:
            self.heading_cards[key] = self.new_heading_card(self.headings.current[-1], at)
        return self.heading_cards[key]

    def new_heading_card(self, heading: Heading, at: Row | Paragraph) -> Card:
        number = heading.number or ""
        path = self._path(f"{heading.style}{number}" if number else f"{heading.style}~h{len(self.heading_cards) + 1}")
        card = Card(
            path,
            number,
            heading.name or heading.text,
            hierarchy=tuple(h.text for h in self.headings.current[:-1]),
            line=at.line,
            page=at.page,
            bbox=at.bbox,
            from_heading=True,
            style=heading.style,
        )
        self.cards.append(card)
        return card

    # -- paragraphs -------------------------------------------------------------------------
    def paragraph(self, block: Paragraph) -> None:
        text = block.text.strip()
        figure = read_bracketed_figure(text)
        if figure is None:
            self.titles = ()  # only a chart's bracketed figure stands between a row of titles and its charts
        if legend := read_bracket_legend(text, self.era):
            self.legend = legend
            return
        if figure is not None and self._bracketed(figure, block):
            return
        if self.loose is not None and not self.loose[1].takes(block.line):
            self._close_loose()
        if self.loose is not None and not (read_heading(text) or inline_department(text) or paragraph_fields(text)):
            self.loose[1].add(text, block.line)
            return
        if (number := read_number_line(text)) is not None:
            self.pending_no, self.card = number, None  # `No.3`, `＜項目番号＞ 6` before its card
            return
        if heading := read_heading(text) or read_trailing_heading(text):
            self.enter_heading(heading, block)
            return
        if (bullet := _BULLET_RE.match(text)) and self._in_initiative_section():
            # `●安心・安全に暮らせる快適なまちづくり` under `経営の基本方針`: each bullet is an initiative.
            self.card = self.new_card(None, bullet["title"], block)
            self.card.bullet = True
            return
        if self.card is not None and self.card.bullet and not self.card.schedule and not self.card.indicators:
            self.card.description.append(text)
            return
        if self._banner(text, block) or self._value_line(text, block):
            self.collecting = None
            return
        if fields := paragraph_fields(text):
            # `【No.1】 取組事項：窓口業務の民間委託`, `所管課：区民課`: a card printed as labelled lines.
            number, pairs = fields
            if number:
                self.pending_no, self.card = number, None
            self._fields(pairs, block)
            return
        if self.collecting is not None and text.startswith(("・", "●", "○", "-")):
            self.collecting.description.append(text)
            return
        self.collecting = None
        if department := inline_department(text):
            # `…を支援します。担当課：商工観光課`: the department of what is being described.
            owner = self.card or self.owner(block)
            if owner is not None and not owner.departments:
                owner.departments = department
        if len(text) <= 40 and _JAPANESE_RE.search(text) and not text.endswith("。"):
            self.last_caption, self.caption_block = text, block

    def _bracketed(self, figure: str, at: Paragraph) -> bool:
        """`【992.47】` printed right after a chart's grid: its value of the series the legend names."""
        if self.legend is None or self.chart is None or self.chart[2] is not self.previous:
            return False
        owner, name, _ = self.chart
        index = next((i for i, ind in enumerate(owner.indicators) if ind.name == name), None)
        if index is None:
            return False
        legend = self.legend
        value = RawValue(
            "actual",
            legend.year_text,
            figure,
            year=legend.year,
            page=at.page,
            line=at.line,
            bbox=at.bbox,
            series=legend.series,
        )
        add_values(owner, index, [value])
        return True

    def _banner(self, text: str, at: Row | Paragraph) -> bool:
        """A banner target (`数値目標：転入者数 3,150人（2014年度）→ 3,400人（2019年度）`) as an indicator."""
        banner = read_banner_target(text, self.era)
        if banner is None:
            return False
        owner = self.owner(at)
        if owner is not None:
            values = tuple(
                RawValue(kind, year, text, page=at.page, line=at.line, bbox=at.bbox)
                for kind, year, text in (
                    ("baseline", banner.baseline_year, banner.baseline),
                    ("final_target", banner.target_year, banner.target),
                )
            )
            owner.indicators.append(RawIndicator(banner.name, values, line=at.line, page=at.page, bbox=at.bbox))
        return True

    def _value_line(self, text: str, at: Paragraph) -> bool:
        """An indicator printed as a line of worded values (`指標：… 現状 1,240件（令和4年度）→ 目標 …`)."""
        found = read_value_line(text, self.era)
        if found is None:
            return False
        owner = self.owner(at)
        if owner is not None:
            name, line_values = found
            values = tuple(
                RawValue(v.kind, v.year, v.text, page=at.page, line=at.line, bbox=at.bbox) for v in line_values
            )
            owner.indicators.append(RawIndicator(name, values, line=at.line, page=at.page, bbox=at.bbox))
        return True

    def _in_initiative_section(self) -> bool:
        """True under a heading whose name announces policies or initiatives (`経営の基本方針`, `主な取組`)."""
        if not self.headings.current:
            return False
        name = self.headings.current[-1].name
        return any(word in name for word in terms("initiative_section"))

    # -- tables -----------------------------------------------------------------------------
    def table(self, table: Table) -> None:
        self.tables += 1
        self.current_table = table
        self._close_loose()
        grid = table_to_grid(table)
        titles, self.titles = self.titles, ()
        # A chart legend printed in a table's cell (a dump runs the legend box into the header grid).
        for text in (t for g in grid for t in g.texts if t.lstrip().startswith("【")):
            self.legend = read_bracket_legend(text, self.era) or self.legend
        if (charts := split_charts(table, grid, titles, self.era)) is not None:
            self.tables -= 1  # each chart is counted as a table of its own
            # A section heading printed over any of the charts heads the whole row of them.
            over = next((c.heading for c in charts if c.heading), None)
            if over and (heading := read_heading(over)):
                self.enter_heading(heading, Paragraph(over, line=table.line, page=table.page))
            for chart in charts:
                self._chart(chart)
            return
        if len(grid) == 1 and len(found := grid[0].nonempty()) >= 2 and not any(is_figures(t) for _, t in found):
            self.titles = tuple(t for _, t in found)  # a row of titles, maybe over a row of charts
        # A header printed apart from its body (a blank line between them in a dump) reads the next table.
        mode = self.carried[0] if self.carried is not None and self.carried[1] is self.previous else None
        self.carried = None
        if mode is not None:
            mode = without_leading_columns(mode, len(mode.header) - max((len(g.texts) for g in grid), default=0))
        header_last = False
        down = self._years_down(grid)
        by_column = {index for index, _, _, _ in down}
        read_rows = len(by_column)
        for index, grid_row in enumerate(grid):
            if index in by_column:
                if index == down[0][0] and not self._attach_years_down(down):
                    read_rows -= len(by_column)  # no card to hold it: left unread
                continue
            texts = [t.strip() for t in grid_row.texts]
            found = grid_row.nonempty()
            if not found:
                continue
            if all(is_schedule_marker(t) or label_key(t) == "指標" for _, t in found):
                continue
            if len(found) == 1 and self._banner(found[0][1], grid_row.row):
                read_rows += 1  # a boxed banner target
                continue
            if heading := heading_row(found):
                self.enter_heading(heading, grid_row.row)  # a heading row across the table
                read_rows += 1
                continue
            new_mode = header_mode(texts, grid_row.colspans, self.era)
            if new_mode is not None:
                if mode is not None and mode.kind == "list" and new_mode.kind == "list":
                    new_mode = mode  # a list header repeated after a page break
                elif (
                    mode is not None
                    and mode.kind == "list"
                    and new_mode.kind == "years"
                    and [y.year for y in new_mode.years] == [y.year for y in mode.years]
                ):
                    new_mode = mode  # the year row of a two-row list header repeated after a page break
                elif mode is not None and mode.kind == "list" and new_mode.kind == "years" and not mode.read:
                    # `項番 | 取組 | 所管部署 | スケジュール | 備考` over `R5 | R6 | R7 | R8`: a two-row header.
                    # Years under the title or department columns are set off theirs (a dump's centred line):
                    # none taken.
                    fields = {c: label.field for c, label in mode.labels.items()}
                    if not any(fields.get(y.column) in _CARD_FIELDS for y in new_mode.years):
                        mode.years = new_mode.years
                        mode.year_limit = limit_after(mode.header, mode.years)
                    new_mode = mode
                else:
                    read_rows += self._close(mode)
                mode = new_mode
                read_rows += 1
                header_last = True
                continue
            if mode is None or mode.kind != "list":
                if self._card_header(found, grid_row, alone=len(grid) == 1):
                    read_rows += self._close(mode)
                    mode = None
                    read_rows += 1
                    continue
                if pairs := self._numbered_pairs(texts, found):
                    self._fields(pairs, grid_row.row)
                    read_rows += self._close(mode)
                    mode = None
                    read_rows += 1
                    continue
            if mode is None:
                if self.card is not None and self._description(found):
                    read_rows += 1
                continue
            header_last = False
            if self._data_row(mode, grid_row, texts):
                read_rows += 1
        if mode is not None and carries(mode, header_last):
            self.carried = (mode, table)
        if header_last and mode is not None and mode.kind == "sentences" and (owner := self.owner(table.rows[-1])):
            self.loose = (owner, LooseRow(table.rows[-1].line))  # its row may follow as lines of their own
        read_rows += self._close(mode)
        if read_rows <= 0:
            first = next((t for g in grid for _, t in g.nonempty()), "")
            where = f"p.{table.page}" if table.page else f"l.{table.line}"
            self.unread.append(f"{where} {first[:20]!r}")
        self.last_caption = None

    def _close_loose(self) -> None:
        """Read the row of a sentences header that the lines under it printed (`LooseRow`)."""
        if self.loose is None:
            return
        owner, row = self.loose
        self.loose = None
        if not row.schedule:
            return
        owner.description.extend(row.description)
        sentence = row.sentence
        found = read_schedule_text(sentence, self.era, self.plan_end)
        if found is None:
            self.findings.append(Finding("schedule_text_unread", "warning", detail=f"{owner.path}: {sentence!r}"))
            return
        cells = tuple(RawScheduleCell(sentence, CONTINUATION if c.continued else c.activity, c.year) for c in found)
        owner.schedule.append(RawScheduleRow(None, cells))

    def _chart(self, chart: Chart) -> None:
        """One chart of a row of charts, read as its title over its own table, then its bracketed figure."""
        first = chart.table.rows[0] if chart.table.rows else None
        line, page = (first.line, first.page) if first else (chart.table.line, chart.table.page)
        if chart.title:
            title = Paragraph(chart.title, line=line, page=page)
            self.paragraph(title)
            self.previous = title
        self.table(chart.table)
        self.previous = chart.table
        if chart.figure:
            self.paragraph(Paragraph(f"【{chart.figure}】", line=line, page=page))

    def _years_down(self, grid: list[GridRow]) -> list[tuple[int, GridRow, str, int]]:
        """A schedule printed down a column (`令和6年度 | 取組内容` rows): (row index, row, year heading,
        fiscal year) of its rows, read as one schedule row (`_attach_years_down`), or none.

        The first column holds two or more fiscal-year headings in increasing years, each beside the
        text of that year (`↓` continues the year above).
        """
        run: list[tuple[int, GridRow, str, int]] = []  # (row index, row, year heading, fiscal year)
        for index, grid_row in enumerate(grid):
            found = grid_row.nonempty()
            heading = read_year_heading(found[0][1], self.era) if len(found) >= 2 else None
            if heading is not None and heading.year is not None:
                run.append((index, grid_row, heading.text.strip(), heading.year))
        if len(run) < 2 or any(b[3] <= a[3] for a, b in pairwise(run)):
            return []
        texts = [t for _, grid_row, _, _ in run for _, t in grid_row.nonempty()[1:]]
        if sum(1 for t in texts if is_figures(t)) >= MAX_FIGURE_SHARE * len(texts):
            return []  # amounts by year down a column: a financial table, not a schedule
        return run

    def _attach_years_down(self, run: list[tuple[int, GridRow, str, int]]) -> bool:
        """The schedule down a column, to the card in force at its first row (labelled rows above it make it);
        False when no card is in force."""
        owner = self.owner(run[0][1].row)
        if owner is None:
            return False
        cells = []
        for _, grid_row, label, year in run:
            text = "\n".join(t for _, t in grid_row.nonempty()[1:])
            cells.append(RawScheduleCell(label, CONTINUATION if is_continuation(text) else text, year))
        first = run[0][1].row
        owner.schedule.append(RawScheduleRow(None, tuple(cells), line=first.line, page=first.page, bbox=first.bbox))
        return True

    def _card_header(self, found: list[tuple[int, str]], grid_row: GridRow, alone: bool = False) -> bool:
        """`12 | title | departments`, or `① | 【title】 | department` under a card.

        A department cell is required, except for a band of its own (`alone`: the only row of its
        table) numbered like a group (`1-9 | オンラインによる子育て支援`), whose sub-items follow.
        """
        if len(found) < 2 or len(found) > 3:
            return False
        number, title = found[0][1], found[1][1]
        departments = found[2][1] if len(found) == 3 else None
        if len(title) < 4 or not _JAPANESE_RE.search(title) or read_label(title) is not None:
            return False
        if departments is not None and not looks_like_departments(departments):
            return False
        if departments is None and not (alone and _GROUP_NO_RE.match(fullwidth_to_halfwidth(number))):
            return False
        row = grid_row.row
        circled = circled_number(number)
        if circled is not None and self.card is not None:
            parent = self.card if self.card.parent_path is None else self._card_by_path(self.card.parent_path)
            if parent is None:
                return False
            sub = self.new_card(None, title, row)
            self.paths.discard(sub.path)
            self.unnumbered -= 1
            sub.path = self._path(f"{parent.path}/{circled}")
            sub.item_no, sub.parent_path, sub.departments = number, parent.path, departments
            sub.unnumbered = False
            self.card = sub
            return True
        match = _NUMBER_RE.match(fullwidth_to_halfwidth(number))
        if match is None:
            return False
        self.card = self.new_card(match["no"], title, row)
        self.card.departments = unwrap_departments(departments)
        return True

    def _card_by_path(self, path: str) -> Card | None:
        return next((c for c in self.cards if c.path == path), None)

    def _numbered_pairs(self, texts: list[str], found: list[tuple[int, str]]) -> list[tuple[Label, str]] | None:
        """Labelled pairs of a row, which may open with the card's number merged down its rows (`1 | 事業名称 | …`)."""
        if pairs := field_pairs(texts):
            return pairs
        match = _NUMBER_RE.match(fullwidth_to_halfwidth(found[0][1]))
        if match is None or len(found) < 3:
            return None
        rest = [t if i != found[0][0] else "" for i, t in enumerate(texts)]
        pairs = field_pairs(rest)
        if pairs is None or pairs[0][0].field != "title":
            return None
        self.pending_no = match["no"]
        return pairs

    def _fields(self, pairs: list[tuple[Label, str]], row: Row | Paragraph) -> None:
        self.collecting = None
        for label, value in pairs:
            number = fullwidth_to_halfwidth(value).strip() if label.field == "item_no" else ""
            if number and (self.card is None or self.card.item_no not in ("", number)):
                self.pending_no, self.card = number, None  # `施策番号 | 2-1 | 施策名 | …`: the next card's number
                continue
            if label.field == "title":
                if self.card is None or self.card.title:
                    self.card = self.new_card(self.pending_no, value, row)
                    self.card.labelled = True
                    self.pending_no = None
                else:
                    self.card.title = value
                continue
            if self.card is None and self.headings.current and self.pending_no is None:
                # `担当課：産業振興課` under `（1）農林業の担い手確保`: a field of the heading's initiative.
                target = self.heading_card(row)
            else:
                if self.card is None:
                    self.card = self.new_card(self.pending_no, "", row)
                    self.card.labelled = True
                    self.pending_no = None
                target = self.card
            if label.field == "departments":
                # 担当課 and 関係課 both list departments: each in printed order.
                joined = "、".join(d for d in (target.departments, unwrap_departments(value)) if d)
                target.departments = joined or None
            elif label.field == "item_no":
                if value and not target.item_no and not target.from_heading:
                    self.paths.discard(target.path)
                    target.item_no = fullwidth_to_halfwidth(value).strip()
                    target.path = self._path(target.item_no)
                    target.unnumbered = False
            elif label.field == "description":
                if value:
                    target.description.append(value)
                else:
                    self.collecting = target  # `取組内容：` with its bullets below it
            elif label.field == "indicator":
                target.indicator_names = split_indicator_names(value)
            elif value:
                target.attributes[label.field] = value

    def _description(self, found: list[tuple[int, str]]) -> bool:
        if len(found) != 1 or self.card is None:
            return False
        text = found[0][1]
        if len(text) < _DESCRIPTION_MIN_CHARS and not text.startswith(("●", "・", "○")):
            return False
        self.card.description.append(text)
        return True

    # -- rows under a header ----------------------------------------------------------------
    def _data_row(self, mode: Mode, grid_row: GridRow, texts: list[str]) -> bool:
        if mode.kind == "list":
            return self._list_row(mode, grid_row, texts)
        if mode.kind == "years":
            return self._years_row(mode, grid_row, texts)
        if mode.kind == "sentences":
            return self._sentences_row(mode, grid_row, texts)
        return self._values_row(mode, grid_row, texts)

    def _sentences_row(self, mode: Mode, grid_row: GridRow, texts: list[str]) -> bool:
        """A row of a `取組内容 | スケジュール` table: the description and the schedule written as a sentence."""
        column = mode.schedule_column
        sentence = texts[column] if column is not None and column < len(texts) else ""
        # `…5施設へ設置⏎担当：環境政策課`: the department field printed in the schedule cell.
        sentence, department = split_inline_department(sentence)
        found = read_schedule_text(sentence, self.era, self.plan_end) if sentence else None
        row = grid_row.row
        owner = self.owner(row)
        if owner is None or (found is None and not sentence):
            return False
        if department and not owner.departments:
            owner.departments = department
        for index, label in mode.labels.items():
            if label.field == "description" and index < len(texts) and texts[index]:
                owner.description.append(texts[index])
        if found is None:
            self.findings.append(Finding("schedule_text_unread", "warning", detail=f"{owner.path}: {sentence!r}"))
            return True
        cells = tuple(RawScheduleCell(sentence, CONTINUATION if c.continued else c.activity, c.year) for c in found)
        owner.schedule.append(RawScheduleRow(None, cells, line=row.line, page=row.page, bbox=row.bbox))
        return True

    def _list_row(self, mode: Mode, grid_row: GridRow, texts: list[str]) -> bool:
        if tuple(texts) == mode.header:
            return True
        by_field: dict[str, str] = {}
        attributes: dict[str, str] = {}
        for column, label in mode.labels.items():
            value = texts[column] if column < len(texts) else ""
            if not value:
                continue
            if label.field in ("title", "departments", "item_no", "description"):
                by_field[label.field] = value
            else:
                attributes[label.field] = value
        for column, text in enumerate(texts):
            if text and column not in mode.labels and column not in {y.column for y in mode.years}:
                heading = mode.header[column] if column < len(mode.header) else ""
                if heading:
                    attributes[regex.sub(r"\s+", "", heading)] = text
        title = by_field.get("title")
        if not title:
            return self._list_subheader(mode, texts)
        row = grid_row.row
        number = by_field.get("item_no")
        has_departments = any(label.field == "departments" for label in mode.labels.values())
        if has_departments and not by_field.get("departments") and not attributes and not by_field.get("description"):
            # `1-1-1 | 妊娠・出産・子育ての切れ目ない支援` and nothing else in a list of 事業 with 担当課:
            # a group row (a heading printed in the list's first columns), not an initiative.
            self.enter_heading(Heading("list_group", number, title, f"{number or ''} {title}".strip()), row)
            return True
        if number is None and len(title) > 1 and circled_number(title[0]) is not None:
            number, title = title[0], title[1:].strip()  # `①母性保護…`: the measure's number printed with it
        mode.read += 1
        card = self.new_card(number, title, row)
        card.departments = unwrap_departments(by_field.get("departments"))
        if description := by_field.get("description"):
            card.description.append(description)
        card.attributes.update(attributes)
        if mode.years:
            cells = year_cells(grid_row.texts, grid_row.colspans, mode.years, grid_row.shaded, mode.year_limit)
            if cells and all(is_figures(c.text) for c in cells if not is_continuation(c.text)):
                # Amounts under the years (`計画事業費（千円）`): attributes of the row, not a schedule.
                card.attributes.update({regex.sub(r"\s+", "", c.year_label): c.text for c in cells})
            elif cells:
                card.schedule.append(RawScheduleRow(None, cells, line=row.line, page=row.page, bbox=row.bbox))
        self.card = None
        return True

    def _list_subheader(self, mode: Mode, texts: list[str]) -> bool:
        """A second header row (`国 | 県 | 地方債` under `財源内訳`): its names refine the columns' names."""
        found = [(i, t) for i, t in enumerate(texts) if t]
        if not found or any(is_figures(t) or len(t) > 12 for _, t in found):
            return False
        header = list(mode.header)
        for column, text in found:
            above = next((mode.header[c] for c in range(column, -1, -1) if c < len(mode.header) and mode.header[c]), "")
            if column < len(header) and column not in mode.labels:
                header[column] = f"{above} {text}".strip()
        mode.header = tuple(header)
        return True

    def _years_row(self, mode: Mode, grid_row: GridRow, texts: list[str]) -> bool:
        first = mode.years[0].column
        label_cells = [t for t in texts[:first] if t]
        kinds = [(kind, number) for t in label_cells for kind, number in [numbered_row_kind(t)] if kind is not None]
        if not kinds and len(label_cells) == 1 and (named := named_row_kind(label_cells[0])):
            kinds = [(named, None)]  # `業務量削減目標値（時間）`: the label is the indicator's name
        series = comparison_series(label_cells[0]) if not kinds and len(label_cells) == 1 else None
        if series is not None:
            kinds = [("actual", None)]  # `平均値` beside `当該値`: another body's actuals
        row = grid_row.row
        owner = self.owner(row)
        if owner is None:
            return False
        if kinds and mode.split_years:
            return False
        if kinds and self._plan_as_schedule(mode, label_cells, kinds[0][0], grid_row):
            kinds = []  # `計画 | 委託範囲の検討 | 事業者選定 | →`: a plan of activities, read as a schedule row
        if kinds:
            kind, number = kinds[0]
            unit = texts[mode.unit_column] if mode.unit_column is not None and mode.unit_column < first else ""
            names = [
                t
                for i, t in enumerate(texts[:first])
                if t and numbered_row_kind(t)[0] is None and comparison_series(t) is None and i != mode.unit_column
            ]
            # A cell printing a unit alone (`件` out of its 単位 column in a dump) is the unit, not a name.
            units = [t for t in names if _is_unit(t)]
            if units and len(units) < len(names):
                names = [t for t in names if t not in units]
                unit = unit if _is_unit(unit) else units[0]
            listed = owner.indicator_names
            note = None
            if names:
                name = " ".join(names)
                mode.last_unit = unit or None
            elif number is not None and number <= len(listed):
                name, note = listed[number - 1]  # `目標②`: the card's second indicator
            elif mode.last_name is not None:
                name = mode.last_name  # a name merged over its 目標 and 実績 rows
            elif listed:
                name, note = listed[0]
            elif (caption := self.take_caption()) is not None:
                name, owner = caption, self.owner(row) or owner  # a chart's title over its grid
                self.chart = (owner, name, self.current_table)
            else:
                return False
            unit = unit or (mode.last_unit or "")
            values = []
            for heading in mode.years:
                text = texts[heading.column] if heading.column < len(texts) else ""
                if text:
                    bbox = grid_row.bboxes[heading.column] if heading.column < len(grid_row.bboxes) else None
                    values.append(
                        RawValue(
                            kind,
                            heading.label,
                            text,
                            year=heading.year,
                            page=row.page,
                            line=row.line,
                            bbox=bbox,
                            series=series,
                        )
                    )
            index = mode.indicators.get((id(owner), name))
            if index is not None:
                add_values(owner, index, values)
            else:
                mode.indicators[(id(owner), name)] = len(owner.indicators)
                owner.indicators.append(
                    RawIndicator(
                        name, tuple(values), line=row.line, note=note, unit=unit or None, page=row.page, bbox=row.bbox
                    )
                )
            mode.last_name = name
            return True
        cells = year_cells(grid_row.texts, grid_row.colspans, mode.years, grid_row.shaded, mode.year_limit)
        written = [c.text for c in cells if not is_continuation(c.text)]
        mode.cells_seen += len(written)
        mode.figures_seen += sum(1 for t in written if is_figure_line(t.split("\n")[0]))
        if not cells or all(is_figures(t) for t in written):
            # Numbers under year columns with no 目標/実績 label are a financial table, not a schedule.
            return False
        label = " ".join(label_cells) or None
        continues = None
        if is_continuation(cells[0].text) and owner.schedule:
            previous = [c.text for c in owner.schedule[-1].cells if not is_continuation(c.text)]
            continues = previous[-1] if previous else None
        schedule_row = RawScheduleRow(label, cells, line=row.line, continues=continues, page=row.page, bbox=row.bbox)
        mode.schedule.append((owner, schedule_row))
        return True

    @staticmethod
    def _plan_as_schedule(mode: Mode, labels: list[str], kind: str, grid_row: GridRow) -> bool:
        """A `計画` row of words (no figure anywhere) is a schedule row, and so is the `実績` row under it."""
        if kind == "actual":
            return mode.plan_schedule
        if not any(label_key(t).startswith("計画") for t in labels):
            return False
        cells = [grid_row.texts[y.column].strip() for y in mode.years if y.column < len(grid_row.texts)]
        mode.plan_schedule = any(cells) and not any(_DIGIT_RE.search(t) for t in cells)
        return mode.plan_schedule

    def _close(self, mode: Mode | None) -> int:
        """Commit a grid's schedule rows, unless its cells are mostly figures (a budget by year): rows kept."""
        if mode is None or not mode.schedule:
            return 0
        if mode.cells_seen and mode.figures_seen / mode.cells_seen >= MAX_FIGURE_SHARE:
            return -len(mode.schedule)
        for owner, row in mode.schedule:
            owner.schedule.append(row)
        return 0

    def _values_row(self, mode: Mode, grid_row: GridRow, texts: list[str]) -> bool:
        first = mode.values[0].column
        name_parts = [texts[i] for i in mode.name_columns if i < len(texts) and texts[i]]
        name = " ".join(name_parts) if name_parts else mode.pending_name
        if name is None:
            return False
        limit = min(mode.note_columns, default=len(texts))
        cells = [(i, t) for i, t in enumerate(texts[:limit]) if t and i >= first and i != mode.unit_column]
        values = assign_values(mode.values, cells, limit, grid_row)
        if values is None:
            self.findings.append(Finding("values_unassigned", "error", detail=f"{name!r}: {[t for _, t in cells]!r}"))
            return False
        row = grid_row.row
        owner = self.owner(row)
        if owner is None:
            return False
        unit = texts[mode.unit_column] if mode.unit_column is not None and mode.unit_column < len(texts) else ""
        notes = [f"{label_key(mode.header[i])}: {texts[i]}" for i in mode.note_columns if i < len(texts) and texts[i]]
        owner.indicators.append(
            RawIndicator(
                name,
                tuple(values),
                line=row.line,
                note="; ".join(notes) or None,
                unit=unit or None,
                page=row.page,
                bbox=row.bbox,
            )
        )
        mode.pending_name = None
        return True

    # -- result -----------------------------------------------------------------------------
    def extraction(self, info: DocumentInfo) -> Extraction:
        self._close_loose()
        # A 施策 with a KPI table makes its sibling 施策 initiatives; `1.` numbered chapters do not.
        productive = {
            c.style
            for c in self.cards
            if c.from_heading and (c.schedule or c.indicators) and c.style not in NUMBERING_STYLES
        }
        published = [card for card in self.cards if card.published(productive)]
        # Cards that print no number are numbered c1, c2 … in printed order, among the published ones.
        unnumbered = [card for card in published if card.unnumbered]
        for number, card in enumerate(unnumbered, start=1):
            card.path = f"c{number}"
        cards = tuple(card_to_raw(card) for card in published)
        findings = list(self.findings)
        findings.append(
            Finding(
                "completeness_unknown",
                "warning",
                found=sum(1 for c in cards if c.parent_path is None),
                detail="the document prints no index or table of contents that the cards could be checked against",
            )
        )
        findings.append(
            Finding(
                "tables_unread",
                "warning" if self.unread else "ok",
                expected=self.tables,
                found=self.tables - len(self.unread),
                detail="; ".join(self.unread)[:2000],
            )
        )
        return Extraction(layout=LAYOUT, info=info, cards=cards, findings=tuple(findings))


def _is_unit(text: str) -> bool:
    return bool(text) and match_unit(text) == fullwidth_to_halfwidth(text).strip()


def read(document: Document) -> Extraction:
    """Every card, schedule and indicator the recognizers find, with what they left unread."""
    info = read_info(document)
    reader = _Reader(info)
    for block in document.blocks():
        if isinstance(block, Paragraph):
            reader.paragraph(block)
        else:
            reader.table(block)
        reader.previous = block
    return reader.extraction(info)


def score_extraction(extraction: Extraction) -> float:
    """How much of a document the recognizers read: 0.1 + half the share of tables read; 0 with no card."""
    if not extraction.cards:
        return 0.0
    unread = next(f for f in extraction.findings if f.check == "tables_unread")
    return 0.5 * (unread.found or 0) / max(1, unread.expected or 1) + 0.1


def detect(document: Document) -> bool:
    """True when the recognizers find at least one card, schedule grid or indicator."""
    return score_extraction(read(document)) > 0


def extract(document: Document) -> Extraction:
    """Read the document with the recognizers."""
    return read(document)
