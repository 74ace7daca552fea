"""WCAG 2.2 AA on every page the plugin generates or changes, checked by axe-core in Chromium.

Each page is checked on a phone (390 px) and a desktop (1280 px), in the light and the dark
scheme: the generated pages, the example's pages with diagrams, the log, the glossary, and a
record page of each dialect. A finding inside what the plugin writes fails the test, whatever
it is. A finding elsewhere on the page (the theme's own parts, the author's Markdown) fails it
unless it is one of the findings a plain Material page of the same site has too, written down
in `MATERIAL` with the reason; the test checks that a plain page has no other.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import axe_js, reader, serve, unavailable, wait_for_diagrams
from mkdocs_madr.plugin.site_files import GENERATED
from support import FIXTURES, REPO

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # An experimental rule, so axe leaves it off unless asked: a link's name must hold the
    # words it shows (the diagrams' boxes).
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}
OURS = (
    ".madr-header, .madr-compare, .madr-pros > summary, .madr-index, .madr-timeline, "
    ".madr-graph, .madr-c4, .madr-coverage, .madr-term, .madr-term-usage, .madr-feed, "
    ".madr-number, .madr-justification, .madr-compare__title, .madr-compare__source, "
    ".madr-in-force, .madr-review-page, .madr-health"
)
"""What the plugin writes into a page."""
MATERIAL: dict[str, str] = {
    "aria-dialog-name": "Material's search dialog (.md-search) has role=dialog and no name.",
    "color-contrast": "Material's footer line (.md-copyright, 4.47:1) and some colours of its "
    "code highlighting (comments, keywords) in the dark scheme.",
    "landmark-unique": "Material's sidebar nests <nav> landmarks with the same label.",
    "link-in-text-block": "Material tells links in prose apart by colour alone (the author's "
    "Markdown).",
    "target-size": "Material's sidebar links are 18 px tall, closer than 24 px to each other.",
    "scrollable-region-focusable": "Material wraps the author's Markdown tables in a scrolling "
    "box that the keyboard cannot reach when it holds no link.",
}
"""The findings a plain Material page of the site has: tolerated outside the plugin's parts.
Written down here and in docs/using/accessibility.md (each reported upstream there)."""
PLAIN = "CODING-CONVENTIONS/"
"""A page of the example site that nothing of the plugin touches."""
GENERATED_PAGES = tuple(
    "decisions/" + ("" if name == "index.md" else name.removesuffix(".md") + "/")
    for name in GENERATED.values()
)
"""Every page the plugin generates, as the example publishes them: a new one is checked too."""
EXAMPLE_PAGES = (
    *GENERATED_PAGES,
    "",  # the home page, with the log of the decisions in force
    "diagrams/c4-container/",
    "diagrams/c4-context/",
    "GLOSSARY/",
)
DIALECTS = {
    "madr1": "0002-use-fmod-for-adaptive-music",
    "madr2-full": "0007-publish-ledger-events-through-kafka",
    "madr3-full": "0015-store-the-lake-as-iceberg-tables",
    "madr4-full": "0021-run-payout-workflows-on-temporal",
    "madr4-minimal": "0008-cache-player-profiles-in-regional-redis",
    "madr4-bare": "0013-pick-a-crash-reporting-tool",
    "nygard-adr-tools": "0012-extract-billing-into-its-own-service",
    "log4brains": "20200926-use-a-hosted-feature-flag-service",
}
VIEWS = [
    pytest.param(1280, "light", id="1280-light"),
    pytest.param(390, "dark", id="390-dark"),
    pytest.param(1280, "dark", id="1280-dark", marks=pytest.mark.slow),
    pytest.param(390, "light", id="390-light", marks=pytest.mark.slow),
]


@pytest.fixture(scope="session")
def axe() -> str:
    found = axe_js()
    if found is None:
        unavailable("no local axe.min.js (npm install axe-core, or set MADR_AXE_JS)")
    assert found is not None
    return str(found)


@pytest.fixture(scope="module")
def dialect_site(tmp_path_factory: pytest.TempPathFactory, local_mermaid: Path) -> Iterator[str]:
    """A record of each dialect, in the example's theme, served on localhost."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("dialects")
    (root / "decisions").mkdir()
    for case, name in DIALECTS.items():
        shutil.copy(FIXTURES / "records" / case / f"{name}.md", root / "decisions")
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text("# Records\n\nA plain page.\n", encoding="utf-8")
    example = yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "").replace("!!", "")
    )
    config = {
        "site_name": "Dialects",
        "theme": {**example["theme"], "font": False},
        "markdown_extensions": ["attr_list", "def_list", "tables"],
        "plugins": ["search", {"madr": {"mermaid_js": str(local_mermaid)}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    with serve(root / "site") as url:
        yield url


def findings(page: Any, axe: str) -> list[tuple[str, str, bool]]:
    """Each axe finding on the page: its rule, where, and whether the plugin wrote it."""
    page.add_script_tag(path=axe)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = node["target"][0] if node["target"] else ""
            ours = page.evaluate(
                "([target, ours]) => { const e = document.querySelector(target);"
                " return !!(e && e.closest(ours)); }",
                [target, OURS],
            )
            found.append((violation["id"], f"{target}: {node['failureSummary']}", ours))
    return found


def check(page: Any, axe: str, url: str, plain: set[str]) -> list[str]:
    page.goto(url)
    if page.locator("[data-madr-mermaid], .mermaid").count():
        wait_for_diagrams(page)
    problems = []
    for rule, where, ours in findings(page, axe):
        if ours:
            problems.append(f"{url}: {rule} in the plugin's part: {where}")
        elif rule not in plain:
            problems.append(f"{url}: {rule}, which a plain Material page does not have: {where}")
    return problems


def plain_findings(page: Any, axe: str, url: str) -> set[str]:
    page.goto(url)
    rules = {rule for rule, _, ours in findings(page, axe) if not ours}
    assert rules <= MATERIAL.keys(), f"a plain page has findings nobody wrote down: {rules}"
    return set(MATERIAL)


@pytest.mark.parametrize(("width", "scheme"), VIEWS)
def test_generated_and_example_pages_meet_wcag_aa(
    chromium: Any, example_site: str, axe: str, width: int, scheme: str
) -> None:
    with reader(chromium, width, scheme) as page:
        plain = plain_findings(page, axe, example_site + PLAIN)
        problems = []
        for path in EXAMPLE_PAGES:
            problems += check(page, axe, example_site + path, plain)
        for record in (
            "0001-record-architecture-decisions",
            "0002-talos-linux-for-kubernetes-nodes",  # the team's fields, a review overdue
            "0007-gitops-with-flux-cd",
        ):
            problems += check(page, axe, f"{example_site}decisions/{record}/", plain)
        assert problems == []


@pytest.mark.parametrize(("width", "scheme"), VIEWS)
def test_a_record_of_each_dialect_meets_wcag_aa(
    chromium: Any, dialect_site: str, axe: str, width: int, scheme: str
) -> None:
    with reader(chromium, width, scheme) as page:
        plain = plain_findings(page, axe, dialect_site)
        problems = []
        for name in DIALECTS.values():
            problems += check(page, axe, f"{dialect_site}decisions/{name}/", plain)
        problems += check(page, axe, f"{dialect_site}decisions/", plain)
        assert problems == []


def test_sorting_is_announced_and_chips_say_whether_they_are_pressed(
    chromium: Any, example_site: str
) -> None:
    with reader(chromium, 1280) as page:
        page.goto(example_site + "decisions/")
        headers = page.locator("th[data-madr-sort]")
        assert headers.count() == 9  # seven of the log's own, two of the example's fields
        assert page.locator("th[aria-sort]").count() == 1  # only the sorted column says so
        assert page.locator("th[data-madr-sort] > button").count() == 9
        assert page.locator("th[role], th[tabindex]").count() == 0  # headers stay headers
        chip = page.locator("[data-madr-chip=accepted]")
        assert chip.get_attribute("aria-pressed") == "false"
        chip.click()
        assert chip.get_attribute("aria-pressed") == "true"
        assert page.locator("[data-madr-summary]").get_attribute("aria-live") == "polite"
