"""`adr new`: numbering, file names, templates and their round trip through the parser."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import pytest
from mkdocs_madr.cli.record_templates import BUILTIN
from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.diagnostics import Severity
from mkdocs_madr.core.model import Dialect
from mkdocs_madr.core.parse.record import parse_decision
from test_cli_helpers import adr, adr_process, one_line_error, write

DIALECTS = {
    "madr4": Dialect.MADR4,
    "madr4-minimal": Dialect.MADR4,
    "madr4-bare": Dialect.MADR4,
    "madr3": Dialect.MADR3,
    "madr2": Dialect.MADR2,
    "nygard": Dialect.NYGARD,
}
C4_LINES = {
    "madr4": "c4: [orderDb, api]",
    "madr4-minimal": "c4: [orderDb, api]",
    "madr4-bare": "c4: [orderDb, api]",
    "madr3": "c4: [orderDb, api]",
    "madr2": "* C4: orderDb, api",
    "nygard": "C4: orderDb, api",
}


def today() -> str:
    return dt.date.today().isoformat()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "decisions").mkdir()
    return tmp_path


def created(result_stdout: str, root: Path) -> Path:
    path = root / result_stdout.strip()
    assert path.is_file(), result_stdout
    return path


@pytest.mark.parametrize("template", BUILTIN)
def test_every_template_round_trips(project: Path, template: str) -> None:
    result = adr(
        "new",
        "Use Postgres 16 for orders",
        "--template",
        template,
        "--status",
        "accepted",
        "--deciders",
        "Ana Lima, Ben Okafor",
        "--deciders",
        "Chen Wei",
        "--tags",
        "database,orders",
        "--c4",
        "orderDb,api",
        cwd=project,
    )
    assert result.code == 0, result.stderr
    path = created(result.stdout, project)
    assert path.name == "0001-use-postgres-16-for-orders.md"
    decision = parse_decision(path.read_bytes(), path.name)
    assert decision.dialect is DIALECTS[template]
    assert decision.title == "Use Postgres 16 for orders"
    assert decision.status == "accepted"
    assert decision.date == today()
    assert decision.deciders == ["Ana Lima", "Ben Okafor", "Chen Wei"]
    assert decision.tags == ["database", "orders"]
    assert decision.c4 == ["orderDb", "api"]
    assert C4_LINES[template] in path.read_text(encoding="utf-8").splitlines()
    collection = load_collection(project / "decisions")
    problems = [d for d in collection.all_diagnostics() if d.severity is not Severity.INFO]
    assert problems == []


@pytest.mark.parametrize("template", BUILTIN)
def test_every_template_round_trips_without_optional_values(project: Path, template: str) -> None:
    result = adr("new", "Keep it simple", "--template", template, cwd=project)
    assert result.code == 0, result.stderr
    path = created(result.stdout, project)
    decision = parse_decision(path.read_bytes(), path.name)
    assert (decision.title, decision.status, decision.date) == (
        "Keep it simple",
        "proposed",
        today(),
    )
    assert (decision.deciders, decision.tags, decision.c4) == ([], [], [])


def test_nygard_c4_line_sits_under_the_date(project: Path) -> None:
    result = adr("new", "Cache sessions", "--template", "nygard", "--c4", "web", cwd=project)
    lines = created(result.stdout, project).read_text(encoding="utf-8").splitlines()
    assert lines[:4] == ["# 1. Cache sessions", "", f"Date: {today()}", "C4: web"]


def test_numbers_follow_the_highest_and_its_padding(project: Path) -> None:
    write(
        project / "decisions",
        {"001-first.md": "# First\n", "007-second.md": "# Second\n", "README.md": "# Log\n"},
    )
    result = adr("new", "Third", cwd=project)
    assert result.stdout.strip() == os.path.join("decisions", "008-third.md")


def test_unpadded_numbers_stay_unpadded(project: Path) -> None:
    write(project / "decisions", {"1-first.md": "# First\n", "2-second.md": "# Second\n"})
    assert adr("new", "Third", cwd=project).stdout.strip().endswith("3-third.md")


def test_date_named_folders_get_todays_date(project: Path) -> None:
    write(project / "decisions", {"20200926-use-flags.md": "# Flags\n\n- Status: draft\n"})
    stamp = dt.date.today().strftime("%Y%m%d")
    first = adr("new", "Log with Loki", cwd=project).stdout.strip()
    second = adr("new", "Log with Loki", cwd=project).stdout.strip()
    assert first.endswith(f"{stamp}-log-with-loki.md")
    assert second.endswith(f"{stamp}-log-with-loki-2.md")


def test_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "mkdocs.yml": """
                site_name: x
                plugins:
                  - search
                  - madr:
                      decisions_dir: docs/adr
                      template: nygard
                      number_width: 3
            """
        },
    )
    (tmp_path / "docs" / "adr").mkdir(parents=True)
    result = adr("new", "Pick a queue", cwd=tmp_path)
    assert result.stdout.strip() == os.path.join("docs", "adr", "001-pick-a-queue.md")
    text = (tmp_path / "docs" / "adr" / "001-pick-a-queue.md").read_text(encoding="utf-8")
    assert text.startswith("# 1. Pick a queue\n")


def test_dir_option_overrides_the_configured_folder(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    result = adr("new", "Pick a queue", "--dir", "elsewhere", cwd=tmp_path)
    assert (tmp_path / result.stdout.strip()).parent == tmp_path / "elsewhere"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..", "decision"),
        ("a/b\\c", "a-b-c"),
        ("nul\x00byte", "nul-byte"),
        ("bell\x07 tab\t newline\n escape\x1b[31m", "bell-tab-newline-escape-31m"),
        ("/", "decision"),
        ("Überprüfung der Größe", "überprüfung-der-grösse"),
        ("数据库选择", "数据库选择"),
    ],
)
def test_hostile_titles_stay_inside_the_folder(project: Path, title: str, slug: str) -> None:
    result = adr("new", title, cwd=project)
    assert result.code == 0, result.stderr
    path = created(result.stdout, project)
    assert path.parent.resolve() == (project / "decisions").resolve()
    assert path.name == f"0001-{slug}.md"
    decision = parse_decision(path.read_bytes(), path.name)
    assert decision.title is not None
    assert "\x00" not in path.read_text(encoding="utf-8")


def test_long_titles_get_a_bounded_file_name(project: Path) -> None:
    title = "Decide " + "very " * 200 + "carefully"
    path = created(adr("new", title, cwd=project).stdout, project)
    assert len(path.name.encode("utf-8")) <= 200
    assert re.fullmatch(r"0001-decide(-very)+\.md", path.name)
    assert parse_decision(path.read_bytes(), path.name).title == title


def test_long_titles_in_wide_scripts_stay_below_the_byte_limit(project: Path) -> None:
    path = created(adr("new", "决" * 1000, cwd=project).stdout, project)
    assert len(path.name.encode("utf-8")) <= 200


def test_template_syntax_in_titles_is_written_literally(project: Path) -> None:
    title = "Use {{ 7 * 7 }} and {% if x %} in titles"
    path = created(adr("new", title, cwd=project).stdout, project)
    text = path.read_text(encoding="utf-8")
    assert f"# {title}\n" in text
    assert "49" not in text
    assert parse_decision(text, path.name).title == title


def test_markup_that_would_break_the_heading_is_escaped(project: Path) -> None:
    path = created(adr("new", "Support <script> in C #", cwd=project).stdout, project)
    assert parse_decision(path.read_bytes(), path.name).title == "Support <script> in C #"


def test_project_templates_override_the_package(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\nplugins:\n  - madr:\n      templates_dir: overrides\n",
            "overrides/records/madr4.md": """
                ---
                status: {{ status | yaml_quoted }}
                date: {{ date }}
                ---
                # {{ title | inline }}

                Our own template, record {{ id }}.
            """,
            "overrides/records/team.md": "# {{ title }}\n\n* Status: {{ status }}\n",
        },
    )
    (tmp_path / "decisions").mkdir()
    own = created(adr("new", "Use our template", cwd=tmp_path).stdout, tmp_path)
    assert "Our own template, record 0001." in own.read_text(encoding="utf-8")
    team = created(adr("new", "Team style", "--template", "team", cwd=tmp_path).stdout, tmp_path)
    assert parse_decision(team.read_bytes(), team.name).status == "proposed"


def test_a_template_can_be_a_path(project: Path) -> None:
    write(project, {"my-template.md": "# {{ title }}\n\n* Status: {{ status }}\n"})
    result = adr("new", "From a file", "--template", "my-template.md", cwd=project)
    path = created(result.stdout, project)
    assert path.read_text(encoding="utf-8") == "# From a file\n\n* Status: proposed\n"


def test_statuses_outside_the_vocabulary_warn(project: Path) -> None:
    result = adr("new", "Maybe later", "--status", "on hold", cwd=project)
    assert result.code == 0
    assert "warning: status 'on hold' is not one of the configured statuses" in result.stderr
    path = created(result.stdout, project)
    assert parse_decision(path.read_bytes(), path.name).status == "on hold"


def test_edit_opens_the_editor(project: Path) -> None:
    write(
        project,
        {"editor.py": "import sys\nopen(sys.argv[1], 'a').write('edited\\n')\n"},
    )
    editor = f'"{sys.executable}" "{project / "editor.py"}"'
    result = adr("new", "Edit me", "--edit", cwd=project, env={"VISUAL": editor})
    assert result.code == 0, result.stderr
    assert created(result.stdout, project).read_text(encoding="utf-8").endswith("edited\n")


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["Title", "--dir", "missing"], {}, "missing: no such folder"),
        (["Title", "--template", "nope"], {}, "unknown template 'nope'"),
        (["Title", "--template", "nope.md"], {}, "nope.md: no such template file"),
        (["   "], {}, "the title is empty"),
        (["Title", "--status", "accepted\nrejected"], {}, "invalid status 'accepted\\nrejected'"),
        (["Title", "--status", " "], {}, "the status is empty"),
        (["Title", "--edit"], {"VISUAL": "", "EDITOR": ""}, "--edit: set the VISUAL or EDITOR"),
        (["Title", "--supersedes", "9"], {}, "no record '9' to supersede"),
        (["Title", "--config-file", "none.yml"], {}, "none.yml: no such configuration file"),
    ],
)
def test_failures_are_one_line(
    project: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    before = sorted(os.listdir(project / "decisions"))
    line = one_line_error(adr("new", *args, cwd=project, env=env))
    assert expected in line
    assert sorted(os.listdir(project / "decisions")) == before


def test_a_broken_template_names_its_line(project: Path) -> None:
    write(project, {"broken.md": "# {{ title }}\n\n{% if %}\n"})
    line = one_line_error(adr("new", "Title", "--template", "broken.md", cwd=project))
    assert "broken.md:3: template error" in line


def test_a_missing_editor_is_reported(project: Path) -> None:
    result = adr("new", "Title", "--edit", cwd=project, env={"VISUAL": "no-such-editor-xyz"})
    assert "no-such-editor-xyz: cannot start the editor" in one_line_error(result)


def test_read_only_folders_are_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("mkdocs_madr.cli.files.os.open", denied)
    line = one_line_error(adr("new", "Title", cwd=project))
    assert "permission denied" in line.lower()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_read_only_folders_are_refused_for_real(project: Path) -> None:
    folder = project / "decisions"
    folder.chmod(0o555)
    try:
        line = one_line_error(adr("new", "Title", cwd=project))
    finally:
        folder.chmod(0o755)
    assert "permission denied" in line.lower()


def test_the_real_command_prints_the_path(project: Path) -> None:
    result = adr_process("new", "Use a real process", cwd=project)
    assert result.code == 0, result.stderr
    assert result.stdout == os.path.join("decisions", "0001-use-a-real-process.md") + "\n"


def test_the_real_command_fails_in_one_line(tmp_path: Path) -> None:
    result = adr_process("new", "Nowhere", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.startswith("adr: ")
    assert result.stderr.count("\n") == 1


def test_new_does_not_load_the_reader(project: Path) -> None:
    probe = (
        "import sys\n"
        "from mkdocs_madr.cli.main import main\n"
        "sys.argv = ['adr', 'new', 'Fast start']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('mkdocs', 'markdown_it', 'material', 'markdown'))\n"
        "print(heavy, file=sys.stderr)\n"
    )
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, check=True
    )
    assert done.stderr.strip() == "[]"
    assert (project / "decisions" / "0001-fast-start.md").is_file()
