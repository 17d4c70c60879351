"""個別施策シート printed from Calc in portrait, one 施策 per sheet, the schedule as a column of years.

Each sheet prints a 基本政策 band, labelled rows (施策番号 | 施策名, 所管局, 現状と課題, 施策の方向性),
a schedule whose years run DOWN the left (`年度 | 取組内容`, rows `令和6年度 | …`; `↓` says the
year above goes on) and a 成果指標 table `成果指標 | 単位 | 基準値(R5) | 中間値(R7) | 目標値(R10)`
with bare numbers (the unit in its own column). Proportional IPA P Gothic, hair inner ruling, a
medium frame round each block. Each sheet is one initiative: its schedule is row 1 with one step
per year row (a `↓` year continues the text in force), its indicators the 成果指標 rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from office_pdfs.records import DocumentFacts, Expected, Indicator, Initiative, Step, Value, printed_number
from office_pdfs.sheets import Look, outline, portrait_page, put, set_height, set_widths
from office_pdfs.text_fit import height_needed
from openpyxl.worksheet.worksheet import Worksheet

from holdout2_pdfs.eras import reiwa, reiwa_short

STEM = "shisaku_sheet"
PAGES = 3
MUNICIPALITY = "架空市"
PLAN = "架空市基本計画2028"
FIRST_FY, LAST_FY = 2024, 2028
BASE_FY, MID_FY = 2023, 2025
FONT = "IPAPGothic"
FONTS = (FONT,)
CONTINUED = "↓"
WIDTHS = (78.0, 150.0, 52.0, 80.0, 80.0, 80.0)
LABEL = Look(FONT, 9.0, bold=True, fill="F2F2F2", horizontal="center", border="hair")
TEXT = Look(FONT, 9.0, border="hair")
CENTRE = Look(FONT, 9.0, horizontal="center", border="hair")
NUMBER = Look(FONT, 9.0, horizontal="right", border="hair")
HEADER = Look(FONT, 9.0, bold=True, fill="D9D9D9", horizontal="center", border="hair")
BAND = Look(FONT, 10.5, bold=True, fill="DDEBF7", border="thin")
PLAIN = Look(FONT, 10.0, bold=True, border=None, wrap=False)


@dataclass(frozen=True)
class Measure:
    """One 成果指標 row: name, unit and the three printed numbers (基準値, 中間値, 目標値)."""

    name: str
    unit: str
    base: str
    mid: str
    target: str

    def indicator(self) -> Indicator:
        """Its expected record."""
        printed = (("baseline", BASE_FY, self.base), ("interim_target", MID_FY, self.mid))
        printed += (("final_target", LAST_FY, self.target),)
        return Indicator(
            self.name, self.unit, tuple(Value(kind, fy, text, printed_number(text)) for kind, fy, text in printed)
        )


@dataclass(frozen=True)
class Sheet:
    """One 個別施策シート; `plan` holds the text of each year row from FIRST_FY on (`↓` continues)."""

    policy: str
    no: str
    title: str
    bureau: str
    issue: str
    direction: str
    plan: tuple[str, ...]
    measures: tuple[Measure, ...]

    def schedule(self) -> tuple[Step, ...]:
        """Row 1, one step per year: printed text, or the text in force where `↓` is printed."""
        out: list[Step] = []
        for fiscal_year, text in zip(range(FIRST_FY, LAST_FY + 1), self.plan, strict=True):
            if text == CONTINUED:
                out.append(Step(1, fiscal_year, out[-1].activity, True))
            else:
                out.append(Step(1, fiscal_year, text, False))
        return tuple(out)


POLICY_2 = "基本政策2\u3000災害に強く安全・安心なまち"
SHEETS = (
    Sheet(
        POLICY_2,
        "2-1",
        "地域防災力の向上",
        "危機管理局",
        "豪雨災害が激甚化・頻発化し、自助・共助による地域の防災力の向上が求められている。"
        "一方、自主防災組織の担い手の高齢化が進み、訓練を実施できない地区が増えている。",
        "地区防災計画の策定と防災人材の育成を進め、地域ぐるみで災害に備える体制をつくる。",
        (
            "地区防災計画の策定支援（10地区）、防災士養成講座の開講",
            "地区防災計画の策定支援（累計25地区）、避難所運営訓練の全校区実施",
            CONTINUED,
            "地区防災計画の見直し支援",
            "取組の検証と次期計画への反映",
        ),
        (
            Measure("地区防災計画の策定地区数", "地区", "4", "25", "40"),
            Measure("防災士の登録者数", "人", "312", "450", "600"),
            Measure("防災訓練を実施した自主防災組織の割合", "%", "62.5", "75.0", "90.0"),
        ),
    ),
    Sheet(
        POLICY_2,
        "2-2",
        "交通安全と防犯のまちづくり",
        "市民局",
        "交通事故の発生件数は減少傾向にあるが、高齢者と自転車が関わる事故の割合は高止まりしている。"
        "また、特殊詐欺の被害が後を絶たない。",
        "関係機関と連携した通学路の安全対策と、地域の見守りによる防犯活動を進める。",
        (
            "通学路合同点検の実施、防犯カメラ設置補助の拡充",
            CONTINUED,
            CONTINUED,
            "自転車ヘルメット着用促進キャンペーン",
            CONTINUED,
        ),
        (
            Measure("交通事故発生件数", "件", "1,215", "1,050", "900"),
            Measure("刑法犯認知件数", "件", "3,480", "3,200", "2,900"),
            Measure("防犯カメラの設置台数（補助分・累計）", "台", "186", "260", "350"),
        ),
    ),
    Sheet(
        "基本政策3\u3000健やかに暮らせる福祉のまち",
        "3-1",
        "地域包括ケアシステムの深化",
        "保健福祉局",
        "75歳以上の人口は令和12年まで増え続ける見込みであり、医療と介護の両方を必要とする高齢者の増加に備える必要がある。",
        "医療・介護・予防・住まい・生活支援を一体的に提供し、住み慣れた地域で暮らし続けられる体制を深める。",
        (
            "在宅医療・介護連携の相談窓口を全区に設置",
            "認知症初期集中支援チームの増設",
            "生活支援コーディネーターの全地区配置",
            CONTINUED,
            "成果の検証と第10期介護保険事業計画への反映",
        ),
        (
            Measure("在宅医療・介護連携相談件数", "件", "1,840", "2,300", "2,800"),
            Measure("認知症サポーター養成数（累計）", "人", "48,200", "56,000", "65,000"),
            Measure("要介護認定を受けていない高齢者の割合", "%", "81.3", "81.5", "82.0"),
        ),
    ),
)


def _labelled(ws: Worksheet, row: int, label: str, text: str, look: Look = TEXT) -> int:
    put(ws, row, 1, label, LABEL)
    put(ws, row, 2, text, look, span=(1, 5))
    set_height(ws, row, max(26.0, height_needed(text, sum(WIDTHS[1:]), 9.0)))
    return row + 1


def _write_sheet(ws: Worksheet, sheet: Sheet) -> None:
    set_widths(ws, WIDTHS)
    portrait_page(ws, header=MUNICIPALITY, footer_page_number=True, font=FONT)
    put(ws, 1, 1, f"{PLAN}\u3000個別施策シート", Look(FONT, 13.0, bold=True, border=None, wrap=False), span=(1, 6))
    set_height(ws, 1, 26.0)
    put(ws, 2, 1, sheet.policy, BAND, span=(1, 6))
    set_height(ws, 2, 22.0)
    put(ws, 3, 1, "施策番号", LABEL)
    put(ws, 3, 2, sheet.no, CENTRE)
    put(ws, 3, 3, "施策名", LABEL)
    put(ws, 3, 4, sheet.title, Look(FONT, 10.0, bold=True, border="hair"), span=(1, 3))
    set_height(ws, 3, 24.0)
    row = _labelled(ws, 4, "所管局", sheet.bureau)
    row = _labelled(ws, row, "現状と課題", sheet.issue)
    row = _labelled(ws, row, "施策の方向性", sheet.direction)
    outline(ws, 2, row - 1, 1, 6, "medium")
    set_height(ws, row, 12.0)
    put(ws, row + 1, 1, "■ 取組のスケジュール", PLAIN, span=(1, 3))
    set_height(ws, row + 1, 20.0)
    top = row + 2
    put(ws, top, 1, "年度", HEADER)
    put(ws, top, 2, "取組内容", HEADER, span=(1, 5))
    set_height(ws, top, 18.0)
    row = top + 1
    for fiscal_year, text in zip(range(FIRST_FY, LAST_FY + 1), sheet.plan, strict=True):
        put(ws, row, 1, reiwa(fiscal_year), CENTRE)
        put(ws, row, 2, text, CENTRE if text == CONTINUED else TEXT, span=(1, 5))
        set_height(ws, row, max(28.0, height_needed(text, sum(WIDTHS[1:]), 9.0)))
        row += 1
    outline(ws, top, row - 1, 1, 6, "medium")
    set_height(ws, row, 12.0)
    put(ws, row + 1, 1, "■ 成果指標", PLAIN, span=(1, 3))
    set_height(ws, row + 1, 20.0)
    top = row + 2
    put(ws, top, 1, "成果指標", HEADER, span=(1, 2))
    headings = ("単位", f"基準値({reiwa_short(BASE_FY)})", f"中間値({reiwa_short(MID_FY)})")
    for col, text in enumerate((*headings, f"目標値({reiwa_short(LAST_FY)})"), start=3):
        put(ws, top, col, text, HEADER)
    set_height(ws, top, 18.0)
    row = top + 1
    for measure in sheet.measures:
        put(ws, row, 1, measure.name, TEXT, span=(1, 2))
        put(ws, row, 3, measure.unit, CENTRE)
        for col, text in enumerate((measure.base, measure.mid, measure.target), start=4):
            put(ws, row, col, text, NUMBER)
        set_height(ws, row, 26.0)
        row += 1
    outline(ws, top, row - 1, 1, 6, "medium")
    note = f"※基準値は{reiwa(BASE_FY)}末の実績。中間値・目標値は各年度末の値。"
    put(ws, row, 1, note, Look(FONT, 8.0, border=None, wrap=False), span=(1, 6))


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work` (one sheet per 施策); return it with the records it prints."""
    wb = openpyxl.Workbook()
    initiatives: list[Initiative] = []
    for page, sheet in enumerate(SHEETS, start=1):
        ws = wb.active if page == 1 else wb.create_sheet()
        ws.title = f"施策{sheet.no}"
        _write_sheet(ws, sheet)
        initiatives.append(
            Initiative(
                sheet.no,
                sheet.title,
                (sheet.bureau,),
                page,
                hierarchy=(sheet.policy,),
                schedule=sheet.schedule(),
                indicators=tuple(m.indicator() for m in sheet.measures),
            )
        )
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    return path, Expected(DocumentFacts(MUNICIPALITY, PLAN, FIRST_FY, LAST_FY), tuple(initiatives))
