"""The export use case: the same bytes from the CLI and from the call the app makes."""

import json
from datetime import date

import pytest
from clitools import run

from aijournal.model.errors import InvalidInput
from aijournal.sharing import exports


@pytest.fixture
def logged(home):
    from aijournal.storage import DataPaths, Journal

    assert (
        run(
            "log-ai",
            "--tool",
            "Claude",
            "--pattern",
            "learning",
            "--minutes",
            "20",
            "--note",
            "secret",
        )[0]
        == 0
    )
    assert run("checkin", "--burnout", "2", "--connection", "4")[0] == 0
    with Journal.open(DataPaths(home)) as journal:
        yield journal


@pytest.mark.parametrize("fmt", ["csv", "portfolio-md", "summary-json", "summary-html"])
def test_the_cli_writes_what_the_use_case_makes(logged, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    code, printed = run("export", "--format", fmt, "-o", str(out))
    assert code == 0, printed
    made = exports.export(logged, exports.ExportRequest(fmt), to_file=True)
    written = out.read_text()
    if fmt.startswith("summary"):  # generated_at differs by the second
        assert written.split("generated")[0] == str(made.content).split("generated")[0]
    else:
        assert written == made.content
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "secret" not in written  # notes stay out unless asked


def test_the_complete_json_export_says_it_holds_everything(logged):
    made = exports.export(logged, exports.ExportRequest("json"), to_file=False)
    assert json.loads(made.content)["format"] == "aijournal-export"
    assert made.notice == exports.COMPLETE_NOTICE


def test_a_pdf_needs_a_file_and_a_format_must_be_known(logged):
    with pytest.raises(InvalidInput, match="output"):
        exports.export(logged, exports.ExportRequest("summary-pdf"), to_file=False)
    with pytest.raises(InvalidInput, match="format"):
        exports.export(logged, exports.ExportRequest("docx"), to_file=True)
    code, printed = run("export", "--format", "portfolio-pdf")
    assert code == 2 and "output" in printed


def test_summary_notice_says_what_is_left_out(logged):
    request = exports.ExportRequest("summary-json", start=date(2026, 1, 1), include_names=True)
    made = exports.export(logged, request, to_file=False)
    assert made.notice == "The summary leaves out private notes."


def test_the_full_backup_writes_json_or_a_private_csv_per_kind(journal, clock, tmp_path):
    import json as json_module

    from aijournal.model import records as r
    from aijournal.model.errors import Cancelled
    from aijournal.sharing import exports as ex
    from aijournal.storage import exchange

    journal.add(
        r.AIUse(started_at=clock(), tool="Claude", pattern="learning", minutes=5, note="zebra")
    )
    [one] = ex.write_journal(journal, "json", tmp_path / "all.json")
    assert json_module.loads(one.read_text())["tables"] == exchange.export_data(journal)["tables"]
    written = ex.write_journal(journal, "csv", tmp_path / "csv")
    assert len(written) == len(exchange.CSV_KINDS)
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in [one, *written])
    assert "zebra" in (tmp_path / "csv" / "aijournal-ai-use.csv").read_text()
    with pytest.raises(Cancelled, match=f"2 of {len(exchange.CSV_KINDS)}"):
        ex.write_journal(journal, "csv", tmp_path / "more", lambda done, total: done < 2)
