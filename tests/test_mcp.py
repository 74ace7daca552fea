"""`adr mcp`: a client from the official MCP SDK starts the server as a subprocess and calls
every tool over stdio; the plugin and the other commands work without the SDK."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import anyio
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from support import REPO
from test_cli_helpers import ADR

READ_TOOLS = {
    "list_decisions",
    "get_decision",
    "search_decisions",
    "decisions_for_path",
    "decisions_in_force",
    "lint",
}


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "platform"
    root.mkdir()
    for name in ("decisions", "docs"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "include: [docs/]" in config
    config = config.replace("include: [docs/]", "include: [docs/, llm-workflows/]")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "llm-workflows/src/platform_events").mkdir(parents=True)
    (root / "llm-workflows/src/platform_events/envelope.py").write_text(
        "# The envelope encodes bodies as ADR-0004 said, before MessagePack.\n", encoding="utf-8"
    )
    return root


def _data(result: Any) -> Any:
    """A tool's answer, as data: its structured content (a list comes as {"result": [...]})."""
    assert not result.is_error, result
    structured = result.structured_content
    if structured is not None:
        return structured.get("result", structured) if set(structured) == {"result"} else structured
    return json.loads(result.content[0].text)


def _run(root: Path, calls: Any, *args: str) -> Any:
    """The client's calls, on an event loop of their own: the browser tests' Playwright keeps
    one running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, _session, root, calls, *args).result(timeout=120)


async def _session(root: Path, calls: Any, *args: str) -> Any:
    params = StdioServerParameters(command=ADR, args=["mcp", *args], cwd=root)
    with open(root / "server.log", "w", encoding="utf-8") as log:
        async with (
            stdio_client(params, errlog=log) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            return await calls(session)


def test_every_tool_over_stdio(tmp_path: Path) -> None:
    root = _project(tmp_path)

    async def calls(session: ClientSession) -> dict[str, Any]:
        found: dict[str, Any] = {}
        found["tools"] = {tool.name for tool in (await session.list_tools()).tools}
        found["all"] = _data(await session.call_tool("list_decisions", {}))
        found["nats"] = _data(
            await session.call_tool("list_decisions", {"element": "nats", "in_force": True})
        )
        found["one"] = _data(await session.call_tool("get_decision", {"id": "ADR-5"}))
        found["missing"] = await session.call_tool("get_decision", {"id": "99"})
        found["search"] = _data(await session.call_tool("search_decisions", {"query": "vector"}))
        found["path"] = _data(
            await session.call_tool(
                "decisions_for_path", {"path": "llm-workflows/src/platform_events/envelope.py"}
            )
        )
        found["outside"] = await session.call_tool("decisions_for_path", {"path": "../../"})
        found["force"] = _data(await session.call_tool("decisions_in_force", {}))
        found["lint"] = _data(await session.call_tool("lint", {}))
        found["created"] = _data(
            await session.call_tool(
                "create_decision", {"title": "Cache responses in Valkey", "tags": ["cache"]}
            )
        )
        again = {"title": "Cache responses in Valkey"}
        found["again"] = _data(await session.call_tool("create_decision", again))
        found["refused"] = await session.call_tool("create_decision", {"title": "  "})
        resources = (await session.list_resources()).resources
        found["resources"] = [str(resource.uri) for resource in resources]
        found["read"] = await session.read_resource("adr://decisions/0007")
        return found

    found = _run(root, calls, "--allow-write")
    assert found["tools"] == {*READ_TOOLS, "create_decision"}
    assert [d["key"] for d in found["all"]] == [f"{n:04d}" for n in range(1, 13)]
    assert [d["key"] for d in found["nats"]] == ["0003", "0005"]
    one = found["one"]
    assert one["key"] == "0005"
    assert one["in_force"] is True
    assert one["supersedes"] == ["0004"]
    assert one["markdown"].startswith("---\nstatus: accepted\n")
    assert found["missing"].is_error
    assert "no record '99'" in found["missing"].content[0].text
    assert [d["key"] for d in found["search"]] == ["0009"]
    path = found["path"]
    assert [(d["key"], d["in_force"]) for d in path] == [("0005", True), ("0004", False)]
    assert path[0]["why"][0] == "paths: llm-workflows/src/platform_events/"
    assert path[-1]["why"] == ["cited at llm-workflows/src/platform_events/envelope.py:1"]
    assert found["outside"].is_error
    assert "outside the project" in found["outside"].content[0].text
    assert "0004" not in [d["key"] for d in found["force"]]
    assert len(found["force"]) == 10
    cites = [d for d in found["lint"] if d["code"] == "cites-superseded"]
    assert [(d["file"], d["line"]) for d in cites] == [
        ("llm-workflows/src/platform_events/envelope.py", 1)
    ]
    assert found["created"] == {
        "file": "decisions/0013-cache-responses-in-valkey.md",
        "key": "0013",
        "status": "proposed",
    }
    assert found["again"]["file"] == "decisions/0014-cache-responses-in-valkey.md"
    assert found["refused"].is_error
    created = (root / "decisions/0013-cache-responses-in-valkey.md").read_text(encoding="utf-8")
    assert created.startswith('---\nstatus: "proposed"\n')
    assert "tags: [cache]" in created
    assert found["resources"][:2] == ["adr://decisions/0001", "adr://decisions/0002"]
    contents = found["read"].contents[0]
    assert contents.mime_type == "text/markdown"
    assert contents.text == (REPO / "decisions/0007-gitops-with-flux-cd.md").read_text(
        encoding="utf-8"
    )


def test_read_only_unless_allowed(tmp_path: Path) -> None:
    root = _project(tmp_path)

    async def calls(session: ClientSession) -> Any:
        tools = {tool.name for tool in (await session.list_tools()).tools}
        refused = await session.call_tool("create_decision", {"title": "Sneak in"})
        return tools, refused

    tools, refused = _run(root, calls)
    assert tools == READ_TOOLS
    assert refused.is_error
    assert sorted(path.name for path in (root / "decisions").iterdir())[-1].startswith("0012-")


BLOCKED = """
import sys
sys.modules["mcp"] = None  # as if the SDK were not installed
from click.testing import CliRunner
from mkdocs_madr.cli.main import cli
import mkdocs_madr.plugin
for args in (["list", "--in-force"], ["context", "nats"], ["refs", "docs"], ["mcp"]):
    result = CliRunner().invoke(cli, args)
    print(result.exit_code, (result.stdout + result.stderr).strip().splitlines()[-1])
"""


def test_the_cli_and_the_plugin_work_without_the_sdk() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("0 workflows:0004")  # the last row of adr list
    assert lines[1].startswith("0 - Record:")
    assert lines[2].startswith("0 ")
    assert lines[3] == "2 adr: adr mcp needs the MCP SDK: pip install 'mkdocs-madr[mcp]'"
