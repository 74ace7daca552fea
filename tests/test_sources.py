"""One decision log for many repositories (`sources:`): a folder, a Git checkout and another
site's `decisions.json` served over HTTP, with relations across them, in real builds."""

from __future__ import annotations

import html
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.model import RelationKind
from support import BuildSite, Site, base_config, write_tree

OWN = {
    "decisions/0001-record-decisions.md": """
        # Record architecture decisions

        * Status: accepted
        * Date: 2025-01-10
    """,
    "decisions/0002-use-argo-for-batch.md": """
        ---
        status: accepted
        date: 2025-03-01
        supersedes: workflows:0001
        amends: [ops:2]
        relates-to: catalog:0002
        ---
        # Use Argo for batch jobs

        ## Context and Problem Statement

        Batch jobs move to Argo.
    """,
    "decisions/0003-broken-links.md": """
        ---
        status: proposed
        date: 2025-04-01
        amends: workflows:0042
        relates-to: nowhere:0001
        ---
        # Links to nothing
    """,
}

WORKFLOWS = {
    "0001-use-temporal.md": """
        ---
        status: superseded
        date: 2024-05-01
        ---
        # Use Temporal for every workflow
    """,
    "0002-keep-temporal-for-agents.md": """
        ---
        status: accepted
        date: 2024-09-01
        amends: 0001
        ---
        # Keep Temporal for agent workflows
    """,
}

OPS = {
    "0001-gitops.md": """
        * Status: accepted
        * Date: 2024-02-01

        # GitOps for the cluster
    """,
    "0002-flux.md": """
        * Status: accepted
        * Date: 2024-02-10

        # Flux reconciles the cluster

        Relates to [0001](0001-gitops.md).
    """,
}

CATALOG_JSON: dict[str, Any] = {
    "version": 1,
    "decisions": [
        {
            "id": "0001",
            "key": "0001",
            "source": None,
            "number": 1,
            "category": "",
            "file": "0001-one-catalogue.md",
            "slug": "0001-one-catalogue",
            "title": "One catalogue of datasets",
            "status": "accepted",
            "date": "2024-01-05",
            "supersedes": [],
            "superseded_by": [],
            "amends": [],
            "amended_by": [],
            "relates_to": [],
            "url": "decisions/0001-one-catalogue/",
        },
        {
            "id": "0002",
            "key": "0002",
            "source": None,
            "number": 2,
            "category": "",
            "file": "0002-milvus-index.md",
            "slug": "0002-milvus-index",
            "title": "Index embeddings in <Milvus>",
            "status": "accepted",
            "date": "2024-06-01",
            "supersedes": ["0001"],
            "superseded_by": [],
            "amends": [],
            "amended_by": [],
            "relates_to": [],
            "url": "decisions/0002-milvus-index/",
        },
        {
            "id": "0003",
            "key": "0003",
            "source": None,
            "title": "A record whose address is a script",
            "status": "accepted",
            "url": "javascript:alert(1)",
        },
        {
            "id": "other:0009",
            "key": "other:0009",
            "source": "other",
            "title": "A record the catalogue took from elsewhere",
            "status": "accepted",
        },
    ],
    "diagnostics": [],
}


