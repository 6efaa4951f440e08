"""Review imports in the app and `aijournal review` on the command line: the same use case, so
the same actions leave two journals alike (issue 17)."""

from pathlib import Path

from clitools import run
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QRadioButton

from aijournal.model import records as r
from aijournal.sources.importing import import_source
from aijournal.storage import DataPaths, Journal
from aijournal.ui.views.review import ReviewView
from aijournal.ui.widgets.basics import find

CHATGPT = Path(__file__).parents[2] / "data" / "exports" / "chatgpt-conversations.json"
FIRST, SECOND, THIRD = "c-learn-0001", "c-proof-0010", "c-long-0007"


def state(journal: Journal) -> dict:
    """What a user would see of each imported use, by the session it came from."""
    goals = {g.id: g.name for g in journal.goals()}
    return {
        u.source_ref: (u.pattern, u.to_review, u.replaced_person, goals.get(u.goal_id), u.skills)
        for u in journal.all(r.AIUse)
    }


def select(qtbot, view: ReviewView, *refs: str) -> None:
    rows = [i for i, use in enumerate(view.model.rows) if use.source_ref in refs]
    view.select_rows(rows)
    assert {u.source_ref for u in view.selected()} == set(refs)


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def desktop(qtbot, view: ReviewView) -> list[str]:
    said = []
    select(qtbot, view, FIRST, SECOND)
    find(view, QCheckBox, "Replaced a person").click()
    click(qtbot, find(view, QPushButton, "Set pattern…"))
    find(view.dialog, QRadioButton, "Validation").click()
    click(qtbot, find(view.dialog, QPushButton, "Set pattern"))
    said.append(view.undo_text.text())
    select(qtbot, view, THIRD)
    click(qtbot, find(view, QPushButton, "Link goal…"))
    assert find(view.dialog, QComboBox, "Goal").currentText() == "Ship reporting"
    click(qtbot, find(view.dialog, QPushButton, "Link goal"))
    said.append(view.undo_text.text())
    return said


def command_line(ids: dict[str, str]) -> list[str]:
    said = []
    code, out = run(
        "review",
        "confirm",
        ids[FIRST],
        ids[SECOND][:8],
        "--pattern",
        "validation",
        "--replaced-person",
    )
    said.append(out.split(" Undo with")[0])
    code, out = run("review", "confirm", ids[THIRD], "--goal", "ship reporting")
    said.append(out.split(" Undo with")[0])
    return said


def test_the_app_and_the_command_line_review_alike(qtbot, journal, home):
    import_source(journal, CHATGPT, "chatgpt")
    journal.add(r.Goal(name="Ship reporting"))
    assert run("import", "chatgpt", str(CHATGPT))[0] == 0
    assert run("goal", "add", "Ship reporting")[0] == 0
    with Journal.open(DataPaths(home)) as cli_journal:
        ids = {u.source_ref: u.id for u in cli_journal.to_review()}
        assert state(cli_journal) == state(journal)

    view = ReviewView(journal)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    app_said, cli_said = desktop(qtbot, view), command_line(ids)
    assert (
        app_said
        == cli_said
        == [
            "2 AI uses confirmed as validation and marked as replacing a person.",
            "1 AI use confirmed for Ship reporting.",
        ]
    )
    with Journal.open(DataPaths(home)) as cli_journal:
        assert state(cli_journal) == state(journal)
        assert state(journal)[FIRST] == ("validation", False, True, None, ())

    click(qtbot, find(view, QPushButton, "Undo"))
    assert run("review", "undo")[0] == 0
    with Journal.open(DataPaths(home)) as cli_journal:
        assert state(cli_journal) == state(journal)
    third = state(journal)[THIRD]
    assert (third[1], third[3]) == (True, None)  # back for review, without the goal
    assert state(journal)[FIRST][:2] == ("validation", False)  # only the last was undone
