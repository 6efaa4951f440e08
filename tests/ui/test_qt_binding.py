"""The Qt binding itself: a release that breaks the app must not slip in with an upgrade."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal()


def test_emitting_a_signal_keeps_python_s_reference_counts(qapp):
    """PySide6 6.12.0 dropped a reference to True per emit, aborting the app after a while."""
    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
    assert sys.getrefcount(True) - before > -50
