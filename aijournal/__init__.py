"""AI Journal: a private, encrypted journal of how you work with AI and with people."""

__version__ = "0.1.0"
