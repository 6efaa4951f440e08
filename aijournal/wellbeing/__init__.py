"""Well-being: the validated instruments (wording and scoring) and taking them."""
