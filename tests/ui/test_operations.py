"""The one path for changes: the gateway notes what each write touched, the window announces
it, and only the views that show those records redraw."""

import pytest

from aijournal.model import records as r
from aijournal.ui.main_window import MainWindow
from aijournal.ui.operations import ChangeNotices
from aijournal.ui.sections import JOURNAL, SETTINGS, VIEWS
from aijournal.ui.workers import Job


@pytest.fixture
def window(qtbot, journal):
    shown = MainWindow(journal, use_tray=False)
    qtbot.addWidget(shown)
    shown.show()
    assert len(shown.views) == len(VIEWS)  # every view made now, so each can be marked stale
    shown.sections.stale.clear()
    return shown


def test_the_gateway_notes_each_table_a_write_touches(journal):
    journal.take_changes()
    journal.add(
        r.AIUse(
            started_at=journal.clock(),
            tool="Claude",
            pattern="learning",
            minutes=5,
            skills=("SQL",),
        )
    )
    assert journal.take_changes() == {"ai_uses", "learning_events", "skills"}
    assert journal.take_changes() == frozenset()
    with pytest.raises(r.InvalidInput):
        with journal.transaction():
            journal.set_setting("theme", "dark")
            raise r.InvalidInput("x", 1, "nothing")  # rolled back: nothing to announce
    assert journal.take_changes() == frozenset()


def test_a_change_redraws_only_the_views_that_show_it(window, journal, qtbot):
    heard = []
    window.notices.changed.connect(lambda changes, source: heard.append(changes.tables))
    today = window.view(VIEWS[0])
    journal.save_checkin(r.Checkin(day=journal.clock().date(), burnout=2, connection=4))
    today.changed.emit()  # Today saved a check-in
    assert heard == [{"checkins"}]
    stale_titles = {VIEWS[i].title for i in window.sections.stale}
    assert "Journal" in stale_titles and "Trends" in stale_titles
    assert "Settings" not in stale_titles and "People" not in stale_titles
    assert window.view(SETTINGS) is window.sections.built[VIEWS.index(SETTINGS)]
    window.show_view(VIEWS.index(JOURNAL))  # shown: redrawn, no longer stale
    assert VIEWS.index(JOURNAL) not in window.sections.stale


def test_background_work_is_announced_like_any_change(journal, qtbot):
    notices = ChangeNotices(journal)
    journal.take_changes()
    job = Job(journal, lambda own, _: own.add(r.Person(name="Dana")))
    with qtbot.waitSignal(job.succeeded, timeout=10_000):
        job.start()
    assert notices.announce().tables == {"people"}
