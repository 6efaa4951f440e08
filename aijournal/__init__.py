"""AI Journal: a private, encrypted journal of how you work with AI and with people."""


def __getattr__(name: str) -> str:
    # The version is the installed package's (pyproject.toml is the one place it is written),
    # looked up only when asked for: importing metadata costs time on every capture.
    if name == "__version__":
        from importlib.metadata import version

        return version("aijournal")
    raise AttributeError(name)
