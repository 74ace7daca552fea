"""Arbitrary input never raises, every reported line is on the page, and reading is linear."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_madr.c4 import C4Index, Diagram, find_c4_diagrams, parse_c4
from mkdocs_madr.c4.mermaid import lexer
from mkdocs_madr.core.diagnostics import Diagnostic

FRAGMENTS = [
    "C4Context",
    "C4Deployment",
    "title Homelab",
    'Person(ops, "Operator", "Runs it")',
    'Container(nats, "NATS, JetStream", $techn="NATS")',
    'System_Boundary(platform, "AI Platform") {',
    'Deployment_Node(gpu_nodes, "GPU")',
    "{",
    "}",
    "}}",
    'RelIndex(1, envoy, kserve, "POST")',
    'Rel(argo, flux, "Syncs", "git")',
    'UpdateRelStyle(a, b, $textColor="red")',
    "accDescr {",
    "accTitle: x",
    "%% comment",
    "---",
    "title: front",
    '"',
    "(",
    ")",
    "$",
    "\\",
    "",
]
LINE_PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet='(){}",$=%\\ \t\r\x0cabnC4_', max_size=24),
    st.text(max_size=24),
)
C4_LIKE = st.lists(LINE_PIECES, max_size=40).map("\n".join)


def _check_lines(
    diagrams: list[Diagram], diagnostics: list[Diagnostic], first: int, last: int
) -> None:
    for item in diagnostics:
        assert item.line is not None
        assert first <= item.line <= last
    for diagram in diagrams:
        aliases = {boundary.alias for boundary in diagram.boundaries}
        for element in diagram.elements:
            assert first <= element.line <= last
            assert element.alias
            assert element.boundary is None or element.boundary in aliases
        for relation in diagram.relations:
            assert first <= relation.line <= last


def _page_lines(text: str) -> int:
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


@settings(max_examples=300)
@given(source=st.one_of(st.text(), C4_LIKE), first_line=st.integers(1, 10_000))
def test_parse_c4_never_raises(source: str, first_line: int) -> None:
    diagram, diagnostics = parse_c4(source, page="p.md", first_line=first_line)
    _check_lines([diagram], diagnostics, first_line, first_line + _page_lines(source) - 1)
    C4Index.build([diagram])


PAGE_WRAPPERS: list[Callable[[str], str]] = [
    lambda body: f"```mermaid\n{body}\n```\n",
    lambda body: f"```mermaid\nC4Container\n{body}\n```\n",
    lambda body: "- item\n\n  ```mermaid\n  C4Context\n" + body.replace("\n", "\n  ") + "\n  ```\n",
    lambda body: "> ```mermaid\n> C4Context\n> " + body.replace("\n", "\n> ") + "\n",
    lambda body: f"~~~ mermaid\nC4Dynamic\n{body}",
    lambda body: body,
]


@settings(max_examples=300)
@given(
    body=st.one_of(st.text(), C4_LIKE),
    wrapper=st.sampled_from(PAGE_WRAPPERS),
)
def test_find_c4_diagrams_never_raises(body: str, wrapper: Callable[[str], str]) -> None:
    page = wrapper(body)
    diagrams, diagnostics = find_c4_diagrams(page, "page.md")
    _check_lines(diagrams, diagnostics, 1, _page_lines(page))
    assert [diagram.index for diagram in diagrams] == list(range(len(diagrams)))


def _big_diagram(statements: int, *, broken: bool = False) -> str:
    lines = ["C4Container", 'System_Boundary(platform, "AI Platform") {']
    for number in range(statements // 3):
        lines.append(
            f'    Container(svc{number}, "Service {number}", "Go", "Does, things (n={number})")'
        )
        lines.append("    %% note")
        lines.append(f'    ContainerDb(db{number}, "Store {number}", "Milvus")')
        tail = " %% joins the next line" if broken else ""
        lines.append(f'    Rel(svc{number}, db{number}, "Reads, writes", "gRPC"){tail}')
    lines.append("}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("broken", [False, True])
def test_big_diagrams_are_read_in_one_pass(monkeypatch: pytest.MonkeyPatch, broken: bool) -> None:
    source = _big_diagram(300, broken=broken)
    steps = {"tokens": 0, "scanned": 0}
    step = lexer.Lexer._step

    def counting(self: lexer.Lexer) -> object:
        steps["tokens"] += 1
        before = self.position
        found = step(self)
        steps["scanned"] += self.position - before
        return found

    monkeypatch.setattr(lexer.Lexer, "_step", counting)
    diagram, diagnostics = parse_c4(source, page="big.md", first_line=1)

    assert len(diagram.elements) == 201
    assert len(diagram.relations) == 100
    if broken:
        # Each trailing comment joins a relation to the next line: one diagnostic each.
        assert diagram.drawn is False
        assert len(diagnostics) == 99
    else:
        assert diagnostics == []
    # Reading goes on after each failure at the failing line or the next: at most the start
    # of a failing line is read twice.
    assert steps["scanned"] <= len(source) + 1 + (len(diagnostics) * 20)
    assert steps["tokens"] <= 20 * 301


def test_deep_nesting_and_many_statements() -> None:
    depth = 500
    lines = ["C4Deployment"]
    lines += [f'Node(n{level}, "Level {level}") {{' for level in range(depth)]
    lines += [f'Container(c{number}, "C{number}")' for number in range(3000)]
    lines += ["}"] * depth
    diagram, diagnostics = parse_c4("\n".join(lines), page="deep.md", first_line=1)
    assert diagnostics == []
    assert diagram.elements[-1].boundary == f"n{depth - 1}"
    assert diagram.boundaries[-1].parent == f"n{depth - 2}"
    assert len(diagram.boundaries[-1].children) == 3000
