"""Recognizers: layout-independent readers of printed patterns over the block model.

Each module knows one printed phenomenon (a run of fiscal-year headings, a label cell, a
value heading, a list header, a hierarchy heading) and no city. Profiles in `extractors/`
compose them; the words they look for live in `recognizers/data/vocabulary.csv`.
"""
