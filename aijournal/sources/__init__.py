"""Sources of AI use recorded elsewhere: chat exports and coding agents' logs."""
