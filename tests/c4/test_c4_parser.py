"""parse_c4: every statement form, nesting, line numbers and diagnostics, read as Mermaid 11
reads them (see test_browser_mermaid_parity.py for the reader against Mermaid itself)."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs_madr.c4 import Diagram, Element, parse_c4
from mkdocs_madr.core.diagnostics import Code, Diagnostic

PAGE = "architecture/platform.md"


def _parse(source: str, *, first_line: int = 1) -> tuple[Diagram, list[Diagnostic]]:
    return parse_c4(textwrap.dedent(source), page=PAGE, first_line=first_line)


def _clean(source: str, *, first_line: int = 1) -> Diagram:
    diagram, diagnostics = _parse(source, first_line=first_line)
    assert diagnostics == []
    return diagram


def _element(diagram: Diagram, alias: str) -> Element:
    (found,) = [element for element in diagram.elements if element.alias == alias]
    return found


def _lines(diagnostics: list[Diagnostic]) -> list[int | None]:
    return [item.line for item in diagnostics]


HOMELAB_CONTAINERS = """\
%% The platform as it runs on the rack.
C4Container
title Homelab AI platform

Person(ops, "Operator", "Runs the homelab")
System_Ext(hf, "Hugging Face Hub", "Model weights")
System_Boundary(platform, "AI Platform") {
    Container(envoy, "Envoy Gateway", "Envoy 1.30", "Ingress, TLS, rate limits")
    ContainerQueue(nats, "NATS JetStream", "NATS 2.10", "Events")
    Container_Boundary(serving, "Model serving") {
        Container(kserve, "KServe", "KServe 0.13", "InferenceService CRDs")
        ContainerDb(milvus, "Milvus", "Milvus 2.4", "Vector store")
    }
    Container(temporal, "Temporal", "Temporal 1.24", "Durable workflows")
}
Rel(ops, envoy, "Uses", "HTTPS")
Rel(envoy, kserve, "Routes inference", "gRPC")
Rel(kserve, hf, "Pulls weights from", "HTTPS")
"""


def test_homelab_container_diagram() -> None:
    diagram = _clean(HOMELAB_CONTAINERS, first_line=21)
    assert diagram.kind == "C4Container"
    assert diagram.title == "Homelab AI platform"
    assert diagram.line == 20
    assert [element.alias for element in diagram.elements] == [
        "ops",
        "hf",
        "platform",
        "envoy",
        "nats",
        "serving",
        "kserve",
        "milvus",
        "temporal",
    ]
    envoy = _element(diagram, "envoy")
    assert (envoy.label, envoy.technology, envoy.description) == (
        "Envoy Gateway",
        "Envoy 1.30",
        "Ingress, TLS, rate limits",
    )
    assert envoy.page == PAGE
    assert envoy.line == 28
    assert envoy.boundary == "platform"
    assert _element(diagram, "kserve").boundary == "serving"
    assert _element(diagram, "temporal").boundary == "platform"
    assert _element(diagram, "ops").boundary is None
    assert _element(diagram, "hf").external
    assert [(rel.source, rel.target, rel.line) for rel in diagram.relations] == [
        ("ops", "envoy", 36),
        ("envoy", "kserve", 37),
        ("kserve", "hf", 38),
    ]


def test_boundaries_record_parent_and_children() -> None:
    diagram = _clean(HOMELAB_CONTAINERS)
    platform, serving = diagram.boundaries
    assert (platform.alias, platform.kind, platform.label, platform.parent) == (
        "platform",
        "System_Boundary",
        "AI Platform",
        None,
    )
    assert platform.children == ["envoy", "nats", "serving", "temporal"]
    assert (serving.parent, serving.children, serving.line) == (
        "platform",
        ["kserve", "milvus"],
        10,
    )
    assert _element(diagram, "serving").boundary == "platform"


ELEMENT_KINDS = [
    ("Person", "person", False),
    ("Person_Ext", "person", True),
    ("System", "system", False),
    ("SystemDb", "system", False),
    ("SystemQueue", "system", False),
    ("System_Ext", "system", True),
    ("SystemDb_Ext", "system", True),
    ("SystemQueue_Ext", "system", True),
]
TECHNOLOGY_KINDS = [
    ("Container", "container", False),
    ("ContainerDb", "container", False),
    ("ContainerQueue", "container", False),
    ("Container_Ext", "container", True),
    ("ContainerDb_Ext", "container", True),
    ("ContainerQueue_Ext", "container", True),
    ("Component", "component", False),
    ("ComponentDb", "component", False),
    ("ComponentQueue", "component", False),
    ("Component_Ext", "component", True),
    ("ComponentDb_Ext", "component", True),
    ("ComponentQueue_Ext", "component", True),
]


@pytest.mark.parametrize(("kind", "family", "external"), ELEMENT_KINDS)
def test_person_and_system_forms(kind: str, family: str, external: bool) -> None:
    diagram = _clean(
        f"""\
        C4Context
        {kind}(flux, "Flux CD", "GitOps reconciler", "sprite", "gitops+core", "https://fluxcd.io")
        """
    )
    flux = _element(diagram, "flux")
    assert (flux.kind, flux.family, flux.external) == (kind, family, external)
    assert (flux.label, flux.description, flux.technology) == ("Flux CD", "GitOps reconciler", "")
    assert (flux.tags, flux.link) == ("gitops+core", "https://fluxcd.io")


@pytest.mark.parametrize(("kind", "family", "external"), TECHNOLOGY_KINDS)
def test_container_and_component_forms(kind: str, family: str, external: bool) -> None:
    diagram = _clean(
        f"""\
        C4Component
        {kind}(argo, "Argo Workflows", "Go", "Batch pipelines", "sprite", "batch", "https://argo")
        """
    )
    argo = _element(diagram, "argo")
    assert (argo.kind, argo.family, argo.external) == (kind, family, external)
    assert (argo.label, argo.technology, argo.description) == (
        "Argo Workflows",
        "Go",
        "Batch pipelines",
    )
    assert (argo.tags, argo.link) == ("batch", "https://argo")


def test_an_alias_only_element_runs_on_to_the_end() -> None:
    # Mermaid reads the unquoted `talos)` and all that follows as one argument.
    diagram, diagnostics = _parse("C4Context\nSystem(talos)\n")
    assert diagram.drawn is False
    element = _element(diagram, "talos")
    assert (element.label, element.description, element.technology) == ("", "", "")
    assert _lines(diagnostics) == [2]
    assert "`talos` is not quoted" in diagnostics[0].message


def test_named_arguments_take_the_place_they_stand_in() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        Container(kserve, "KServe", "KServe 0.13", $descr="InferenceService CRDs")
        Container(envoy, "Envoy", "old techn", $techn="Envoy 1.30", $tags="edge", $link="https://envoy")
        Container(nats, "NATS", $descr="Events", "NATS 2.10")
        """
    )
    assert diagram.drawn
    kserve = _element(diagram, "kserve")
    assert (kserve.technology, kserve.description) == ("KServe 0.13", "InferenceService CRDs")
    envoy = _element(diagram, "envoy")
    assert (envoy.technology, envoy.tags, envoy.link) == ("Envoy 1.30", "edge", "https://envoy")
    # `$descr` in the technology's place sets the description, which the place after it resets.
    nats = _element(diagram, "nats")
    assert (nats.technology, nats.description) == ("", "NATS 2.10")
    assert _lines(diagnostics) == [4]
    assert diagnostics[0].code is Code.C4_SYNTAX
    assert 'technology "" (written: "NATS 2.10")' in diagnostics[0].message
    assert "counts as the argument in its place" in diagnostics[0].message


