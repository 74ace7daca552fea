"""The team's own fields: declared in `fields`, read from front matter, bullets and lines,
checked by type, shown in the header and the log, exported; undeclared keys kept as `extra`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.fields.apply import apply_fields
from mkdocs_madr.core.fields.declaration import FieldType, read_declarations
from mkdocs_madr.core.fields.values import check_value
from mkdocs_madr.core.parse.record import parse_decision
from mkdocs_madr.core.settings import SettingsError, read_options
from support import base_config
from test_cli_helpers import adr, write

FIELDS: dict[str, Any] = {
    "owner": {"type": "person list", "required": ["accepted"]},
    "review-by": "date",
    "risk": {"type": "enum", "values": ["low", "medium", "high"]},
    "cost": "number",
    "jira": {"type": "url", "label": "Jira key"},
    "public": "boolean",
    "notes": "long text",
    "team": "text",
}
DECLARED = read_declarations(FIELDS)


def _config(**more: Any) -> str:
    plugin = json.dumps({"fields": FIELDS, **more})
    return f"site_name: Fields\nplugins:\n  - madr: {plugin}\n"


@pytest.mark.parametrize(
    ("kind", "raw", "value", "problem"),
    [
        ("text", "Platform team", "Platform team", None),
        ("text", 42, "42", None),
        ("text", {"a": 1}, None, "must be a single text, not a mapping"),
        ("long text", "First line.\nSecond line.", "First line.\nSecond line.", None),
        ("date", "2026-03-01", "2026-03-01", None),
        ("date", "1 March 2026", "2026-03-01", None),
        ("date", "soon", None, "'soon' is not a date (write YYYY-MM-DD)"),
        ("person list", "Ana, Ben and Cy", ["Ana", "Ben", "Cy"], None),
        ("person list", ["Ana", "Ben"], ["Ana", "Ben"], None),
        ("person list", [{"a": 1}], None, "must list names"),
        ("url", "https://jira.example.com/b/1", "https://jira.example.com/b/1", None),
        (
            "url",
            "javascript:alert(1)",
            None,
            "'javascript:alert(1)' is not an http or https address",
        ),
        ("url", "jira/ADR-1", None, "'jira/ADR-1' is not an http or https address"),
        ("number", "12", 12, None),
        ("number", 2.5, 2.5, None),
        ("number", "1e3", 1000.0, None),
        ("number", "a lot", None, "'a lot' is not a number"),
        ("number", True, None, "'True' is not a number"),
        ("number", ".nan", None, "'.nan' is not a number"),
        ("boolean", "yes", True, None),
        ("boolean", False, False, None),
        ("boolean", "perhaps", None, "'perhaps' is not yes or no (true, false)"),
    ],
)
def test_every_type_checks_its_values(kind: str, raw: object, value: object, problem: str) -> None:
    declared = read_declarations({"f": kind})["f"]
    checked = check_value(declared, raw)
    assert (checked.value, checked.problem) == (value, problem)


def test_enum_values_are_matched_without_case_and_written_as_declared() -> None:
    declared = DECLARED["risk"]
    assert check_value(declared, "HIGH").value == "high"
    assert check_value(declared, "extreme").problem == "'extreme' is not one of low, medium, high"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"owner": {"type": "person"}}, "owner: type must be one of text, long text, date"),
        ({"risk": {"type": "enum"}}, "risk: an enum needs a list of values"),
        ({"cost": {"type": "number", "values": [1]}}, "cost: only an enum has values"),
        ({"status": "text"}, "status: the reader already reads this key as the record's status"),
        ({"deciders": "text"}, "deciders: the reader already reads this key"),
        ({"tag": "text"}, "tag: the decision log already filters by 'tag'"),
        ({"owner": {"kind": "text"}}, "owner: unknown part 'kind'"),
        ({"owner": {"required": 3}}, "owner: required must be true, or a list of statuses"),
        ({"a": {"label": "Owner"}, "owner": "text"}, "'owner' also names the field a"),
        (["owner"], "must map field names to their declarations"),
    ],
)
def test_a_bad_declaration_is_refused_with_its_name(
    value: object, message: str, tmp_path: Path
) -> None:
    with pytest.raises(SettingsError, match=r"madr\.fields: ") as error:
        read_options({"fields": value}, tmp_path / "mkdocs.yml")
    assert message in str(error.value)


def test_declarations_read_type_shorthands_and_required() -> None:
    declared = read_declarations(
        {"a": None, "b": "person-list", "c": {"type": "bool", "required": True}}
    )
    assert declared["a"].type is FieldType.TEXT
    assert declared["b"].type is FieldType.PERSON_LIST
    assert declared["c"].required_for(None, None)
    assert DECLARED["owner"].required_for("approved", "accepted")
    assert not DECLARED["owner"].required_for("proposed", "proposed")


FRONT_MATTER = """\
---
status: accepted
owner: [Ana, Ben]
review-by: 2026-03-01
risk: extreme
cost: lots
public: yes
nav_order: 3
x-jira: ABC-1
---
# Use a queue
"""
BULLETS = """\
# Use a cache

