"""Decisions in force: accepted (or a team's word for it) and not superseded entirely; in
`adr list`, `decisions.json`, the In force page and the decision log's filter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from support import BuildSite, base_config
from test_cli_helpers import adr, write

RECORDS: dict[str, str | bytes] = {
    "decisions/0001-postgres.md": """
        # 1. Use Postgres

        Status: accepted

        ## Decision Outcome

        Chosen option: "Postgres", because it is boring.
        """,
    "decisions/0002-redis.md": "---\nstatus: approved\ntags: [data]\n---\n# Cache in Redis\n",
    "decisions/0003-rabbit.md": (
        "---\nstatus: superseded by [ADR-0005](0005-nats.md)\n---\n# Queue on RabbitMQ\n"
    ),
    "decisions/0004-json.md": """
        ---
        status: accepted
        tags: [messaging, Data]
        c4: [bus]
        ---
        # JSON payloads over HTTP

        Parts of this ADR were superseded by [ADR-0006](0006-msgpack.md).
        """,
    "decisions/0005-nats.md": (
        "---\nstatus: accepted\n---\n# Queue on NATS\n\nSupersedes [ADR-0003](0003-rabbit.md)\n"
    ),
    "decisions/0006-msgpack.md": (
        "---\nstatus: accepted\n---\n# MessagePack payloads\n\n"
        "In part supersedes [ADR-0004](0004-json.md)\n"
    ),
    "decisions/0007-grpc.md": "---\nstatus: proposed\n---\n# Try gRPC\n",
    "decisions/0008-soap.md": "---\nstatus: rejected\n---\n# Use SOAP\n",
    "decisions/0009-ftp.md": (
        "---\nstatus: accepted\n---\n# Ship files over FTP\n\n"
        "Superseded by [ADR-0005](0005-nats.md)\n"
    ),
}
IN_FORCE = ["0001", "0002", "0004", "0005", "0006"]


def test_list_json_says_which_records_are_in_force(tmp_path: Path) -> None:
    write(tmp_path, RECORDS)
    listed = json.loads(adr("list", "--format", "json", cwd=tmp_path).stdout)["decisions"]
    assert [d["id"] for d in listed if d["in_force"]] == IN_FORCE
    assert all(isinstance(d["in_force"], bool) for d in listed)


def test_list_in_force_lists_only_those(tmp_path: Path) -> None:
    write(tmp_path, RECORDS)
    table = adr("list", "--in-force", cwd=tmp_path).stdout.splitlines()
    assert [line.split()[0] for line in table[1:]] == IN_FORCE
    listed = json.loads(adr("list", "--in-force", "--format", "json", cwd=tmp_path).stdout)
    assert [d["id"] for d in listed["decisions"]] == IN_FORCE
    both = adr("list", "--in-force", "--status", "approved", cwd=tmp_path).stdout.splitlines()
    assert [line.split()[0] for line in both[1:]] == ["0002"]


def test_nothing_in_force_is_said(tmp_path: Path) -> None:
    write(tmp_path, {"decisions/0001-a.md": "---\nstatus: proposed\n---\n# A\n"})
    result = adr("list", "--in-force", cwd=tmp_path)
    assert result.code == 0
    assert result.stdout == ""
    assert "no records in force" in result.stderr


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr data-key="([^"]+)"', html)


def test_the_site_publishes_in_force_and_its_page(build_site: BuildSite) -> None:
    site = build_site(RECORDS, base_config(decisions_dir="decisions"), strict=False)
    data: dict[str, Any] = site.json("decisions.json")
    assert [d["id"] for d in data["decisions"] if d["in_force"]] == IN_FORCE
    page = site.html("decisions/in-force/")
    table = page.split('<table class="madr-in-force__table">', 1)[1].split("</table>", 1)[0]
    assert _rows(table) == IN_FORCE
    json_row = table.split('data-key="0004"', 1)[1].split("</tr>", 1)[0]
    assert "Partly superseded by" in json_row
    assert 'href="../0006-msgpack/">ADR-0006: MessagePack payloads</a>' in json_row
    assert "Postgres" in table.split('data-key="0001"', 1)[1].split("</tr>", 1)[0]
    groups = page.split("</table>", 1)[1]
    assert ">By tag</h2>" in groups
    assert ">By architecture element</h2>" in groups
    # `data` and `Data` are one tag, spelt as first seen, linked to the log's filter
    assert groups.count('href="../?tag=data"') == 1
    assert "By category" not in groups  # no subfolders
    ours = page.split('<div class="madr-in-force">', 1)[1].split("</article>", 1)[0]
    assert "Try gRPC" not in ours
    assert "Use SOAP" not in ours
    assert "FTP" not in ours


def test_the_log_filters_by_in_force(build_site: BuildSite) -> None:
    site = build_site(RECORDS, base_config(decisions_dir="decisions"))
    log = site.html("decisions/")
    assert '<select data-madr-filter="in_force">' in log
    marked = re.findall(r'<tr data-key="([^"]+)"[^>]*\bdata-in-force\b', log)
    assert marked == IN_FORCE


def test_the_page_can_be_turned_off_and_categories_group(build_site: BuildSite) -> None:
    files: dict[str, str | bytes] = {
        "decisions/platform/0001-talos.md": "---\nstatus: accepted\n---\n# Talos\n",
        "decisions/data/0001-milvus.md": "---\nstatus: accepted\n---\n# Milvus\n",
    }
    site = build_site(files, base_config(decisions_dir="decisions"))
    page = site.html("decisions/in-force/")
    assert ">By category</h2>" in page
    assert page.index("<strong>data</strong>") < page.index("<strong>platform</strong>")
    off = build_site(files, base_config(decisions_dir="decisions", in_force=False))
    assert not (off.site_dir / "decisions" / "in-force").exists()