def test_a_sprite_or_tags_in_a_text_place_stops_the_drawing() -> None:
    diagram, diagnostics = _parse(
        'C4Context\nSystem(talos, "Talos Linux", $sprite="linux")\nPerson(ops, "Ops", "Runs it")\n'
    )
    assert diagram.drawn is False
    assert _lines(diagnostics) == [2]
    assert "`$sprite=` stands in the description's place" in diagnostics[0].message


def test_quoted_commas_and_parentheses_stay_in_one_argument() -> None:
    diagram = _clean(
        """\
        C4Container
        ContainerDb(milvus, "Milvus (standalone)", "Milvus 2.4, etcd", "Vectors, (ANN) search")
        """
    )
    milvus = _element(diagram, "milvus")
    assert milvus.label == "Milvus (standalone)"
    assert milvus.technology == "Milvus 2.4, etcd"
    assert milvus.description == "Vectors, (ANN) search"


def test_a_backslash_does_not_escape_a_quote() -> None:
    diagram, diagnostics = _parse('C4Context\nSystem(core, "The \\"Core\\" system", "Main")\n')
    core = _element(diagram, "core")
    assert (core.label, core.description) == ("The \\", 'Core\\" system"')
    assert _lines(diagnostics) == [2]
    assert 'no `\\"` escape' in diagnostics[0].message


