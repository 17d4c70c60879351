"""Pure normalizing functions (text, numbers, eras, departments, units) with no I/O.

Modules: `text` (clean_text and its chain), `era` (元号, fiscal years, dates), `numbers`
(kanji numerals, value cells), `units`, `departments`, `municipality` (団体コード, reading the
bundled `data/municipality_codes.csv` lazily on first use).  Nothing runs at import time.
"""
