"""`plancards report`: static HTML pages of output/'s tables (charts, quality checks, PDF page overlays).

The report reads only the published Parquet tables and the raw PDFs they name; it never runs the
extractors, so it shows exactly what a consumer of output/ gets.
"""
