"""The desktop app's tests use the `clock`, `journal` and `sample_journal` fixtures of
tests/conftest.py: a real encrypted journal and a settable clock; `notification_server` is a
real freedesktop notification server on a private D-Bus (tests/notification_server.py)."""

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


@pytest.fixture
def notification_server(request):
    """A notification server on a private bus of its own (`.address`, `.sent()`, `.invoke()`);
    parametrize indirectly with flags, e.g. ["--no-actions"]. Skipped only when
    dbus-run-session itself is missing (CI installs dbus)."""
    import notification_server as server

    flags = getattr(request, "param", ())
    try:
        control = server.start(*flags)
    except LookupError as missing:
        pytest.skip(f"needs a private D-Bus: {missing}")
    yield control
    control.stop()


@pytest.fixture
def main_window(qtbot, journal):
    """The app's main window on the test's journal, on screen, without a tray icon."""
    from aijournal.ui.main_window import MainWindow

    window = MainWindow(journal, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.menus.coach is not None:
        window.menus.coach.close()
    if window.journal is not journal:  # a restore reopened it
        window.journal.close()
