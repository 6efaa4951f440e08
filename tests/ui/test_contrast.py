"""Any theme: every text (4.5:1) and every control edge that shows a state (3:1) meets WCAG AA
in light and dark, measured from rendered pixels: all views, every dialog, the summary
previews; and the chart colours from their palettes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTextBrowser
from ui.contrast import (
    INDICATOR,
    TEXT,
    document_texts,
    failing,
    indicators,
    lowest,
    ratio,
    render,
    texts,
)
from ui.screens import dialogs

from aijournal.journaling.settings import Settings
from aijournal.ui.charts.summary import DARK, LIGHT

LOOKS = ("light", "dark")


@pytest.fixture
def window(qtbot, sample_journal):
    from aijournal.ui.main_window import MainWindow

    shown = MainWindow(sample_journal, use_tray=False)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    Settings(sample_journal)["theme"] = "light"
    shown.apply_settings()


def use(window, journal, look: str) -> None:
    Settings(journal)["theme"] = look
    window.apply_settings()


def unfocus() -> None:
    """Measure controls at rest: a focus ring is its own indicator, drawn over the surface."""
    if (focused := QApplication.focusWidget()) is not None:
        focused.clearFocus()


def report(findings, look: str) -> str:
    text, edge = lowest(findings, TEXT), lowest(findings, INDICATOR)
    return f"{look}: lowest text {text}; lowest edge {edge}"


@pytest.mark.parametrize("look", LOOKS)
def test_every_view_meets_wcag_aa(qtbot, window, sample_journal, look):
    use(window, sample_journal, look)
    found, bad = [], {}
    for index, view in enumerate(window.views):
        window.show_view(index)
        qtbot.wait(30)
        unfocus()
        pixels = render(window)
        measured = texts(window, pixels) + indicators(window, pixels)
        assert len(measured) > 10, view.title  # the measure found the texts
        found += measured
        if wrong := failing(measured):
            bad[view.title] = wrong
    print(report(found, look))
    assert not bad, bad
    assert any(f.what.startswith("unchecked QRadioButton") for f in found)
    assert any(f.what.startswith("unchosen") for f in found)  # the 1–5 answers' edges


@pytest.mark.parametrize("look", LOOKS)
def test_every_dialog_and_preview_meets_wcag_aa(qtbot, window, sample_journal, tmp_path, look):
    use(window, sample_journal, look)
    found, bad = [], {}
    for name, dialog in dialogs(window, sample_journal, tmp_path):
        qtbot.addWidget(dialog)
        if name == "coach view":
            dialog.show_summary(0)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        unfocus()
        pixels = render(dialog)
        measured = texts(dialog, pixels) + indicators(dialog, pixels)
        for preview in dialog.findChildren(QTextBrowser):
            if preview.isVisible():
                in_preview = document_texts(preview, dialog, pixels)
                assert len(in_preview) > 5, name  # the summary's own text was measured
                measured += in_preview
        found += measured
        if wrong := failing(measured):
            bad[name] = wrong
        dialog.close()
    print(report(found, look))
    assert not bad, bad


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=LOOKS)
def test_chart_colours_meet_wcag_aa(palette):
    assert ratio(palette.ink, palette.background) >= TEXT  # axes, ticks, legends
    assert ratio(palette.grey, palette.background) >= TEXT  # threshold labels
    for series in palette.series:  # lines, bars and markers
        assert ratio(series, palette.background) >= INDICATOR
