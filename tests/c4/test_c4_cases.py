"""Golden cases: every C4 case of the shared folder (`tests/fixtures/shared-cases/c4-*.md`, as
written) reads as its file says it should.

Each case is read as a page: its diagrams, whether Mermaid draws them, what the element table
holds, and the diagnostics with their page lines and codes. What the drawing itself does with
these diagrams is held against Mermaid in `test_browser_mermaid_parity.py`; c4-09's table in
`test_c4_site.py`. c4-10 and c4-11 are about the page's script (boxes as links, the fallback
display), not the reader: here their diagrams only have to read cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs_madr.c4 import C4Index, Diagram, find_c4_diagrams
from mkdocs_madr.core.diagnostics import Code, Diagnostic

CASES = Path(__file__).parents[1] / "fixtures" / "shared-cases"
S, U, R, A = (
    Code.C4_SYNTAX,
    Code.C4_UNSUPPORTED,
    Code.C4_DUPLICATE_RELATION,
    Code.C4_DUPLICATE_ALIAS,
)


@dataclass
class Expected:
    drawn: list[bool]
    problems: list[tuple[int, Code, str]] = field(default_factory=list)
    """Page line, code and a phrase of the message."""
    elements: dict[str, tuple[str, str, str, str | None]] = field(default_factory=dict)
    """Alias: label, technology, description, boundary (of the last diagram)."""
    relations: list[tuple[str, str, str]] = field(default_factory=list)


EXPECTED = {
    "c4-01-unsupported-style-macros": Expected(
        [False],
        [(13, U, "`AddElementTag` is C4-PlantUML, not Mermaid")],
        {"shop": ("Shop", "Go", "Sells things", None)},
    ),
    "c4-02-trailing-comment": Expected(
        [False],
        [(9, S, "comment at the end of this line also swallows the line break")],
        {"buyer": ("Buyer", "", "", None), "market": ("Market", "", "", None)},
    ),
    "c4-03-brace-after-element": Expected(
        [True],
        [],
        {
            "shop": ("Shop", "", "", None),
            "till": ("Till", "Go", "", "shop"),
            "bank": ("Bank link", "Go", "", None),
        },
    ),
    "c4-04-named-then-positional": Expected(
        [True],
        [
            (9, S, 'description "" (written: "Keeps secrets")'),
            (10, S, 'technology "" (written: "Rust")'),
        ],
        {"vault": ("Vault", "", "", None), "feed": ("Feed", "", "Rust", None)},
    ),
    "c4-05-lenient-tokens": Expected(
        [False],
        [
            (11, S, "a space between a closing quote and `,`"),
            (12, S, "the space before `)` starts one more, unquoted argument"),
            (15, S, "`'Max'` is not quoted"),
        ],
        {
            "kim": ("Kim", "", "Reviewer", None),
            "lee": ("Lee", "", "Author", None),
            "desk": ("Help Desk", "", "", None),
            "wiki": ("Wiki", "", "", None),
            "max": ("'Max'", "", "", None),
        },
        [("kim", "lee", "reviews")],
    ),
    "c4-06-escaped-quotes": Expected(
        [True],
        [(8, S, 'Mermaid has no `\\"` escape')],
        {"core": ("The \\", "", 'Core\\" system"', None)},
    ),
    "c4-07-duplicate-relation": Expected(
        [True],
        [(13, R, 'drops "1. read"')],
        {"app": ("App", "Go", "", None), "store": ("Store", "Postgres", "", None)},
        [("app", "store", "3. write"), ("store", "app", "2. rows")],
    ),
    "c4-08-rel-without-label-message": Expected(
        [False],
        [(10, S, "`Rel(ann, shop)` has no label")],
        {"ann": ("Ann", "", "", None), "shop": ("Shop", "", "", None)},
        [("ann", "shop", "")],
    ),
    "c4-09-br-in-table": Expected(
        [True], [], {"op": ("Operator", "", "Runs the night<br/>shift", None)}
    ),
    "c4-10-wrapped-label-not-linked": Expected(
        [True], [], {"recon": ("Payment Reconciliation Service", "Kotlin", "", None)}
    ),
    "c4-11-fallback-display": Expected([]),
    # The same element in the context and the container view: one element, no report.
    "c4-12-duplicate-alias-across-levels": Expected(
        [True, True], [], {"bank": ("Bank API", "REST", "", None)}
    ),
}


def _read(name: str) -> tuple[list[Diagram], list[Diagnostic]]:
    page = f"{name}.md"
    diagrams, problems = find_c4_diagrams((CASES / page).read_text(encoding="utf-8"), page)
    _, across = C4Index.build(diagrams)
    return diagrams, problems + across


def test_every_c4_case_has_an_expectation() -> None:
    assert sorted(path.stem for path in CASES.glob("c4-*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_c4_case_reads_as_its_file_says(name: str) -> None:
    expected = EXPECTED[name]
    diagrams, problems = _read(name)
    assert [diagram.drawn for diagram in diagrams] == expected.drawn
    assert [(p.line, p.code) for p in problems] == [
        (line, code) for line, code, _ in expected.problems
    ]
    for problem, (_, _, phrase) in zip(problems, expected.problems, strict=True):
        assert phrase in problem.message
    if diagrams:
        last = diagrams[-1]
        assert {
            e.alias: (e.label, e.technology, e.description, e.boundary) for e in last.elements
        } == expected.elements
        assert [(r.source, r.target, r.label) for r in last.relations] == expected.relations
