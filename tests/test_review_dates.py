"""Review dates: `review-by` in the spellings teams use, `revisit-when`, review-overdue and
review-due-soon as of a day, `adr review`, the Due for review page and the feed's entries."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.parse.record import parse_decision
from mkdocs_madr.core.review import read_reviews, review_diagnostics
from support import base_config
from test_cli_helpers import adr, write

ATOM = "{http://www.w3.org/2005/Atom}"


def _record(key: str, value: str, status: str = "accepted") -> str:
    return f"---\nstatus: {status}\n{key}: {value}\n---\n# A decision\n"


@pytest.mark.parametrize(
    "key",
    ["review-by", "review_by", "reviewBy", "Review by", "next review", "revisit-by", "stale-by"],
)
def test_review_by_in_every_spelling(key: str) -> None:
    decision = parse_decision(_record(key, "2026-05-01"), "0001-a.md")
    read_reviews([decision])
    assert decision.review_by == "2026-05-01"


def test_revisit_when_and_reviewed() -> None:
    text = (
        "# 1. A\n\n* Status: accepted\n* Revisit when: traffic **doubles**\n"
        "* Reviewed: 2026-01-02\n"
    )
    decision = parse_decision(text, "0001-a.md")
    read_reviews([decision])
    assert decision.revisit_when == "traffic doubles"
    assert decision.reviewed == "2026-01-02"
    assert decision.review_by is None


def test_a_review_date_that_is_no_date_is_field_invalid() -> None:
    decision = parse_decision(_record("review-by", "next spring"), "0001-a.md")
    read_reviews([decision])
    assert decision.review_by is None
    [found] = decision.diagnostics
    assert (found.code.value, found.line) == ("field-invalid", 3)


@pytest.mark.parametrize(
    ("status", "reviewed", "as_of", "expected"),
    [
        ("accepted", None, "2026-05-02", "review-overdue"),
        ("accepted", None, "2026-05-01", "review-due-soon"),
        ("accepted", None, "2026-04-01", "review-due-soon"),
        ("accepted", None, "2026-03-31", None),
        ("proposed", None, "2026-06-01", "review-overdue"),
        ("superseded", None, "2026-06-01", None),
        ("rejected", None, "2026-06-01", None),
        ("accepted", "2026-05-03", "2026-06-01", None),
        ("accepted", "2026-04-03", "2026-06-01", "review-overdue"),
    ],
)
def test_due_as_of_a_day(status: str, reviewed: str | None, as_of: str, expected: str) -> None:
    text = _record("review-by", "2026-05-01", status)
    if reviewed:
        text = text.replace("---\n#", f"reviewed: {reviewed}\n---\n#")
    decision = parse_decision(text, "0001-a.md")
    read_reviews([decision])
    found = review_diagnostics([decision], datetime.date.fromisoformat(as_of), 30)
    assert [d.code.value for d in found] == ([expected] if expected else [])
    assert all(d.line == 3 for d in found)


def test_adr_lint_as_of_reports_review_overdue(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "decisions/0001-a.md": _record("review-by", "2026-05-01"),
            "decisions/0002-b.md": "# 2. B\n\n* Status: accepted\n* Review by: 2027-01-10\n",
        },
    )
    early = adr("lint", "--as-of", "2026-04-01", cwd=tmp_path)
    assert (
        "decisions/0001-a.md:3: review-due-soon: the decision is due for review on 2026-05-01"
        in early.stdout
    )
    assert "review-overdue" not in early.stdout
    late = adr("lint", "--as-of", "2027-01-11", "--strict", cwd=tmp_path)
    assert (
        "decisions/0001-a.md:3: review-overdue: the decision was due for review on 2026-05-01"
        in late.stdout
    )
    assert "decisions/0002-b.md:4: review-overdue:" in late.stdout
    assert late.code == 1
    json_out = adr("lint", "--as-of", "2027-01-11", "--format", "json", cwd=tmp_path)
    codes = {(d["file"], d["code"]) for d in json.loads(json_out.stdout)}
    assert ("decisions/0001-a.md", "review-overdue") in codes
    listed = json.loads(adr("list", "--format", "json", cwd=tmp_path).stdout)["decisions"]
    assert [r["review_by"] for r in listed] == ["2026-05-01", "2027-01-10"]


FRONT = (
    "---\r\nstatus: accepted  # kept\r\nreview-by: 2026-01-01\r\nowner: Ana\r\n---\r\n"
    "# A\r\n\r\nBody.\r\n"
)
BULLETS = "# 2. B\n\n* Status: accepted\n* Deciders: Ana\n\n## Context\n\nText.\n"
NYGARD = "# 3. C\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nText.\n"


def test_adr_review_edits_only_the_lines_it_must(tmp_path: Path) -> None:
    write(tmp_path, {"decisions/0002-b.md": BULLETS, "decisions/0003-c.md": NYGARD})
    (tmp_path / "decisions/0001-a.md").write_bytes(FRONT.encode())
    result = adr("review", "1", "--next", "2027-01-01", "--on", "2026-06-01", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout == "decisions/0001-a.md: reviewed 2026-06-01, next review by 2027-01-01\n"
    assert (tmp_path / "decisions/0001-a.md").read_bytes().decode() == FRONT.replace(
        "review-by: 2026-01-01", "review-by: 2027-01-01"
    ).replace("owner: Ana\r\n", "owner: Ana\r\nreviewed: 2026-06-01\r\n")
    assert adr("review", "2", "--next", "2027-02-01", "--on", "2026-06-01", cwd=tmp_path).code == 0
    assert (tmp_path / "decisions/0002-b.md").read_text() == BULLETS.replace(
        "* Deciders: Ana\n", "* Deciders: Ana\n* Reviewed: 2026-06-01\n* Review by: 2027-02-01\n"
    )
    assert adr("review", "3", "--on", "2026-06-01", cwd=tmp_path).code == 0
    assert (tmp_path / "decisions/0003-c.md").read_text() == NYGARD.replace(
        "Date: 2020-01-01\n", "Date: 2020-01-01\nReviewed: 2026-06-01\n"
    )
    # Reviewed again: the same lines change, none is added.
    assert adr("review", "3", "--on", "2026-07-01", cwd=tmp_path).code == 0
    assert (tmp_path / "decisions/0003-c.md").read_text() == NYGARD.replace(
        "Date: 2020-01-01\n", "Date: 2020-01-01\nReviewed: 2026-07-01\n"
    )
    listed = json.loads(adr("list", "--format", "json", cwd=tmp_path).stdout)["decisions"]
    assert [(r["reviewed"], r["review_by"]) for r in listed] == [
        ("2026-06-01", "2027-01-01"),
        ("2026-06-01", "2027-02-01"),
        ("2026-07-01", None),
    ]


def test_adr_review_refuses_a_past_next_date_and_a_doubled_key(tmp_path: Path) -> None:
    doubled = "# 1. A\n\n* Status: accepted\n* Review by: 2026-01-01\n* Next review: 2026-02-01\n"
    write(tmp_path, {"decisions/0001-a.md": doubled})
    past = adr("review", "1", "--next", "2020-01-01", cwd=tmp_path)
    assert past.code == 2
    assert "the next review must come after" in past.stderr
    twice = adr("review", "1", "--next", "2099-01-01", cwd=tmp_path)
    assert twice.code == 1
    assert "states review-by 2 times (lines 4, 5)" in twice.stderr
    assert (tmp_path / "decisions/0001-a.md").read_text() == doubled


def _dates() -> tuple[str, str, str]:
    today = datetime.date.today()
    return tuple(  # type: ignore[return-value]
        (today + datetime.timedelta(days=days)).isoformat() for days in (-10, 10, 300)
    )


def test_the_due_for_review_page_and_the_feed(build_site: Any) -> None:
    overdue, soon, later = _dates()
    site = build_site(
        {
            "decisions/0001-a.md": _record("review-by", overdue),
            "decisions/0002-b.md": _record("next-review", soon),
            "decisions/0003-c.md": _record("review-by", later),
            "decisions/0004-d.md": _record("revisit-when", "the load doubles").replace(
                "# A decision", "# D"
            ),
            "decisions/0005-e.md": _record("review-by", overdue, "superseded"),
        },
        {**base_config(), "site_url": "https://example.com/"},
    )
    assert any("decisions/0001-a.md:3: review-overdue" in w for w in site.warnings())
    page = site.html("decisions/review/")
    body = page.split('<div class="madr-review-page">', 1)[1]
    assert body.index(overdue) < body.index(soon) < body.index(later)
    assert f'<tr class="madr-review--overdue">\n<td><time datetime="{overdue}">' in body
    assert f'<tr class="madr-review--due-soon">\n<td><time datetime="{soon}">' in body
    assert "ADR-0005" not in body  # superseded: no longer reviewed
    assert "the load doubles</li>" in body
    header = site.html("decisions/0001-a/")
    assert '<span class="madr-meta__item madr-review--overdue"><b>Review by</b>' in header
    feed = etree.fromstring((site.site_dir / "decisions.atom").read_text())
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles[:2] == [
        "Due for review: ADR-0001: A decision",
        "Due for review: ADR-0002: A decision",
    ]
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")]
    assert ids[0] == f"https://example.com/decisions/0001-a/#review-{overdue}"


def test_health_false_generates_neither_page(build_site: Any) -> None:
    site = build_site(
        {"decisions/0001-a.md": _record("review-by", "2026-01-01")}, base_config(health=False)
    )
    assert not (site.site_dir / "decisions/review").exists()
    assert not (site.site_dir / "decisions/health").exists()
