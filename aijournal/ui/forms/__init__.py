"""Entry forms: check-in, AI use, touchpoint, and the inputs they are built from."""