class _Server:
    """A local HTTP server for one `decisions.json`, whose answer a test can change."""

    def __init__(self) -> None:
        self.body = json.dumps(CATALOG_JSON).encode()
        self.content_type = "application/json"
        self.status = 200
        self.requests = 0
        served = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                served.requests += 1
                self.send_response(served.status)
                self.send_header("Content-Type", served.content_type)
                self.send_header("Content-Length", str(len(served.body)))
                self.end_headers()
                self.wfile.write(served.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/catalog/decisions.json"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    served = _Server()
    yield served
    served.stop()


def _git_checkout(folder: Path, files: dict[str, str]) -> Path:
    """A Git repository with the records committed in `decisions/`, as a checkout would be."""
    write_tree(folder / "decisions", files)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    run = {"cwd": folder, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q", "-b", "main"], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "add", "."], **run)  # type: ignore[call-overload]
    subprocess.run(  # type: ignore[call-overload]
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "x"],
        **run,
    )
    return folder / "decisions"


def _three_sources(tmp_path: Path, server: _Server) -> dict[str, Any]:
    write_tree(tmp_path / "ops-decisions", OPS)
    _git_checkout(tmp_path / "workflows-repo", WORKFLOWS)
    return base_config(
        sources=[
            {
                "name": "workflows",
                "path": "../workflows-repo/decisions",
                "edit_uri": "https://git.example.org/workflows/edit/main/decisions/",
            },
            {"name": "ops", "path": "../ops-decisions"},
            {"name": "catalog", "url": server.url},
        ]
    )


def _build(build_site: BuildSite, tmp_path: Path, server: _Server) -> Site:
    return build_site(OWN, _three_sources(tmp_path, server))


def test_source_records_get_pages_banners_and_edit_links(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    site = _build(build_site, tmp_path, server)
    page = site.html("decisions/workflows/0001-use-temporal/")
    assert re.search(
        r'madr-banner--superseded-by.*?href="\.\./\.\./0002-use-argo-for-batch/"', page, re.S
    )
    assert 'href="https://git.example.org/workflows/edit/main/decisions/0001-use-temporal.md"' in (
        page
    )
    assert "edit/main/docs/" not in page  # never the site's own repository
    own = site.html("decisions/0002-use-argo-for-batch/")
    assert re.search(
        r'madr-banner--supersedes.*?href="\.\./workflows/0001-use-temporal/"', own, re.S
    )
    assert re.search(r'madr-banner--amends.*?href="\.\./ops/0002-flux/"', own, re.S)
    # A record of another site links to its page there.
    catalog = server.url.rsplit("/", 1)[0] + "/decisions/0002-milvus-index/"
    assert f'href="{catalog}"' in own
    # Within a source, ids are the source's own: `amends: 0001` is workflows' 0001.
    kept = site.html("decisions/workflows/0002-keep-temporal-for-agents/")
    assert re.search(r'madr-banner--amends.*?href="\.\./0001-use-temporal/"', kept, re.S)
    ops = site.html("decisions/ops/0001-gitops/")
    assert "edit/main/docs/" not in ops
    assert "md-content__button" not in ops


def test_unknown_source_or_id_is_reported_with_file_and_line(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    site = _build(build_site, tmp_path, server)
    warnings = site.warnings()
    assert any(
        w.startswith("madr: decisions/0003-broken-links.md:4: unresolved-relation")
        and "workflows:0042" in w
        for w in warnings
    ), warnings
    assert any(
        w.startswith("madr: decisions/0003-broken-links.md:5: unknown-source")
        and "no source named 'nowhere'" in w
        for w in warnings
    ), warnings


def test_graph_and_log_take_in_every_source(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    site = _build(build_site, tmp_path, server)
    graph = site.html("decisions/graph/")
    source = html.unescape(re.search(r'madr-mermaid__source" hidden>(.*?)</pre>', graph, re.S)[1])
    links = json.loads(html.unescape(re.search(r"data-madr-links='(.*?)'", graph)[1]))
    nodes = dict(re.findall(r'(n\d+)\["([^"]*?)<br/>', source))
    by_title = {title: node for node, title in nodes.items()}
    own = by_title["ADR-0002: Use Argo for batch jobs"]
    temporal = by_title["workflows ADR-0001: Use Temporal for every workflow"]
    milvus = next(node for title, node in by_title.items() if "Milvus" in title)
    assert f"{own} ==>|supersedes| {temporal}" in source
    assert links[temporal] == "../workflows/0001-use-temporal/"
    assert links[milvus].startswith("http://127.0.0.1:")
    log = site.html("decisions/")
    for key in ("workflows:0001", "ops:0002", "catalog:0002", "0002"):
        assert f'data-key="{key}"' in log
    assert "other:0009" not in log  # the catalogue's own source is not taken in
    assert "<Milvus>" not in log
    assert "&lt;Milvus&gt;" in log


def test_decisions_json_qualifies_ids_and_names_the_source(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    site = _build(build_site, tmp_path, server)
    published = {entry["key"]: entry for entry in site.json("decisions.json")["decisions"]}
    assert published["0002"]["id"] == "0002"
    assert published["0002"]["source"] is None
    assert published["workflows:0001"]["id"] == "workflows:0001"
    assert published["workflows:0001"]["source"] == "workflows"
    assert published["workflows:0001"]["superseded_by"] == ["0002"]
    assert published["0002"]["supersedes"] == ["workflows:0001"]
    assert published["catalog:0002"]["source"] == "catalog"
    assert published["catalog:0002"]["url"].startswith("http://127.0.0.1:")
    assert published["catalog:0002"]["supersedes"] == ["catalog:0001"]
    assert published["ops:0002"]["relates_to"] == ["ops:0001"]
    assert published["catalog:0003"]["url"] is None  # `javascript:` is no page address
    assert "javascript:" not in site.html("decisions/")
    assert "javascript:" not in site.html("decisions/graph/")


def test_offline_build_uses_the_last_good_copy_and_says_so(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    config = _three_sources(tmp_path, server)
    build_site(OWN, config)
    server.stop()
    site = build_site(OWN, config)
    assert any(
        "source-offline" in w and "source 'catalog'" in w and "using the copy fetched on" in w
        for w in site.warnings()
    ), site.warnings()
    published = {entry["key"] for entry in site.json("decisions.json")["decisions"]}
    assert "catalog:0002" in published


@pytest.mark.parametrize(
    ("body", "content_type", "said"),
    [
        (b"{not json", "application/json", "not valid JSON"),
        (b'{"version": 99, "decisions": []}', "application/json", "format version is 99"),
        (b"<html></html>", "text/html", "sent text/html, not JSON"),
        (b'{"version": 1, "decisions": []}' + b" " * 5000, "application/json", "larger than"),
    ],
)
def test_a_source_that_cannot_be_read_is_named_and_the_rest_builds(
    build_site: BuildSite,
    tmp_path: Path,
    server: _Server,
    body: bytes,
    content_type: str,
    said: str,
) -> None:
    server.body, server.content_type = body, content_type
    config = _three_sources(tmp_path, server)
    config["plugins"][1]["madr"]["sources"][2]["max_size"] = 4096
    site = build_site(OWN, config)
    problems = [w for w in site.warnings() if "source 'catalog'" in w]
    assert len(problems) == 1, site.warnings()
    assert "source-unreadable" in problems[0]
    assert said in problems[0]
    assert problems[0].startswith("madr: mkdocs.yml:")
    published = {entry["key"] for entry in site.json("decisions.json")["decisions"]}
    assert {"0002", "workflows:0001", "ops:0001"} <= published
    assert not any(key.startswith("catalog:") for key in published)


def test_a_missing_folder_and_an_unreachable_url_are_named(
    build_site: BuildSite, tmp_path: Path
) -> None:
    config = base_config(
        sources=[
            {"name": "gone", "path": "../no-such-folder"},
            {"name": "down", "url": "http://127.0.0.1:9/decisions.json", "timeout": 2},
            {"name": "local", "url": (tmp_path / "nothing.json").as_uri()},
        ]
    )
    site = build_site(OWN, config)
    warnings = site.warnings()
    for name in ("gone", "down", "local"):
        assert any(f"source-unreadable: source '{name}'" in w for w in warnings), warnings
    assert site.html("decisions/0002-use-argo-for-batch/")


def test_a_source_that_cannot_be_read_lends_its_ids_to_no_record(build_site: BuildSite) -> None:
    """`workflows:0001` names the workflows folder's record even when that folder is gone: it
    never falls back to the site's own 0001."""
    site = build_site(OWN, base_config(sources=[{"name": "workflows", "path": "../gone"}]))
    warnings = site.warnings()
    assert any("unresolved-relation: supersedes 'workflows:0001'" in w for w in warnings), warnings
    assert not any("one-sided-supersede" in w for w in warnings), warnings
    assert "Superseded by" not in site.html("decisions/0001-record-decisions/")


def test_a_file_address_is_read(build_site: BuildSite, tmp_path: Path) -> None:
    document = tmp_path / "catalog" / "decisions.json"
    document.parent.mkdir()
    document.write_text(json.dumps(CATALOG_JSON), encoding="utf-8")
    config = base_config(
        sources=[
            {
                "name": "catalog",
                "url": document.as_uri(),
                "site_url": "https://catalog.example.org/",
            }
        ]
    )
    site = build_site(OWN, config)
    own = site.html("decisions/0002-use-argo-for-batch/")
    assert 'href="https://catalog.example.org/decisions/0002-milvus-index/"' in own


def _adr(*arguments: str) -> Any:
    from click.testing import CliRunner
    from mkdocs_madr.cli.main import cli

    return CliRunner().invoke(cli, list(arguments))


def test_adr_list_reads_the_sources_as_the_site_does(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    site = _build(build_site, tmp_path, server)
    config = str(site.root / "mkdocs.yml")
    result = _adr("list", "--format", "json", "--config-file", config)
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["decisions"]
    published = site.json("decisions.json")["decisions"]
    for entry in published:
        entry.pop("url")
    assert listed == published
    assert [d["id"] for d in listed if d["source"] is None] == ["0001", "0002", "0003"]

    table = _adr("list", "--source", "workflows", "--config-file", config)
    assert table.exit_code == 0, table.output
    rows = table.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["workflows:0001", "workflows:0002"]
    own = _adr("list", "--source", ".", "--format", "json", "--config-file", config)
    assert [d["key"] for d in json.loads(own.stdout)["decisions"]] == ["0001", "0002", "0003"]
    several = _adr("list", "--source", "ops", "--source", "catalog", "--config-file", config)
    assert [row.split()[0] for row in several.stdout.splitlines()[1:]] == [
        "catalog:0001",
        "catalog:0002",
        "catalog:0003",
        "ops:0001",
        "ops:0002",
    ]
    unknown = _adr("list", "--source", "nope", "--config-file", config)
    assert unknown.exit_code != 0
    assert "no source named 'nope' (sources: catalog, ops, workflows" in unknown.output


def test_adr_show_and_lint_know_qualified_ids(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    site = _build(build_site, tmp_path, server)
    config = str(site.root / "mkdocs.yml")
    shown = _adr("show", "workflows:1", "--config-file", config)
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("workflows:0001  Use Temporal for every workflow")
    assert "Superseded by: 0002" in shown.stdout
    lint = _adr("lint", "--config-file", config)
    assert "0003-broken-links.md:5: unknown-source" in lint.output


def test_the_example_site_takes_in_the_workflows_repository(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from support import REPO

    config = load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    site = Site(REPO, tmp_path / "site")
    old = site.html("decisions/workflows/0002-agent-runs-as-suspended-argo-workflows/")
    assert re.search(
        r'madr-banner--superseded-by.*?href="\.\./\.\./0010-dual-workflow-engines/"', old, re.S
    )
    assert (
        'href="https://github.com/billy-davies-2/llm-workflows/edit/main/decisions/'
        '0002-agent-runs-as-suspended-argo-workflows.md"'
    ) in old
    assert 'href="../../../diagrams/c4-container/#c4-argo"' in old
    queues = site.html("decisions/workflows/0003-separate-temporal-task-queues/")
    assert 'class="madr-term" href="../../../GLOSSARY/#term-temporal"' in queues
    new = site.html("decisions/0010-dual-workflow-engines/")
    assert re.search(
        r'madr-banner--supersedes.*?href="\.\./workflows/0002-agent-runs-as-suspended', new, re.S
    )
    published = {entry["key"]: entry for entry in site.json("decisions.json")["decisions"]}
    assert published["workflows:0002"]["superseded_by"] == ["0010"]
    assert [key for key in published if key.startswith("workflows:")] == [
        f"workflows:000{n}" for n in range(1, 5)
    ]


def test_the_log_and_directives_filter_by_source(
    build_site: BuildSite, tmp_path: Path, server: _Server
) -> None:
    files = {
        **OWN,
        "docs/lists.md": """
            # Lists

            <!-- madr:index source=workflows -->

            <!-- madr:timeline source=. -->

            <!-- madr:index source=elsewhere -->
        """,
    }
    site = build_site(files, _three_sources(tmp_path, server))
    log = site.html("decisions/")
    assert '<select data-madr-filter="source">' in log
    assert '<option value=".">This site</option>' in log
    assert 'data-key="workflows:0001" data-status="superseded"' in log
    assert re.search(r'data-key="workflows:0001"[^>]*data-source="workflows"', log)
    assert re.search(r'data-key="0002"[^>]*data-source="\."', log)
    lists = site.html("lists/")
    first, second = lists.split("madr-timeline", 1)
    assert "workflows:0002" in first
    assert 'data-key="0002"' not in first
    assert "Use Argo for batch jobs" in second
    assert "Keep Temporal for agent workflows" not in second
    assert any(
        "unknown-directive" in w and "no source 'elsewhere' (sources: catalog, ops, workflows" in w
        for w in site.warnings()
    ), site.warnings()


def test_a_site_without_sources_has_no_source_filter(build_site: BuildSite) -> None:
    log = build_site(OWN).html("decisions/")
    assert 'data-madr-filter="source"' not in log
    assert "data-source=" not in log


def test_a_prefix_names_a_source_only_when_it_is_not_an_id_prefix(tmp_path: Path) -> None:
    from mkdocs_madr.core.collection import load_collection

    write_tree(
        tmp_path,
        {
            "0001-a.md": "# A\n\n* Status: superseded\n",
            "0002-b.md": "---\nstatus: accepted\nsupersedes: 'ADR:1'\nrelates-to: ops:1\n---\n"
            "# B\n",
        },
    )
    collection = load_collection(tmp_path)
    second = collection.by_key["0002"]
    assert second.related(RelationKind.SUPERSEDES) == ["0001"]
    assert [d.code.value for d in collection.diagnostics] == ["unknown-source"]
    assert collection.diagnostics[0].line == 4
    assert collection.find("ops:1") is None
    assert collection.find("1") is collection.by_key["0001"]
