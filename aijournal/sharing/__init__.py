"""Sharing on purpose: coach summaries (JSON, HTML) and reading them in the coach view."""
