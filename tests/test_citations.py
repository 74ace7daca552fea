"""`adr refs`, "Cited in" and `cites-superseded`: citations of records in the files of a
repository (code in several languages, configuration, docs), read as Git lists them or, outside
a checkout, without what `.gitignore` excludes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from mkdocs_madr.core.citations.finder import RecordIndex, find_citations
from mkdocs_madr.core.model import Decision
from support import BuildSite, base_config
from test_cli_helpers import adr, write

RECORDS: dict[str, str | bytes] = {
    "decisions/0001-use-postgres.md": "---\nstatus: accepted\n---\n# Use Postgres\n",
    "decisions/0002-queue-on-rabbitmq.md": (
        "---\nstatus: superseded by [ADR-0003](0003-queue-on-nats.md)\n---\n# Queue on RabbitMQ\n"
    ),
    "decisions/0003-queue-on-nats.md": (
        "---\nstatus: accepted\n---\n# Queue on NATS\n\n"
        "Supersedes [ADR-0002](0002-queue-on-rabbitmq.md)\n"
    ),
    "decisions/0004-soap.md": "---\nstatus: rejected\n---\n# Use SOAP\n",
    "decisions/0005-ftp.md": "---\nstatus: deprecated\n---\n# Ship files over FTP\n",
}
CODE: dict[str, str | bytes] = {
    "src/db.py": "import psycopg\n\n# ADR-0001: one database\nPOOL = 10  # see adr 1\n",
    "src/queue.ts": "// Queue client, per ADR 3\nexport const url = 'nats://bus';\n",
    "cmd/worker/main.go": "package main\n\n// Deprecated queue, ADR-0002.\nfunc main() {}\n",
    "crates/bus/src/lib.rs": "/// Payloads follow ADR_3 and ADR #1\npub fn send() {}\n",
    "deploy/values.yaml": (
        "queue:\n  kind: rabbitmq  # decisions/0002-queue-on-rabbitmq.md\n"
        "  legacy: soap  # ADR-4 madr-ignore: cites-superseded\n"
    ),
    "infra/main.tf": 'resource "x" "y" {\n  # https://example.org/decisions/0005-ftp/\n}\n',
    "Dockerfile": "FROM python:3.12\n# ADR-0001\n",
    "docs/guide.md": "The queue is in `decisions/0003-queue-on-nats.md`.\n",
    "README.md": "Dates like 2024-01-15, numbers like 12-factor and ADR-99 cite nothing.\n",
    "build/out.js": "// ADR-0002 in a build output, ignored by .gitignore\n",
    "notes.log": "ADR-0002 in a log\n",
    ".gitignore": "build/\n*.log\n",
    "assets/logo.png": b"\x89PNG\r\n\x1a\n\x00\x00ADR-0002",
    "mkdocs.yml": "site_name: x\nplugins:\n  - madr\n",
}
EXPECTED = [
    ("Dockerfile", 2, "0001"),
    ("cmd/worker/main.go", 3, "0002"),
    ("crates/bus/src/lib.rs", 1, "0003"),
    ("crates/bus/src/lib.rs", 1, "0001"),
    ("deploy/values.yaml", 2, "0002"),
    ("deploy/values.yaml", 3, "0004"),
    ("docs/guide.md", 1, "0003"),
    ("infra/main.tf", 2, "0005"),
    ("src/db.py", 3, "0001"),
    ("src/db.py", 4, "0001"),
    ("src/queue.ts", 1, "0003"),
]
SUPERSEDED = [
    ("cmd/worker/main.go", 3),
    ("deploy/values.yaml", 2),
    ("infra/main.tf", 2),
]


def _repository(root: Path, *, git: bool) -> Path:
    write(root, {**RECORDS, **CODE})
    if git:
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def _refs(root: Path, *args: str) -> dict[str, Any]:
    result = adr("refs", "--format", "json", *args, cwd=root)
    assert result.code == 0, result
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("git", [True, False], ids=["git", "no-git"])
def test_refs_finds_citations_in_code_configs_and_docs(tmp_path: Path, git: bool) -> None:
    data = _refs(_repository(tmp_path, git=git))
    assert [(c["path"], c["line"], c["id"]) for c in data["citations"]] == EXPECTED
    assert [(d["file"], d["line"]) for d in data["diagnostics"]] == SUPERSEDED
    assert {d["code"] for d in data["diagnostics"]} == {"cites-superseded"}


def test_the_diagnostic_names_the_successor_or_the_status(tmp_path: Path) -> None:
    data = _refs(_repository(tmp_path, git=True))
    messages = [d["message"] for d in data["diagnostics"]]
    assert messages == [
        "cites ADR-0002 (Queue on RabbitMQ), which is superseded by ADR-0003 (Queue on NATS)",
        "cites ADR-0002 (Queue on RabbitMQ), which is superseded by ADR-0003 (Queue on NATS)",
        "cites ADR-0005 (Ship files over FTP), which is deprecated",
    ]


def test_refs_prints_path_line_code_message_and_fails_only_when_strict(tmp_path: Path) -> None:
    root = _repository(tmp_path, git=True)
    result = adr("refs", cwd=root)
    assert result.code == 0
    assert "src/queue.ts:1: 0003 Queue on NATS (accepted)" in result.stdout.splitlines()
    assert (
        "cmd/worker/main.go:3: cites-superseded: cites ADR-0002 (Queue on RabbitMQ), which is "
        "superseded by ADR-0003 (Queue on NATS)"
    ) in result.stdout.splitlines()
    assert result.stderr.strip() == "11 citations of 5 records in 8 files: 3 warnings"
    assert adr("refs", "--strict", cwd=root).code == 1


def test_refs_scans_the_paths_named(tmp_path: Path) -> None:
    root = _repository(tmp_path, git=True)
    data = _refs(root, "src", "deploy/values.yaml")
    assert [(c["path"], c["line"]) for c in data["citations"]] == [
        ("src/db.py", 3),
        ("src/db.py", 4),
        ("src/queue.ts", 1),
        ("deploy/values.yaml", 2),
        ("deploy/values.yaml", 3),
    ]
    missing = adr("refs", "nowhere", cwd=root)
    assert missing.code == 2
    assert "nowhere: no such file or folder" in missing.stderr


def test_include_and_exclude_narrow_the_scan(tmp_path: Path) -> None:
    root = _repository(tmp_path, git=True)
    (root / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - madr:\n      citations:\n"
        "        include: [/src/, /deploy/]\n        exclude: ['*.ts']\n",
        encoding="utf-8",
    )
    data = _refs(root)
    assert sorted({c["path"] for c in data["citations"]}) == ["deploy/values.yaml", "src/db.py"]


def test_a_bad_citations_option_is_refused(tmp_path: Path) -> None:
    config = "plugins:\n  - madr:\n      citations: {inclde: x}\n"
    write(tmp_path, {**RECORDS, "mkdocs.yml": config})
    result = adr("refs", cwd=tmp_path)
    assert result.code == 2
    assert "madr.citations: unknown key 'inclde'; known: include, exclude" in result.stderr


def test_lint_strict_fails_on_a_superseded_citation(tmp_path: Path) -> None:
    root = _repository(tmp_path, git=True)
    result = adr("lint", "--strict", cwd=root)
    assert result.code == 1
    assert (
        "infra/main.tf:2: cites-superseded: cites ADR-0005 (Ship files over FTP), which is "
        "deprecated"
    ) in result.stdout.splitlines()
    (root / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - madr:\n      citations: false\n", encoding="utf-8"
    )
    assert adr("lint", "--strict", cwd=root).code == 0


def test_categories_are_cited_by_qualified_ids() -> None:
    records = [
        Decision("platform/0001-a.md", "0001", number=1, category="platform", slug="0001-a"),
        Decision("data/0001-b.md", "0001", number=1, category="data", slug="0001-b"),
    ]
    index = RecordIndex(records)
    text = b"platform/ADR-0001\ndata ADR-1 and data:ADR-0001\nADR-0001 alone is ambiguous\n"
    found = [(c.line, c.key) for c in find_citations(text, "x.py", index)]
    assert found == [(1, "platform/0001"), (2, "data/0001")]


def test_mkdocs_build_lists_citations_and_strict_fails_on_a_superseded_one(
    build_site: BuildSite, tmp_path: Path
) -> None:
    root = _repository(tmp_path / "project", git=True)
    files = {name: content for name, content in {**RECORDS, **CODE}.items() if name != "mkdocs.yml"}
    config = base_config(decisions_dir="decisions")
    site = build_site(files, config, root=root)
    warnings = [w for w in site.warnings() if "cites-superseded" in w]
    assert warnings == [
        "madr: cmd/worker/main.go:3: cites-superseded: cites ADR-0002 (Queue on RabbitMQ), which "
        "is superseded by ADR-0003 (Queue on NATS)",
        "madr: deploy/values.yaml:2: cites-superseded: cites ADR-0002 (Queue on RabbitMQ), which "
        "is superseded by ADR-0003 (Queue on NATS)",
        "madr: infra/main.tf:2: cites-superseded: cites ADR-0005 (Ship files over FTP), which is "
        "deprecated",
    ]
    page = site.html("decisions/0003-queue-on-nats/")
    cited = page.split('<p class="madr-meta madr-cited"><b>Cited in</b>', 1)[1].split("</p>")[0]
    assert cited.count('<span class="madr-meta__item">') == 3
    assert (
        '<a class="madr-cited__place" '
        'href="https://github.com/example/repo/blob/main/crates/bus/src/lib.rs#L1">'
        "<code>crates/bus/src/lib.rs:1</code></a>"
    ) in cited
    assert "docs/guide.md:1" in cited
    assert "src/queue.ts:1" in cited
    with pytest.raises(Abort):
        build_site(files, config, root=root, strict=True)
    quiet = base_config(decisions_dir="decisions", citations=False)
    assert build_site(files, quiet, root=root, strict=True).warnings() == []


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        (b"see ADR-0003", ["0003"]),
        (b"see ADR 3, ADR_3 or ADR #3", ["0003"]),  # once per line
        (b"ADR3 and adr-3", ["0003"]),
        (b"adr3 = load()  # a name in code", []),
        (b"radr-3 and x-adr-3 are words", []),
        (b"ADR-30 is no record; ADR-3x neither", []),
        (b"the file 0003-queue-on-nats.md", ["0003"]),
        (b"https://x.org/decisions/0003-queue-on-nats/#context", ["0003"]),
        (b"../decisions/0003-queue-on-nats.html", ["0003"]),
        (b"0003-queue-on-nats-v2.md is another file", []),
        (b"2024-01-15 and 12-factor", []),
    ],
)
def test_what_counts_as_a_citation(text: bytes, cited: list[str]) -> None:
    record = Decision("0003-queue-on-nats.md", "0003", number=3, slug="0003-queue-on-nats")
    index = RecordIndex([record])
    assert [c.key for c in find_citations(text, "x", index)] == cited


def test_a_cited_place_is_text_in_the_page(build_site: BuildSite, tmp_path: Path) -> None:
    root = tmp_path / "project"
    files: dict[str, str | bytes] = {
        **RECORDS,
        'src/<img src=x onerror="alert(1)">.py': "# ADR-0001\n",
    }
    site = build_site(files, base_config(decisions_dir="decisions"), root=root)
    page = site.html("decisions/0001-use-postgres/")
    assert "<img src=x" not in page
    assert "<code>src/&lt;img src=x onerror=&#34;alert(1)&#34;&gt;.py:1</code>" in page


def test_the_health_page_lists_replaced_decisions_still_cited(
    build_site: BuildSite, tmp_path: Path
) -> None:
    root = _repository(tmp_path / "project", git=True)
    files = {name: content for name, content in {**RECORDS, **CODE}.items() if name != "mkdocs.yml"}
    site = build_site(files, base_config(decisions_dir="decisions"), root=root)
    body = site.html("decisions/health/").split('id="still-cited"', 1)[1]
    assert "ADR-0002: Queue on RabbitMQ</a>" in body
    assert "<code>cmd/worker/main.go:3, deploy/values.yaml:2</code>" in body
    assert "ADR-0005: Ship files over FTP</a>" in body
    assert "ADR-0003" not in body  # in force, and cited
    quiet = build_site(files, base_config(decisions_dir="decisions", citations=False), root=root)
    assert 'id="still-cited"' not in quiet.html("decisions/health/")


@pytest.mark.parametrize("git", [False, True])
def test_a_site_built_into_the_project_is_not_read(tmp_path: Path, git: bool) -> None:
    """`mkdocs build -d public` leaves pages that repeat what the records say."""
    from mkdocs_madr.core.citations.files import repository_files

    root = tmp_path / "project"
    for name in ("src/app.py", "public/index.html", "public/sitemap.xml.gz", "public/x/index.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("ADR-0001\n", encoding="utf-8")
    (root / "notes/index.html").parent.mkdir(parents=True)
    (root / "notes/index.html").write_text("ADR-0001\n", encoding="utf-8")  # no sitemap: read
    if git:
        subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert repository_files(root) == ["notes/index.html", "src/app.py"]


def test_the_folder_adr_reads_is_not_read_for_citations(tmp_path: Path) -> None:
    """`adr lint --dir adr` in a project without mkdocs.yml: the folder's own index page and
    template list every record, superseded or not; they lean on nothing."""
    write(
        tmp_path,
        {
            "adr/0001-queue-on-rabbitmq.md": "# Queue on RabbitMQ\n\n* Status: superseded by "
            "[ADR-0002](0002-queue-on-nats.md)\n",
            "adr/0002-queue-on-nats.md": "# Queue on NATS\n\n* Status: accepted\n\n"
            "Supersedes [ADR-0001](0001-queue-on-rabbitmq.md)\n",
            "adr/index.md": "# Decisions\n\n- [ADR-0001](0001-queue-on-rabbitmq.md)\n"
            "- [ADR-0002](0002-queue-on-nats.md)\n",
            "adr/template.md": "# Title\n\nSee ADR-0001 for the format.\n",
            "src/bus.py": "# Connects to RabbitMQ, as ADR-0001 said.\n",
        },
    )
    result = adr("lint", "--no-cache", "--dir", "adr", cwd=tmp_path)
    cited = [line for line in result.stdout.splitlines() if "cites-superseded" in line]
    assert cited == [
        "src/bus.py:1: cites-superseded: cites ADR-0001 (Queue on RabbitMQ), which is superseded "
        "by ADR-0002 (Queue on NATS)"
    ]
