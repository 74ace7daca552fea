"""The Health page: records per status over time (an inline SVG with a table beside it, from
Git history where there is one), proposals older than `proposed_days`, records without
decision-makers."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from mkdocs_madr.core.model import Decision, StatusChange
from mkdocs_madr.site.render.health_chart import chart_svg, status_chart
from mkdocs_madr.site.render.views import StatusStyle
from support import base_config
from test_git_history import make_repository

STYLE = StatusStyle({"proposed": "#1565c0", "accepted": "#2e7d32", "rejected": "#c62828"})


def _decision(file: str, status: str, date: str | None, *history: tuple[str, str]) -> Decision:
    decision = Decision(file=file, id=file[:4], status=status, date=date, lifecycle=status)
    decision.history = [StatusChange(day, said, "A", "0" * 40) for day, said in history]
    return decision


def test_counts_per_status_at_each_months_end() -> None:
    decisions = [
        _decision(
            "0001", "accepted", "2025-01-20", ("2025-01-05", "proposed"), ("2025-03-02", "accepted")
        ),
        _decision("0002", "accepted", "2025-02-10"),  # no history: its date and status
        _decision("0003", "rejected", None, ("2025-02-01", "proposed"), ("2025-02-20", "rejected")),
        _decision("0004", "proposed", None),  # neither: not counted
    ]
    chart = status_chart(decisions, STYLE, datetime.date(2025, 4, 15))
    assert chart.months == ["2025-01", "2025-02", "2025-03", "2025-04"]
    counts = {status.name: counts for status, counts in chart.series}
    assert counts == {
        "proposed": [1, 1, 0, 0],
        "accepted": [0, 1, 2, 2],
        "rejected": [0, 1, 1, 1],
    }
    assert chart.totals == [1, 3, 3, 3]
    svg = str(chart_svg(chart, "Records <per> status"))
    assert svg.startswith('<svg class="madr-chart" role="img"')
    assert 'aria-label="Records &lt;per&gt; status"' in svg
    assert "<title>2025-03: Accepted 2</title>" in svg
    assert len(re.findall("<rect ", svg)) == 1 + 3 + 2 + 2


def test_the_chart_keeps_the_last_four_years() -> None:
    decisions = [_decision("0001", "accepted", "2015-01-01")]
    chart = status_chart(decisions, STYLE, datetime.date(2025, 12, 31))
    assert len(chart.months) == 48
    assert chart.months[0] == "2022-01"
    assert chart.series[0][1] == [1] * 48


def test_the_health_page_from_git_history(build_site: Any, tmp_path: Path) -> None:
    root = make_repository(tmp_path / "project")
    site = build_site({}, base_config(proposed_days=30), root=root)
    page = site.html("decisions/health/")
    body = page.split('<div class="madr-health">', 1)[1]
    assert '<svg class="madr-chart" role="img"' in body
    # 0001 proposed in June, accepted on 2025-06-08: one accepted record at the end of June.
    assert "<title>2025-06: Accepted 1</title>" in body
    assert "<title>2025-06: Proposed 2</title>" in body  # 0002 and 0003
    assert "<title>2025-08: Rejected 1</title>" in body
    old = body.split('id="old-proposals"', 1)[1].split("<h2", 1)[0]
    assert "ADR-0004" not in old  # uncommitted and undated: its age is not known, not guessed
    without = body.split('id="without-decision-makers"', 1)[1]
    assert "ADR-0001: Use a queue" in without
    assert "ADR-0002" not in without  # rejected: out of force
    assert '<th scope="row">2025-06</th>' in body


def test_old_proposals_and_decision_makers(build_site: Any) -> None:
    old = (datetime.date.today() - datetime.timedelta(days=90)).isoformat()
    new = (datetime.date.today() - datetime.timedelta(days=5)).isoformat()
    site = build_site(
        {
            "decisions/0001-old.md": f"---\nstatus: proposed\ndate: {old}\n---\n# Old\n",
            "decisions/0002-new.md": f"---\nstatus: proposed\ndate: {new}\n---\n# New\n",
            "decisions/0003-made.md": (
                f"---\nstatus: accepted\ndate: {new}\ndecision-makers: [Ana]\n---\n# Made\n"
            ),
        },
        base_config(proposed_days=60),
    )
    body = site.html("decisions/health/").split('<div class="madr-health">', 1)[1]
    assert "Proposed for more than 60 days" in body
    old_part = body.split('id="old-proposals"', 1)[1].split("<h2", 1)[0]
    assert "ADR-0001: Old</a>" in old_part
    assert f"proposed since {old}" in old_part
    assert "ADR-0002" not in old_part
    without = body.split('id="without-decision-makers"', 1)[1]
    assert "ADR-0001" in without
    assert "ADR-0003" not in without


def test_an_empty_folder_has_an_empty_health_page(build_site: Any) -> None:
    site = build_site({"decisions/README.md": "# Decisions\n\nNothing yet.\n"})
    body = site.html("decisions/health/")
    assert "No decisions yet." in body
    assert "<svg" not in body.split('<div class="madr-health">', 1)[1]
