"""Comparing documents: the versions of one plan (series), what changed between them, and the
same initiative across the plans of one city (links). Reads only published rows."""
