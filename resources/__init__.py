"""Data files shipped with aijournal: instrument wording and scoring, the summary schema, icons."""