* Status: accepted
* Jira key: https://jira.example.com/browse/ADR-2
* Review by: 2026-04-01
* Sponsor: Cy
* Deciders: Ana

## Context and Problem Statement

Note: this line is prose, not metadata.
"""
NYGARD = """\
# 3. Use a log

Date: 2020-01-01
Team: Platform
Budget code: 77

## Status

Accepted
"""


def _applied(text: str, name: str) -> Any:
    decision = parse_decision(text, name)
    apply_fields([decision], DECLARED)
    return decision


def test_fields_from_front_matter_are_typed_and_bad_values_reported() -> None:
    decision = _applied(FRONT_MATTER, "0001-use-a-queue.md")
    assert decision.fields == {
        "owner": ["Ana", "Ben"],
        "review-by": "2026-03-01",
        "risk": None,
        "cost": None,
        "jira": None,
        "public": True,
        "notes": None,
        "team": None,
    }
    assert decision.extra == {"nav_order": 3, "x-jira": "ABC-1"}
    found = {(d.code.value, d.line, d.message) for d in decision.diagnostics}
    assert ("field-invalid", 5, "risk: 'extreme' is not one of low, medium, high") in found
    assert ("field-invalid", 6, "cost: 'lots' is not a number") in found


def test_fields_from_madr2_bullets_and_a_missing_required_one() -> None:
    decision = _applied(BULLETS, "0002-use-a-cache.md")
    assert decision.fields["jira"] == "https://jira.example.com/browse/ADR-2"
    assert decision.fields["review-by"] == "2026-04-01"
    assert decision.extra == {"Sponsor": "Cy"}  # the prose line below the title is no metadata
    assert decision.deciders == ["Ana"]
    missing = [d for d in decision.diagnostics if d.code.value == "field-missing"]
    assert [(d.file, d.line) for d in missing] == [("0002-use-a-cache.md", 3)]
    assert "owner is required for accepted records" in missing[0].message


def test_fields_from_nygard_lines() -> None:
    decision = _applied(NYGARD, "0003-use-a-log.md")
    assert decision.fields["team"] == "Platform"
    assert decision.extra == {"Budget code": "77"}
    assert decision.date == "2020-01-01"
    assert decision.status == "accepted"


def test_applying_again_does_not_repeat_diagnostics() -> None:
    decision = _applied(FRONT_MATTER, "0001-use-a-queue.md")
    apply_fields([decision], DECLARED)
    assert len([d for d in decision.diagnostics if d.code.value == "field-invalid"]) == 2


def test_madr_ignore_silences_field_codes() -> None:
    text = FRONT_MATTER + "\n<!-- madr-ignore: field-invalid -->\n"
    decision = _applied(text, "0001-use-a-queue.md")
    assert not [d for d in decision.diagnostics if d.code.value == "field-invalid"]


def _project(tmp_path: Path, **more: Any) -> Path:
    write(
        tmp_path,
        {
            "mkdocs.yml": _config(**more),
            "docs/index.md": "# Home\n",
            "decisions/0001-use-a-queue.md": FRONT_MATTER,
            "decisions/0002-use-a-cache.md": BULLETS,
            "decisions/0003-use-a-log.md": NYGARD,
        },
    )
    return tmp_path


def test_adr_list_json_has_fields_and_extra(tmp_path: Path) -> None:
    result = adr("list", "--format", "json", cwd=_project(tmp_path))
    records = {r["id"]: r for r in json.loads(result.stdout)["decisions"]}
    assert records["0001"]["fields"]["owner"] == ["Ana", "Ben"]
    assert records["0001"]["extra"] == {"nav_order": 3, "x-jira": "ABC-1"}
    assert records["0002"]["extra"] == {"Sponsor": "Cy"}
    assert records["0003"]["fields"]["team"] == "Platform"
    shown = json.loads(adr("show", "2", "--format", "json", cwd=tmp_path).stdout)
    assert shown["fields"]["jira"] == "https://jira.example.com/browse/ADR-2"


def test_undeclared_keys_survive_without_any_fields_setting(tmp_path: Path) -> None:
    write(tmp_path, {"decisions/0001-use-a-queue.md": FRONT_MATTER})
    result = adr("list", "--format", "json", cwd=tmp_path)
    record = json.loads(result.stdout)["decisions"][0]
    assert record["fields"] == {}
    assert record["extra"]["owner"] == ["Ana", "Ben"]
    assert record["extra"]["review-by"] == "2026-03-01"


def test_adr_lint_reports_field_codes_with_file_and_line(tmp_path: Path) -> None:
    result = adr("lint", "--as-of", "2026-01-01", cwd=_project(tmp_path))
    assert "decisions/0001-use-a-queue.md:5: field-invalid: risk:" in result.stdout
    assert "decisions/0001-use-a-queue.md:6: field-invalid: cost:" in result.stdout
    assert "decisions/0002-use-a-cache.md:3: field-missing: owner is required" in result.stdout


def test_the_build_shows_fields_in_the_header_and_the_log(build_site: Any) -> None:
    site = build_site(
        {
            "decisions/0001-use-a-queue.md": FRONT_MATTER,
            "decisions/0002-use-a-cache.md": BULLETS,
            "decisions/0003-use-a-log.md": NYGARD.replace(
                "Team: Platform", "Team: Platform <script>x</script>"
            ),
        },
        base_config(fields=FIELDS),
    )
    warnings = "\n".join(site.warnings())
    assert "decisions/0001-use-a-queue.md:5: field-invalid" in warnings
    assert "decisions/0002-use-a-cache.md:3: field-missing" in warnings
    first = site.html("decisions/0001-use-a-queue/")
    assert "<b>owner</b> Ana, Ben</span>" in first
    assert "<b>public</b> Yes</span>" in first
    second = site.html("decisions/0002-use-a-cache/")
    assert (
        '<b>Jira key</b> <a href="https://jira.example.com/browse/ADR-2" rel="nofollow">' in second
    )
    third = site.html("decisions/0003-use-a-log/")
    assert "<b>team</b> Platform x</span>" in third  # the tag is markup, read as text
    header = third.split('<div class="madr-header"', 1)[1].split("</div>", 1)[0]
    assert "<script" not in header
    log = site.html("decisions/")
    assert '<th scope="col" data-madr-sort="field:owner">owner</th>' in log
    assert '<th scope="col" data-madr-sort="field:jira">Jira key</th>' in log
    assert '<select data-madr-filter="owner" data-madr-field-filter>' in log
    assert '<a href="?owner=Ana">Ana</a>' in log
    review = 'data-madr-field="review-by" data-madr-label="review-by"'
    assert review + ' data-madr-sort-value="2026-03-01"' in log
    data = site.json("decisions.json")
    records = {r["id"]: r for r in data["decisions"]}
    assert records["0001"]["extra"]["nav_order"] == 3
    assert records["0002"]["fields"]["review-by"] == "2026-04-01"


def test_no_fields_setting_adds_no_columns(build_site: Any) -> None:
    site = build_site({"decisions/0001-use-a-queue.md": FRONT_MATTER})
    assert "data-madr-field" not in site.html("decisions/")
    assert "madr-fields" not in site.html("decisions/0001-use-a-queue/")


def test_adr_new_sets_fields_in_each_template(tmp_path: Path) -> None:
    _project(tmp_path)
    for template in ("madr4", "madr3", "madr2", "nygard"):
        result = adr(
            "new",
            f"Try {template}",
            "--template",
            template,
            "--set",
            "owner=Ana, Ben",
            "--set",
            "risk=LOW",
            "--set",
            "Sponsor=Zed",
            cwd=tmp_path,
        )
        assert result.code == 0, result.stderr
    records = json.loads(adr("list", "--format", "json", cwd=tmp_path).stdout)["decisions"]
    new = [r for r in records if r["title"].startswith("Try")]
    assert len(new) == 4
    for record in new:
        assert record["fields"]["owner"] == ["Ana", "Ben"], record["format"]
        assert record["fields"]["risk"] == "LOW".lower() or record["fields"]["risk"] == "low"
        assert record["extra"] == {"Sponsor": "Zed"}


def test_adr_new_refuses_a_bad_value_and_a_missing_required_field(tmp_path: Path) -> None:
    _project(tmp_path)
    before = sorted(p.name for p in (tmp_path / "decisions").iterdir())
    bad = adr("new", "Bad", "--set", "risk=extreme", cwd=tmp_path)
    assert bad.code == 2
    assert "--set risk: 'extreme' is not one of low, medium, high" in bad.stderr
    missing = adr("new", "Accepted", "--status", "accepted", cwd=tmp_path)
    assert missing.code == 2
    assert "owner is required for accepted records: pass --set owner=VALUE" in missing.stderr
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == before
    done = adr("new", "Accepted", "--status", "accepted", "--set", "owner=Ana", cwd=tmp_path)
    assert done.code == 0, done.stderr


def test_the_page_says_a_field_once_and_keeps_what_the_header_cannot_show(
    build_site: Any,
) -> None:
    record = (
        "# 4. Use a bus\n\n* Status: accepted\n* Owner: Ana\n* Risk: extreme\n"
        "* Review by: 2030-01-01\n* Sponsor: Cy\n\n## Context and Problem Statement\n\nWhy.\n"
    )
    site = build_site({"decisions/0004-use-a-bus.md": record}, base_config(fields=FIELDS))
    page = site.html("decisions/0004-use-a-bus/")
    header, body = page.split('<div class="madr-header"', 1)[1].split("</div>", 1)
    assert "<b>owner</b> Ana" in header
    assert "<b>Review by</b>" in header
    assert "Owner: Ana" not in body
    assert "Review by: 2030-01-01" not in body
    assert "Risk: extreme" in body  # not a value of risk: the page keeps it
    assert "Sponsor: Cy" in body  # nobody declared it: the header does not show it