def test_unquoted_arguments_run_to_the_next_comma() -> None:
    talos = _element(
        _clean('C4Context  \nSystem(talos, Talos Linux, "Immutable OS")   \t\n'), "talos"
    )
    assert (talos.label, talos.description) == ("Talos Linux", "Immutable OS")
    # The last one runs past `)` to the end of the diagram.
    diagram, diagnostics = _parse("C4Context\nSystem(talos, Talos Linux, Immutable OS)\n")
    assert diagram.drawn is False
    assert _lines(diagnostics) == [2]
    assert "`Immutable OS` is not quoted" in diagnostics[0].message


def test_comments_on_lines_of_their_own_and_after_the_last_statement() -> None:
    diagram = _clean(
        """\

        %% leading comment
        %%{init: {"theme": "dark"}}%%
        C4Context
        %% System(ghost, "Commented out")
            %% indented comment
        System(nats, "NATS", "100%% at-least-once") %% trailing comment
        """
    )
    assert diagram.kind == "C4Context"
    assert [element.alias for element in diagram.elements] == ["nats"]
    assert _element(diagram, "nats").description == "100%% at-least-once"


def test_a_trailing_comment_joins_the_next_line() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Context %% the header
        Person(buyer, "Buyer") %% pays
        System(market, "Market")
        """
    )
    assert diagram.drawn is False
    assert [element.alias for element in diagram.elements] == ["buyer", "market"]
    assert _lines(diagnostics) == [1, 2]
    assert all("swallows the line break" in item.message for item in diagnostics)


@pytest.mark.parametrize(
    "kind", ["C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment"]
)
def test_every_header(kind: str) -> None:
    assert _clean(f'{kind}\nPerson(ops, "Ops")\n').kind == kind


def test_a_header_alone_is_not_drawn() -> None:
    diagram, diagnostics = _parse("C4Context\n", first_line=4)
    assert diagram.drawn is False
    assert _lines(diagnostics) == [4]
    assert "nothing else" in diagnostics[0].message


def test_title_is_optional_and_may_come_anywhere() -> None:
    assert _clean('C4Context\nPerson(ops, "Ops")\n').title == ""
    assert _clean('C4Context\nSystem(talos, "Talos")\ntitle   Late title  \n').title == "Late title"


def test_front_matter_title_and_lines() -> None:
    diagram, diagnostics = _parse(
        """\
        ---
        title: "Deployment of the rack"
        ---
        C4Deployment
        Person(ops, "Operator")
        """,
        first_line=10,
    )
    assert diagnostics == []
    assert diagram.title == "Deployment of the rack"
    assert diagram.kind == "C4Deployment"
    assert _element(diagram, "ops").line == 14


def test_accessibility_statements() -> None:
    diagram = _clean(
        """\
        C4Context
        accTitle: Homelab context
        accDescr: Who uses the platform
        accDescr {
            A longer description
            over two lines
        }
        accDescr { one-line block }
        Person(ops, "Operator")
        """
    )
    assert [element.alias for element in diagram.elements] == ["ops"]
    assert diagram.title == "Homelab context"


def test_direction_is_not_mermaid_c4() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Context
        direction LR
        Person(ops, "Operator", "Sets the direction LR of the rack")
        """
    )
    assert diagram.drawn is False
    assert [element.alias for element in diagram.elements] == ["ops"]
    assert _lines(diagnostics) == [2, 3]
    assert {item.code for item in diagnostics} == {Code.C4_UNSUPPORTED}
    assert "labels included" in diagnostics[1].message


def test_mermaids_styling_statements_are_read_and_ignored() -> None:
    diagram = _clean(
        """\
        C4Container
        Container(envoy, "Envoy")
        UpdateElementStyle(envoy, $fontColor="red", $bgColor="grey", $borderColor="red")
        UpdateRelStyle(ops, envoy, $textColor="blue", $lineColor="blue", $offsetX="5")
        UpdateLayoutConfig($c4ShapeInRow="3", $c4BoundaryInRow="1")
        """
    )
    assert [element.alias for element in diagram.elements] == ["envoy"]
    assert diagram.relations == []


def test_c4_plantuml_statements_are_unsupported() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        Container(envoy, "Envoy")
        UpdateBoundaryStyle($elementName="platform", $bgColor="gold")
        AddElementTag("gpu", $bgColor="green")
        AddRelTag("async", $lineStyle=DashedLine())
        SHOW_LEGEND()
        """
    )
    assert diagram.drawn is False
    assert [element.alias for element in diagram.elements] == ["envoy"]
    assert _lines(diagnostics) == [3, 4, 5, 6]
    assert {item.code for item in diagnostics} == {Code.C4_UNSUPPORTED}
    assert "`AddElementTag` is C4-PlantUML, not Mermaid" in diagnostics[1].message


def test_boundary_brace_on_the_next_line() -> None:
    diagram = _clean(
        """\
        C4Container
        System_Boundary(platform, "AI Platform")
        %% a comment between the statement and its brace

        {
            Container(nats, "NATS")
        }
        Container(outside, "Outside")
        """
    )
    assert _element(diagram, "nats").boundary == "platform"
    assert _element(diagram, "outside").boundary is None


def test_boundary_forms_and_their_positional_arguments() -> None:
    diagram = _clean(
        """\
        C4Context
        Enterprise_Boundary(homelab, "Homelab", "core") {
            Boundary(lab, "Lab", "rack", "infra", "https://lab") {
                System_Boundary(platform, "AI Platform", $link="https://platform") {
                    Container_Boundary(serving, "Serving") {
                        System(kserve, "KServe")
                    }
                }
            }
        }
        """
    )
    homelab = _element(diagram, "homelab")
    # Mermaid gives Enterprise/System/Container boundaries no positional type: the third
    # positional argument is the tags.
    assert (homelab.technology, homelab.tags, homelab.family) == ("", "core", "boundary")
    lab = _element(diagram, "lab")
    assert (lab.technology, lab.tags, lab.link, lab.boundary) == (
        "rack",
        "infra",
        "https://lab",
        "homelab",
    )
    platform = _element(diagram, "platform")
    assert (platform.technology, platform.link, platform.family) == (
        "",
        "https://platform",
        "system",
    )
    assert _element(diagram, "serving").family == "container"
    assert _element(diagram, "kserve").boundary == "serving"
    assert [(b.alias, b.parent) for b in diagram.boundaries] == [
        ("homelab", None),
        ("lab", "homelab"),
        ("platform", "lab"),
        ("serving", "platform"),
    ]


@pytest.mark.parametrize(
    "macro",
    [
        "Rel",
        "BiRel",
        "Rel_U",
        "Rel_Up",
        "Rel_D",
        "Rel_Down",
        "Rel_L",
        "Rel_Left",
        "Rel_R",
        "Rel_Right",
        "Rel_Back",
    ],
)
def test_relation_forms(macro: str) -> None:
    diagram = _clean(
        f"""\
        C4Container
        Container(envoy, "Envoy")
        Container(kserve, "KServe")
        {macro}(envoy, kserve, "Routes to", "gRPC", "inference traffic", "sprite", "hot", "https://r")
        """
    )
    (relation,) = diagram.relations
    assert relation.macro == macro
    assert (relation.source, relation.target, relation.label) == ("envoy", "kserve", "Routes to")
    assert (relation.technology, relation.description) == ("gRPC", "inference traffic")
    assert (relation.tags, relation.link, relation.line, relation.index) == (
        "hot",
        "https://r",
        4,
        "",
    )


def test_relation_named_arguments() -> None:
    diagram = _clean(
        """\
        C4Container
        Container(kserve, "KServe")
        ContainerQueue(nats, "NATS")
        Rel(kserve, nats, "Publishes", $descr="results", $techn="NATS")
        """
    )
    (relation,) = diagram.relations
    assert (relation.technology, relation.description) == ("NATS", "results")


def test_an_arrow_to_a_boundary_or_to_nothing_stops_the_drawing() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Deployment
        Deployment_Node(laptop, "Laptop") {
            Container(app, "App", "Go")
        }
        Container(proxy, "Proxy", "nginx")
        Rel(laptop, proxy, "calls")
        Rel(app, ghost, "calls")
        """
    )
    assert diagram.drawn is False
    assert len(diagram.relations) == 2
    assert _lines(diagnostics) == [6, 7]
    assert "`laptop`, which is a boundary or deployment node" in diagnostics[0].message
    assert "`ghost`, but no element of this diagram has that alias" in diagnostics[1].message


def test_a_repeated_arrow_is_drawn_once_with_its_last_label() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Dynamic
        Container(app, "App", "Go")
        Container(store, "Store", "Postgres")
        Rel(app, store, "1. read")
        Rel(store, app, "2. rows")
        Rel(app, store, "3. write")
        """
    )
    assert diagram.drawn
    assert [(r.source, r.target, r.label, r.line) for r in diagram.relations] == [
        ("app", "store", "3. write", 6),
        ("store", "app", "2. rows", 5),
    ]
    assert [(item.code, item.line) for item in diagnostics] == [(Code.C4_DUPLICATE_RELATION, 6)]
    assert '"1. read"' in diagnostics[0].message


def test_dynamic_diagram_with_rel_index() -> None:
    diagram = _clean(
        """\
        C4Dynamic
        title Inference request
        ContainerDb(milvus, "Milvus", "Milvus 2.4")
        Container(envoy, "Envoy")
        Container_Boundary(serving, "Serving") {
            Component(kserve, "Predictor", "KServe")
        }
        RelIndex(1, envoy, kserve, "POST /v1/infer", "HTTP/2")
        RelIndex(2, kserve, milvus, "ANN lookup", $techn="gRPC")
        Rel(kserve, envoy, "Response")
        """
    )
    assert diagram.kind == "C4Dynamic"
    first, second, third = diagram.relations
    assert (first.macro, first.index, first.source, first.target) == (
        "RelIndex",
        "1",
        "envoy",
        "kserve",
    )
    assert (first.label, first.technology, first.line) == ("POST /v1/infer", "HTTP/2", 8)
    assert (second.index, second.technology) == ("2", "gRPC")
    assert (third.macro, third.index) == ("Rel", "")


def test_deployment_diagram_nodes() -> None:
    diagram = _clean(
        """\
        C4Deployment
        Deployment_Node(rack, "Homelab rack", "42U", "Three mini PCs and a GPU box") {
            Node(talos, "Talos cluster", "Talos Linux 1.7") {
                Node_L(gpu_nodes, "GPU nodes", "2x RTX 4090", $descr="Inference pool") {
                    Container(kserve, "KServe", "KServe 0.13")
                }
                Node_R(cpu_nodes, "CPU nodes") {
                    ContainerQueue(nats, "NATS", "NATS 2.10")
                }
            }
        }
        Rel(kserve, nats, "Publishes")
        """
    )
    rack = _element(diagram, "rack")
    assert (rack.kind, rack.family, rack.technology, rack.description) == (
        "Deployment_Node",
        "node",
        "42U",
        "Three mini PCs and a GPU box",
    )
    gpu_nodes = _element(diagram, "gpu_nodes")
    assert (gpu_nodes.kind, gpu_nodes.technology, gpu_nodes.description, gpu_nodes.boundary) == (
        "Node_L",
        "2x RTX 4090",
        "Inference pool",
        "talos",
    )
    assert _element(diagram, "kserve").boundary == "gpu_nodes"
    assert _element(diagram, "nats").boundary == "cpu_nodes"
    talos = next(b for b in diagram.boundaries if b.alias == "talos")
    assert (talos.kind, talos.technology, talos.parent, talos.children) == (
        "Node",
        "Talos Linux 1.7",
        "rack",
        ["gpu_nodes", "cpu_nodes"],
    )


def test_garbage_lines_are_reported_and_parsing_goes_on() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        Container(envoy, "Envoy")
        this is not a statement
        Persn(typo, "Typo")
        person(lower, "Lower")
        Container(nats, "NATS")
        Rel(envoy nats)
        -> arrows are flowchart syntax
        Container(temporal, "Temporal")
        """,
        first_line=40,
    )
    assert diagram.drawn is False
    assert [element.alias for element in diagram.elements] == ["envoy", "nats", "temporal"]
    assert _lines(diagnostics) == [42, 43, 44, 46]
    assert {item.code for item in diagnostics} == {Code.C4_SYNTAX}
    assert {item.file for item in diagnostics} == {PAGE}
    assert "this is not a statement" in diagnostics[0].message
    assert "`Persn`" in diagnostics[1].message
    assert "did you mean `Person`" in diagnostics[2].message
    # Unquoted `envoy nats)` runs on to the comma of line 48.
    assert "on to line 48" in diagnostics[3].message


