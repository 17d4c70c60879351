"""Write docs/data-dictionary.md from the table schemas and the vocabularies (run after changing either)."""

from __future__ import annotations

from pathlib import Path

from pipeline.data_dictionary import data_dictionary

PAGE = Path(__file__).resolve().parent.parent / "docs" / "data-dictionary.md"


def main() -> None:
    """Regenerate the page."""
    PAGE.write_text(data_dictionary(), encoding="utf-8")
    print(f"wrote {PAGE}")


if __name__ == "__main__":
    main()
