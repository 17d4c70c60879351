"""The report in a real browser: headless Chromium opens every page from file:// with the network cut off.

Checks that no page logs a console error, that every plotly chart is drawn, that the PDF's page images
load under their boxes, and that screenshots are not blank. Needs Debian's `chromium` (/usr/bin/chromium);
Playwright's Python package drives it (no browser of Playwright's own is downloaded). Set
PLANCARDS_SCREENSHOTS=/some/folder to keep the screenshots.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route, sync_playwright

from pipeline.cli import main
from pipeline.mupdf import pymupdf
from tests.conftest import PROGRESS_2017, ROOT

CHROMIUM = Path("/usr/bin/chromium")
PDF = ROOT / "tests" / "fixtures" / "pdf" / "fukuoka_plan_cards.pdf"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = ["index.html", "fukuoka_plan_cards.html", "fukuoka_gyosei_unei_plan_2017_2020_progress.html"]
# Every plotly div: drawn (an SVG with content, or a canvas) and of a visible size.
CHARTS_JS = """() => Array.from(document.querySelectorAll("div.chart")).map(div => {
    const svg = div.querySelector("svg.main-svg");
    const box = div.getBoundingClientRect();
    const drawn = Boolean((svg && svg.childElementCount > 0) || div.querySelector("canvas"));
    return {id: div.id, ok: drawn && box.width > 0 && box.height > 0};
})"""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (Debian: apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a project holding one text dump and one PDF."""
    root = tmp_path_factory.mktemp("browser_project")
    (root / "raw").mkdir()
    for source in (PROGRESS_2017, PDF):
        (root / "raw" / source.name).write_bytes(source.read_bytes())
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    assert main(["--root", str(root), "report"]) == 0
    assert sorted(p.name for p in (root / "output" / "report").glob("*.html")) == sorted(PAGES)
    return root / "output" / "report"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BrowserContext, list[str]]]:
    """Chromium with a fresh profile, and the list of requests it tried to make outside file://."""
    outside: list[str] = []

    def only_files(route: Route, request: Request) -> None:
        # The report must open with no network: anything but file:// is refused and recorded.
        if request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium_profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        context.route("**/*", only_files)
        try:
            yield context, outside
        finally:
            context.close()


def _colours(png: bytes) -> int:
    """Distinct colours of a screenshot (1: a blank page)."""
    count: int = pymupdf.Pixmap(png).color_count()
    return count


def _open(context: BrowserContext, url: str, errors: list[str]) -> Page:
    """A page at `url` with every chart drawn; console errors and uncaught exceptions go to `errors`."""
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    # charts.js marks the body once every figure is drawn.
    page.wait_for_selector("body[data-charts='done']", timeout=60_000)
    return page


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_without_errors(report_folder: Path, browser: tuple[BrowserContext, list[str]], name: str) -> None:
    context, outside = browser
    errors: list[str] = []
    page = _open(context, (report_folder / name).as_uri(), errors)
    try:
        charts = page.evaluate(CHARTS_JS)
        assert charts, f"{name}: no chart"
        assert [c["id"] for c in charts if not c["ok"]] == [], f"{name}: charts not drawn"
        if name == "fukuoka_plan_cards.html":
            loaded = "() => Array.from(document.querySelectorAll('.page-frame img'), i => i.naturalWidth)"
            widths = page.evaluate(loaded)  # 0 for an image that did not load
            assert widths and all(width > 0 for width in widths), "page images did not load"
            assert page.locator(".page-frame rect").count() > 50
        shot = page.screenshot()
        assert _colours(shot) > 10, f"{name}: the screenshot is blank"
        keep = os.environ.get("PLANCARDS_SCREENSHOTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / name.replace(".html", ".png")).write_bytes(shot)
            if name == "fukuoka_plan_cards.html":
                page.locator("#page-3").screenshot(path=str(Path(keep) / "fukuoka_plan_cards_page3.png"))
                page.locator("#card-1").screenshot(path=str(Path(keep) / "fukuoka_plan_cards_card1.png"))
    finally:
        page.close()
    assert errors == [], f"{name}: console errors"
    assert outside == [], "the report asked the network"
