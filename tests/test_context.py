"""`adr context TARGET`: the decisions that govern a file or folder, an element or a topic, in
force first, as Markdown or JSON; on the bundled example (whose records carry `paths:` of the
platform's repository layout, and whose mkdocs.yml maps elements to folders) and on a small
repository whose code cites records."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from support import REPO
from test_cli_helpers import adr, write


def _keys(*args: str, cwd: Path = REPO) -> list[str]:
    result = adr("context", *args, "--format", "json", cwd=cwd)
    assert result.code == 0, result
    data: dict[str, Any] = json.loads(result.stdout)
    return [decision["key"] for decision in data["decisions"]]


def test_a_file_is_governed_by_paths_and_by_its_element() -> None:
    found = _keys("homelab-k8s2/kubernetes/apps/messaging/nats/helmrelease.yaml")
    # 0003 by its paths and its element; 0005 and 0007 by their elements (nats, flux's ks.yaml
    # does not match a helmrelease); the superseded 0004 last
    assert found == ["0003", "0005", "0004"]


def test_a_folder_gathers_the_records_of_what_it_holds() -> None:
    found = _keys("llm-workflows/")
    assert set(found) >= {"0005", "0006", "0008", "0009", "0010", "0011"}
    assert "0002" not in found  # Talos lives in homelab-k8s2/talos/


def test_an_element_lists_its_records_in_force_first() -> None:
    assert _keys("nats") == ["0003", "0005", "0004"]
    assert _keys("NATS") == ["0003", "0005", "0004"]


def test_a_topic_finds_words_in_titles_tags_and_options() -> None:
    assert _keys("vector store") == ["0009"]
    assert _keys("messagepack")[0] == "0005"


def test_markdown_is_ready_for_a_prompt() -> None:
    result = adr("context", "llm-workflows/src/retrieval/chunking.py", cwd=REPO)
    assert result.code == 0
    assert result.stdout.splitlines()[:4] == [
        "# Decisions for `llm-workflows/src/retrieval/chunking.py`",
        "",
        "## ADR-0009: Use Milvus as the vector store (in force)",
        "",
    ]
    assert "- Rules out: Qdrant; pgvector on PostgreSQL; Weaviate; Chroma" in result.stdout
    assert "- Applies because: element milvus (llm-workflows/src/retrieval/)" in result.stdout
    assert "- Record: decisions/0009-milvus-as-vector-store.md" in result.stdout
    assert "- Chosen: Milvus, because version 2.5" in result.stdout
    nothing = adr("context", "quantum teleportation", cwd=REPO)
    assert nothing.stdout.strip().endswith("No decision record governs this.")


def test_citations_in_a_file_govern_it_and_replaced_ones_say_so(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "decisions/0001-queue-on-rabbitmq.md": (
                "---\nstatus: superseded by [ADR-0002](0002-queue-on-nats.md)\n---\n"
                "# Queue on RabbitMQ\n"
            ),
            "decisions/0002-queue-on-nats.md": (
                "---\nstatus: accepted\npaths: ['**/*.go']\n---\n# Queue on NATS\n\n"
                "Supersedes [ADR-0001](0001-queue-on-rabbitmq.md)\n\n"
                "## Considered Options\n\n* NATS\n* RabbitMQ\n\n## Decision Outcome\n\n"
                'Chosen option: "NATS", because it is small.\n'
            ),
            "src/bus.go": "package bus\n\n// Reconnects as ADR-0001 says.\n",
        },
    )
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = adr("context", "src/bus.go", "--format", "json", cwd=tmp_path)
    decisions = json.loads(result.stdout)["decisions"]
    assert [(d["key"], d["in_force"], d["why"]) for d in decisions] == [
        ("0002", True, ["paths: **/*.go"]),
        ("0001", False, ["cited at src/bus.go:3"]),
    ]
    assert decisions[0]["rules_out"] == ["RabbitMQ"]
    assert decisions[0]["justification"] == "it is small."
    assert decisions[1]["superseded_by"] == ["ADR-0002"]
    text = adr("context", "src", cwd=tmp_path).stdout
    assert "## ADR-0001: Queue on RabbitMQ (not in force)" in text
    assert "- Superseded by: ADR-0002" in text
