"""Arbitrary input never raises, every reported line is on the page, and reading is linear."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_madr.c4 import C4Index, Diagram, arguments, find_c4_diagrams, parse_c4
from mkdocs_madr.c4 import reader as reader_module
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


def _big_diagram(statements: int) -> str:
    lines = ["C4Container", 'System_Boundary(platform, "AI Platform") {']
    for number in range(statements // 3):
        lines.append(
            f'    Container(svc{number}, "Service {number}", "Go", "Does, things (n={number})")'
        )
        lines.append(f'    ContainerDb(db{number}, "Store {number}", $techn="Milvus") %% note')
        lines.append(f'    Rel(svc{number}, db{number}, "Reads, writes", "gRPC")')
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_300_statement_diagram_reads_each_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    source = _big_diagram(300)
    seen = {"strip_comment": 0, "parse_call": 0}
    scanned = {"strip_comment": 0, "parse_call": 0}

    def counting(name: str, function: Callable[[str], object]) -> Callable[[str], object]:
        def wrapper(text: str) -> object:
            seen[name] += 1
            scanned[name] += len(text)
            return function(text)

        return wrapper

    monkeypatch.setattr(
        reader_module, "strip_comment", counting("strip_comment", arguments.strip_comment)
    )
    monkeypatch.setattr(reader_module, "parse_call", counting("parse_call", arguments.parse_call))
    diagram, diagnostics = parse_c4(source, page="big.md", first_line=1)

    assert diagnostics == []
    assert len(diagram.elements) == 201
    assert len(diagram.relations) == 100
    # Every line is looked at once and never re-read: the text scanned adds up to the source.
    assert seen["strip_comment"] == source.count("\n") + 1
    assert scanned["strip_comment"] <= len(source)
    assert seen["parse_call"] == 301
    assert scanned["parse_call"] <= len(source)


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
