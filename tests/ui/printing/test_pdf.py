"""Every PDF of the app shares one Qt application, whichever is made first in a run."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import re, sys
    from datetime import date
    from aijournal.model import records as r
    from aijournal.sharing import exports, summary
    from aijournal.storage import DataPaths, Journal
    from aijournal.storage.unlock import Key
    from aijournal.ui.printing.printer import QtPrinter

    journal = Journal.create(DataPaths(sys.argv[1]), Key.from_passphrase("pdf test passphrase"))
    for day in range(1, 29):
        journal.save_checkin(r.Checkin(day=date(2026, 11, day), burnout=2, connection=3))
    printer = QtPrinter()
    portfolio = exports.export(
        journal, exports.ExportRequest("portfolio-pdf"), printer, to_file=True
    )
    data = summary.build(journal, date(2026, 11, 1), date(2026, 11, 28))
    pdf = exports.render_summary(data, "summary-pdf", printer).content
    print(len(re.findall(rb"/Subtype\\s*/Image", portfolio.content)),
          len(re.findall(rb"/Subtype\\s*/Image", pdf)))
""")


def test_a_summary_made_after_a_portfolio_keeps_its_charts(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    portfolio_images, summary_images = map(int, done.stdout.split())
    assert portfolio_images == 0 and summary_images >= 1
