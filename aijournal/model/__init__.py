"""The model everything stands on: records, interaction patterns, typed errors. No I/O."""
