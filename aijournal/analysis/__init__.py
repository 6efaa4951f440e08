"""Analysis: weekly figures, trend series and statistically honest insights."""
