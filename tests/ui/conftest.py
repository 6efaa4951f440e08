"""The desktop app's tests use the `clock`, `journal` and `sample_journal` fixtures of
tests/conftest.py: a real encrypted journal and a settable clock."""

import pytest


@pytest.fixture
def show(qtbot):
    """Show a widget as a person sees it (at a size, if given) once it is on screen."""

    def shown(widget, width: int | None = None, height: int | None = None):
        qtbot.addWidget(widget)
        if width is not None:
            widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown
