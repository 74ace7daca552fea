"""C4Index: lookup by alias across pages and the duplicate-alias rules."""

from __future__ import annotations

from mkdocs_madr.c4 import C4Index, Diagram, find_c4_diagrams, parse_c4
from mkdocs_madr.core.diagnostics import Code

CONTEXT_PAGE = """\
# Context

```mermaid
C4Context
Person(ops, "Operator")
System(platform, "AI Platform", "Serves models")
System_Ext(hf, "Hugging Face Hub")
```
"""

CONTAINER_PAGE = """\
# Containers

```mermaid
C4Container
Person(ops, "operator")
System_Boundary(platform, "AI  platform") {
    Container(envoy, "Envoy Gateway", "Envoy")
    ContainerQueue(nats, "NATS JetStream", "NATS 2.10")
    ContainerDb(milvus, "Milvus", "Milvus 2.4")
    Container(kserve, "KServe")
    Container(temporal, "Temporal")
}
```

```mermaid
C4Deployment
Deployment_Node(talos, "Talos cluster", "Talos 1.7") {
    Deployment_Node(gpu_nodes, "GPU nodes") {
        Container(kserve, "KServe", "KServe 0.13")
    }
    Container(flux, "Flux")
    Container(argo, "Argo CD")
}
```
"""


def _diagrams(*pages: tuple[str, str]) -> list[Diagram]:
    found: list[Diagram] = []
    for path, text in pages:
        diagrams, diagnostics = find_c4_diagrams(text, path)
        assert diagnostics == []
        found.extend(diagrams)
    return found


def _homelab() -> tuple[C4Index, list[Diagram]]:
    diagrams = _diagrams(("arch/context.md", CONTEXT_PAGE), ("arch/containers.md", CONTAINER_PAGE))
    index, diagnostics = C4Index.build(diagrams)
    assert diagnostics == []
    return index, diagrams


def test_same_element_in_several_diagrams_is_not_a_duplicate() -> None:
    index, _ = _homelab()
    # `platform` is a System in the context diagram and a System_Boundary in the container
    # diagram; `ops` differs only in case; `kserve` is drawn in two diagrams of one page.
    assert len(index.definitions("platform")) == 2
    assert len(index.definitions("ops")) == 2
    assert len(index.definitions("kserve")) == 2


def test_lookup_is_case_sensitive_with_a_fallback() -> None:
    index, _ = _homelab()
    nats = index.get("nats")
    assert nats is not None
    assert (nats.kind, nats.page, nats.line) == ("ContainerQueue", "arch/containers.md", 8)
    assert index.get("NATS") is None
    assert "nats" in index
    assert "NATS" not in index
    assert index.get_ignore_case("NATS") == nats
    assert index.get_ignore_case("Gpu_Nodes") == index.get("gpu_nodes")
    assert index.get_ignore_case("nothing") is None


def test_first_definition_wins_whatever_the_input_order() -> None:
    index, diagrams = _homelab()
    reversed_index, _ = C4Index.build(list(reversed(diagrams)))
    for index_ in (index, reversed_index):
        ops = index_.get("ops")
        assert ops is not None
        assert (ops.page, ops.label) == ("arch/containers.md", "operator")
    assert index.elements() == reversed_index.elements()
    assert index.aliases() == reversed_index.aliases()


def test_elements_are_unique_by_alias() -> None:
    index, _ = _homelab()
    aliases = [element.alias for element in index.elements()]
    assert aliases == index.aliases()
    assert len(aliases) == len(set(aliases)) == len(index)
    assert set(aliases) == {
        "ops",
        "platform",
        "envoy",
        "nats",
        "milvus",
        "kserve",
        "temporal",
        "talos",
        "gpu_nodes",
        "flux",
        "argo",
        "hf",
    }


def test_returned_lists_are_copies() -> None:
    index, _ = _homelab()
    index.definitions("nats").clear()
    index.diagrams.clear()
    assert len(index.definitions("nats")) == 1
    assert len(index.diagrams) == 3


def test_different_family_is_a_duplicate() -> None:
    first, _ = parse_c4('C4Context\nSystem(nats, "NATS")\n', page="a.md", first_line=10)
    second, _ = parse_c4('C4Context\nPerson(nats, "NATS")\n', page="b.md", first_line=20)
    _, diagnostics = C4Index.build([second, first])
    (problem,) = diagnostics
    assert problem.code is Code.C4_DUPLICATE_ALIAS
    assert (problem.file, problem.line) == ("b.md", 21)
    assert "a.md:11" in problem.message
    assert 'Person "NATS"' in problem.message


def _page(kind: str, statements: str, page: str) -> Diagram:
    diagram, problems = parse_c4(f"{kind}\n{statements}\n", page=page, first_line=1)
    assert problems == []
    return diagram


def test_different_label_at_one_level_is_a_duplicate() -> None:
    diagrams = [
        _page("C4Container", 'Container(argo, "Argo CD")', "a.md"),
        _page("C4Container", 'Container(argo, "Argo Workflows")', "b.md"),
    ]
    _, diagnostics = C4Index.build(diagrams)
    assert [(item.file, item.line) for item in diagnostics] == [("b.md", 2)]


def test_label_comparison_ignores_case_whitespace_and_missing_labels() -> None:
    diagrams = [
        _page("C4Container", 'Container(temporal, "Temporal  Server")', "a.md"),
        _page("C4Container", 'Container(temporal, " temporal server ")', "b.md"),
        _page("C4Container", 'Container(temporal, "")', "c.md"),
        _page("C4Container", 'ContainerDb_Ext(temporal, "TEMPORAL\tSERVER")', "d.md"),
        # One label holding the other's words is the same thing, named more or less fully.
        _page("C4Container", 'Container(temporal, "Temporal Server 1.24 (HA)")', "e.md"),
    ]
    _, diagnostics = C4Index.build(diagrams)
    assert diagnostics == []


def test_an_element_drawn_at_several_levels_is_one_element() -> None:
    diagrams = [
        _page(
            "C4Context",
            'System_Ext(bank, "Bank API")\nSystem(ledger, "Ledger platform")\n'
            'Person(clerk, "Clerk")\nSystem_Ext(git, "Git CLI")',
            "context.md",
        ),
        _page(
            "C4Container",
            'Container_Ext(bank, "Bank API", "REST")\n'
            'System_Boundary(ledger, "Ledger") {\n'
            '  ContainerDb(store, "PostgreSQL 17")\n'
            '  Container(factory, "LedgerFactory")\n'
            "}\n"
            'Container_Ext(git, "Git")',
            "containers.md",
        ),
        _page(
            "C4Component",
            'Container_Boundary(factory, "Factory Contract") {\n  Component(mint, "Mint")\n}',
            "components.md",
        ),
        _page(
            "C4Deployment",
            'Deployment_Node(host, "Host") {\n  ContainerDb(store, "ledger-db")\n}',
            "deployment.md",
        ),
    ]
    _, diagnostics = C4Index.build(diagrams)
    assert diagnostics == []


def test_real_conflicts_across_diagrams() -> None:
    diagrams = [
        _page(
            "C4Container", 'System_Boundary(b, "Event Platform") {\n  Container(x, "X")\n}', "a.md"
        ),
        _page(
            "C4Component",
            'Container_Boundary(b, "Notification Service") {\n  Component(y, "Y")\n}',
            "b.md",
        ),
        _page("C4Component", 'Component(pvp, "Arena Context")', "c.md"),
        _page("C4Component", 'Component(pvp, "Arena Rules")', "d.md"),
        _page("C4Context", 'Person(ops, "Operations")', "e.md"),
        _page("C4Container", 'Container(ops, "Operations")', "f.md"),
    ]
    _, diagnostics = C4Index.build(diagrams)
    assert [(item.file, item.line) for item in diagnostics] == [
        ("b.md", 2),
        ("d.md", 2),
        ("f.md", 2),
    ]


def test_every_conflicting_definition_is_reported_against_the_first() -> None:
    diagrams = [
        _page("C4Container", 'Container(flux, "Flux")', "f.md"),
        _page("C4Container", 'Person(flux, "Flux")', "g.md"),
        _page("C4Container", 'Container(flux, "Flux CD")', "h.md"),
        _page("C4Container", 'Container(flux, "Argo")', "i.md"),
    ]
    _, diagnostics = C4Index.build(diagrams)
    assert [item.file for item in diagnostics] == ["g.md", "i.md"]
    assert all("f.md:2" in item.message for item in diagnostics)


def test_empty_index() -> None:
    index, diagnostics = C4Index.build([])
    assert (len(index), index.elements(), diagnostics) == (0, [], [])
    assert index.get("x") is None