def test_broken_quotes_and_parentheses_swallow_the_lines_after_them() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        Container(envoy, "Envoy
        Container(nats, "NATS"
        Container(milvus, "Milvus")
        """
    )
    # Mermaid draws one box, whose label runs to the next quote, on line 3.
    assert diagram.drawn
    assert [element.alias for element in diagram.elements] == ["envoy"]
    assert _lines(diagnostics) == [2]
    assert "closed only by a quote on a later line" in diagnostics[0].message
    assert "on to line 3" in diagnostics[0].message


def test_missing_arguments_alias_and_label() -> None:
    diagram, diagnostics = _parse("C4Container\nContainer()\n")
    assert diagram.drawn is False
    assert "`Container()` has no arguments" in diagnostics[0].message

    diagram, diagnostics = _parse('C4Container\nContainer(, "No alias")\n')
    assert diagram.drawn
    assert diagram.elements == []
    assert "has no alias" in diagnostics[0].message

    diagram, diagnostics = _parse(
        'C4Context\nPerson(ann, "Ann")\nSystem(shop, "Shop")\nRel(ann, shop)\n'
    )
    assert diagram.drawn is False
    assert _lines(diagnostics) == [4]
    assert "`Rel(ann, shop)` has no label" in diagnostics[0].message
    assert "draws nothing for this diagram" in diagnostics[0].message

    diagram = _clean('C4Context\nPerson(ann, "Ann")\nSystem(shop, "Shop")\nRel(ann, shop, "")\n')
    assert [(rel.source, rel.target, rel.label) for rel in diagram.relations] == [
        ("ann", "shop", "")
    ]


def test_named_argument_without_equals_or_quotes() -> None:
    diagram, diagnostics = _parse('C4Container\nContainer(argo, "Argo", $techn "Go")\n')
    assert _element(diagram, "argo").technology == "Go"
    assert _lines(diagnostics) == [2]
    assert "`$techn` has no `=`" in diagnostics[0].message

    _, diagnostics = _parse("C4Container\nUpdateLayoutConfig($c4ShapeInRow=3)\n")
    assert _lines(diagnostics) == [2]
    assert '`$c4ShapeInRow="…"`' in diagnostics[0].message


def test_text_after_a_statement_is_reported() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        Container(envoy, "Envoy") extra
        Rel(envoy, nats, "x") extra
        UpdateRelStyle(envoy, nats) extra
        """
    )
    assert [element.alias for element in diagram.elements] == ["envoy"]
    assert len(diagram.relations) == 1
    assert _lines(diagnostics) == [2, 3, 4]


def test_unbalanced_closing_brace() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        System_Boundary(platform, "Platform") {
            Container(nats, "NATS")
        }
        }
        Container(envoy, "Envoy")
        """
    )
    assert _element(diagram, "envoy").boundary is None
    assert _lines(diagnostics) == [5]
    assert "Unbalanced" in diagnostics[0].message


def test_unclosed_boundaries_are_reported_at_their_opening_lines() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        System_Boundary(platform, "Platform") {
            Container_Boundary(serving, "Serving")
            {
                Container(kserve, "KServe")
        """,
        first_line=5,
    )
    assert _element(diagram, "kserve").boundary == "serving"
    assert _lines(diagnostics) == [6, 7]
    assert "`platform`" in diagnostics[0].message
    assert "`serving`" in diagnostics[1].message


def test_a_closing_brace_after_an_element_closes_the_boundary() -> None:
    diagram = _clean(
        """\
        C4Container
          System_Boundary(shop, "Shop") {
            Container(till, "Till", "Go") }
          Container(bank, "Bank link", "Go")
        """
    )
    assert _element(diagram, "till").boundary == "shop"
    assert _element(diagram, "bank").boundary is None


