"""Builders of the office-printed test PDFs (see scripts/make_office_pdfs.py)."""
