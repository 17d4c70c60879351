"""Builders of the second held-out set of plan PDFs (see scripts/make_holdout2_pdfs.py)."""
