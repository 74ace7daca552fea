"""For coding agents on the published site: llms.txt at the root, each record's Markdown beside
its page, llms-full.txt with every record in force."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import REPO, BuildSite, base_config

_LINK = re.compile(r"\]\(([^)]+)\)")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled example, built strict."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("example") / "site"
    build(load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(site_dir)))
    return site_dir


def test_llms_txt_links_every_record_to_its_markdown(example: Path) -> None:
    text = (example / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# Homelab AI Platform\n\n> Architecture, specifications")
    site = "https://homelab.example.org/"
    links = _LINK.findall(text)
    assert all(link.startswith(site) for link in links)
    workflows = REPO / "examples/llm-workflows/decisions"  # the example's second source
    records = [*(REPO / "decisions").glob("*.md"), *workflows.glob("*.md")]
    markdown = [link for link in links if link.endswith(".md")]
    assert len(markdown) == len(records) == 16
    for link in markdown:
        copy = example / link.removeprefix(site)
        folder = workflows if copy.parent.name == "workflows" else REPO / "decisions"
        assert copy.read_bytes() == (folder / copy.name).read_bytes()
        assert (copy.with_suffix("") / "index.html").is_file()  # beside its page
    for link in links:
        target = example / link.removeprefix(site)
        assert target.is_file() or (target / "index.html").is_file(), link
    in_force, others = text.split("## Decisions in force", 1)[1].split("## Decisions no longer")
    assert "[ADR-0004" not in in_force
    assert "[ADR-0004: Use JSON for message payloads](" in others
    assert "superseded by ADR-0005" in others


def test_llms_full_txt_holds_every_record_in_force(example: Path) -> None:
    text = (example / "llms-full.txt").read_text(encoding="utf-8")
    sources = re.findall(r"^Source: (\S+)$", text, re.MULTILINE)
    assert [Path(url).name[:4] for url in sources] == [
        *(f"{n:04d}" for n in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11)),
        *(f"{n:04d}" for n in (1, 3, 4)),  # the workflows source's records in force
    ]
    assert all(Path(url).parent.name == "workflows" for url in sources[-3:])
    flux = (REPO / "decisions/0007-gitops-with-flux-cd.md").read_text(encoding="utf-8")
    assert flux.strip() in text
    assert "# Use JSON for message payloads" not in text


def test_without_site_url_links_are_relative_to_the_root(build_site: BuildSite) -> None:
    files: dict[str, str | bytes] = {
        "decisions/0001-a.md": "---\nstatus: accepted\n---\n# Use A\n",
        "decisions/0002-b.md": "---\nstatus: proposed\n---\n# Use [B]\n",
    }
    config = {**base_config(decisions_dir="decisions"), "use_directory_urls": False}
    site = build_site(files, config)
    text = (site.site_dir / "llms.txt").read_text(encoding="utf-8")
    assert "- [ADR-0001: Use A](decisions/0001-a.md): accepted\n" in text
    assert "- [ADR-0002: Use (B)](decisions/0002-b.md): proposed\n" in text
    assert (site.site_dir / "decisions/0001-a.html").is_file()
    assert (site.site_dir / "decisions/0001-a.md").read_text(encoding="utf-8").endswith("# Use A\n")
    off = build_site(files, base_config(decisions_dir="decisions", llms_txt=False))
    assert not (off.site_dir / "llms.txt").exists()
    assert not (off.site_dir / "llms-full.txt").exists()
    assert not (off.site_dir / "decisions/0001-a.md").exists()


def test_a_worker_writes_them_while_the_build_writes_pages(build_site: BuildSite) -> None:
    files: dict[str, str | bytes] = {
        f"decisions/{n:04d}-choice-{n}.md": f"---\nstatus: {'accepted' if n % 3 else 'rejected'}"
        f"\n---\n# Choice {n}\n\nWhy {n}.\n"
        for n in range(1, 121)
    }
    site = build_site(files, base_config(decisions_dir="decisions"), strict=True)
    written = [text for _, text in site.messages if "agent files written in process" in text]
    assert len(written) == 1
    assert int(written[0].rsplit(" ", 1)[1]) != os.getpid()
    for n in (1, 60, 120):
        copy = site.site_dir / f"decisions/{n:04d}-choice-{n}.md"
        assert copy.read_text(encoding="utf-8").endswith(f"# Choice {n}\n\nWhy {n}.\n")
    full = (site.site_dir / "llms-full.txt").read_text(encoding="utf-8")
    assert full.count("\nSource: ") == 80
    assert "# Choice 3\n" not in full
    assert (site.site_dir / "llms.txt").read_text(encoding="utf-8").count(".md): ") == 120