def test_boundary_without_a_block_is_reported() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Deployment
        Deployment_Node(rack, "Rack")
        Node(talos, "Talos")
        Container(nats, "NATS")
        """
    )
    assert _lines(diagnostics) == [2, 3]
    assert _element(diagram, "nats").boundary is None
    assert [b.children for b in diagram.boundaries] == [[], []]


def test_stray_braces() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        {
            Container(nats, "NATS")
        }
        Container(envoy, "Envoy") {
        }
        Container(milvus, "Milvus")
        }
        """
    )
    assert [element.alias for element in diagram.elements] == ["nats", "envoy", "milvus"]
    assert _element(diagram, "nats").boundary is None
    assert _lines(diagnostics) == [2, 5, 8]


def test_several_closing_braces_on_one_line() -> None:
    diagram = _clean(
        """\
        C4Container
        System_Boundary(a, "A") {
        Container_Boundary(b, "B") {
        Container(c, "C")
        }}
        Container(d, "D")
        """
    )
    assert _element(diagram, "d").boundary is None


def test_header_problems() -> None:
    diagram, diagnostics = _parse(
        """\
        Person(ops, "Operator")
        C4Context
        """
    )
    assert diagram.kind == "C4Context"
    assert [element.alias for element in diagram.elements] == ["ops"]
    assert _lines(diagnostics) == [1, 2]
    assert "must be the diagram's first line" in diagnostics[1].message

    _, diagnostics = _parse("C4Context extra\n")
    assert _lines(diagnostics) == [1]

    _, diagnostics = _parse("\n\n%% only a comment\n", first_line=7)
    assert _lines(diagnostics) == [7]


def test_unclosed_accessibility_block() -> None:
    _, diagnostics = _parse("C4Context\naccDescr {\nnever closed\n")
    assert _lines(diagnostics) == [2]
    assert "`accDescr {` is never closed" in diagnostics[0].message


def test_windows_and_old_mac_line_endings_keep_line_numbers() -> None:
    diagram = _clean('C4Context\r\nPerson(ops, "Ops")\r\rSystem(talos, "Talos")\r\n')
    assert [element.line for element in diagram.elements] == [2, 4]


def test_form_feed_does_not_shift_lines() -> None:
    diagram = _clean('C4Context\nPerson(ops, "Ops\x0cfeed")\nSystem(talos, "Talos")\n')
    assert _element(diagram, "talos").line == 3


def test_same_alias_twice_in_one_diagram_is_one_element() -> None:
    # Mermaid merges the two statements into one box, as the second one says.
    diagram = _clean('C4Context\nSystem(nats, "NATS")\nSystem(nats, "NATS", "Event bus")\n')
    (nats,) = diagram.elements
    assert (nats.line, nats.description) == (2, "Event bus")

    diagram, diagnostics = _parse('C4Context\nSystem(c1, "Orders")\nContainer(c1, "Billing DB")\n')
    (c1,) = diagram.elements
    assert (c1.kind, c1.label) == ("Container", "Billing DB")
    assert [(item.code, item.line) for item in diagnostics] == [(Code.C4_DUPLICATE_ALIAS, 3)]


def test_index_is_passed_through() -> None:
    diagram, _ = parse_c4('C4Context\nPerson(ops, "Ops")\n', page=PAGE, first_line=3, index=2)
    assert diagram.index == 2
    assert diagram.line == 2
    assert diagram.elements[0].diagram_index == 2


def test_a_broken_boundary_statement_still_pairs_with_its_closing_brace() -> None:
    diagram, diagnostics = _parse(
        """\
        C4Container
        System_Boundry(platform, "AI Platform") {
            Container(nats, "NATS")
        }
        System_Boundary(serving, "Serving) {
            Container(kserve, "KServe")
        }
        Container(envoy, "Envoy")
        """
    )
    assert _lines(diagnostics) == [2, 5]
    assert _element(diagram, "nats").boundary is None
    assert _element(diagram, "envoy").boundary is None


def test_diagnostics_are_in_line_order() -> None:
    _, diagnostics = _parse(
        """\
        C4Container
        System_Boundary(platform, "Platform") {
        garbage
        """
    )
    assert _lines(diagnostics) == [2, 3]
