"""Builders of the held-out test PDFs (see scripts/make_holdout_pdfs.py)."""
