"""find_c4_diagrams: which code blocks of a page are C4 diagrams, and their page lines."""

from __future__ import annotations

import pytest
from mkdocs_madr.c4 import find_c4_diagrams, is_c4_source
from mkdocs_madr.c4 import parser as parser_module

PAGE = "architecture/index.md"

# Page lines: the C4Context fence is line 5, the list item's fence 39, the quoted fence 48.
PLATFORM_PAGE = """\
# Homelab AI platform

The platform serves models on a small Talos cluster.

```mermaid
C4Context
title System context
Person(ops, "Operator", "Runs the homelab")
System(platform, "AI Platform", "Serves models")
Rel(ops, platform, "Deploys models with")
```

A flowchart is not a C4 diagram:

```mermaid
flowchart LR
  envoy --> kserve
```

Code that merely mentions C4 is not one either:

```python
DIAGRAM = '''
C4Context
Person(fake, "Fake")
'''
```

```
C4Context
Person(untyped, "No language")
```

    C4Context
    Person(indented, "Indented code block")

- Containers, as a list item:

  ```mermaid
  C4Container
  System_Boundary(platform, "AI Platform") {
      ContainerQueue(nats, "NATS JetStream", "NATS 2.10")
  }
  ```

> The deployment, quoted:
>
> ~~~mermaid title="rack"
> %% deployment
> C4Deployment
> Deployment_Node(gpu_nodes, "GPU nodes", "2x RTX 4090") {
>     Container(kserve, "KServe")
> }
> ~~~
"""


def test_finds_the_c4_fences_of_a_page() -> None:
    diagrams, diagnostics = find_c4_diagrams(PLATFORM_PAGE, PAGE)
    assert diagnostics == []
    assert [(d.kind, d.index, d.line, d.page) for d in diagrams] == [
        ("C4Context", 0, 5, PAGE),
        ("C4Container", 1, 39, PAGE),
        ("C4Deployment", 2, 48, PAGE),
    ]
    context, containers, deployment = diagrams
    assert context.title == "System context"
    assert [(e.alias, e.line, e.diagram_index) for e in context.elements] == [
        ("ops", 8, 0),
        ("platform", 9, 0),
    ]
    assert context.relations[0].line == 10
    assert [(e.alias, e.line, e.boundary) for e in containers.elements] == [
        ("platform", 41, None),
        ("nats", 42, "platform"),
    ]
    assert [(e.alias, e.line, e.boundary) for e in deployment.elements] == [
        ("gpu_nodes", 51, None),
        ("kserve", 52, "gpu_nodes"),
    ]


def test_aliases_from_non_c4_blocks_are_absent() -> None:
    diagrams, _ = find_c4_diagrams(PLATFORM_PAGE, PAGE)
    aliases = {element.alias for diagram in diagrams for element in diagram.elements}
    assert aliases.isdisjoint({"fake", "untyped", "indented", "envoy"})


def test_diagnostics_carry_page_lines() -> None:
    page = "\n".join(
        [
            "# Broken",  # 1
            "",  # 2
            "```mermaid",  # 3
            "C4Container",  # 4
            'Container(envoy, "Envoy")',  # 5
            "envoy --> kserve",  # 6
            "```",  # 7
            "",  # 8
            "1. step",  # 9
            "",  # 10
            "   ```mermaid",  # 11
            "   C4Context",  # 12
            "   Sytem(talos)",  # 13
            "   ```",  # 14
        ]
    )
    diagrams, diagnostics = find_c4_diagrams(page, "broken.md")
    assert [d.line for d in diagrams] == [3, 11]
    assert [(item.file, item.line) for item in diagnostics] == [("broken.md", 6), ("broken.md", 13)]


def test_first_line_offsets_every_line() -> None:
    page = '```mermaid\nC4Context\nPerson(ops, "Ops")\n```\n'
    (diagram,), _ = find_c4_diagrams(page, PAGE, first_line=5)
    assert diagram.line == 5
    assert diagram.elements[0].line == 7


def test_crlf_page_keeps_line_numbers() -> None:
    page = '# T\r\n\r\n```mermaid\r\nC4Context\r\nPerson(ops, "Ops")\r\n```\r\n'
    (diagram,), _ = find_c4_diagrams(page, PAGE)
    assert (diagram.line, diagram.elements[0].line) == (3, 5)


def test_unclosed_fence_runs_to_the_end_of_the_page() -> None:
    page = '```mermaid\nC4Context\nPerson(ops, "Ops")\n'
    (diagram,), diagnostics = find_c4_diagrams(page, PAGE)
    assert diagnostics == []
    assert diagram.elements[0].line == 3


def test_front_matter_in_the_mermaid_block() -> None:
    page = '```mermaid\n---\ntitle: Context\n---\nC4Context\nPerson(ops, "Ops")\n```\n'
    (diagram,), _ = find_c4_diagrams(page, PAGE)
    assert diagram.title == "Context"
    assert diagram.elements[0].line == 6


def test_page_without_c4_skips_the_markdown_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(markdown: str) -> None:
        raise AssertionError("the Markdown parser should not run")

    monkeypatch.setattr(parser_module, "block_tokens", refuse)
    page = "# Notes\n\n```mermaid\nflowchart LR\n  a --> b\n```\n"
    assert find_c4_diagrams(page, PAGE) == ([], [])


def test_several_diagrams_are_numbered_in_page_order() -> None:
    block = '```mermaid\nC4Context\nPerson(p{n}, "P")\n```\n\n'
    page = "".join(block.replace("{n}", str(n)) for n in range(4))
    diagrams, _ = find_c4_diagrams(page, PAGE)
    assert [d.index for d in diagrams] == [0, 1, 2, 3]
    assert [d.elements[0].alias for d in diagrams] == ["p0", "p1", "p2", "p3"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("C4Context\n", True),
        ("\n\n   C4Dynamic\n", True),
        ("%% comment\n%%{init: {}}%%\nC4Deployment", True),
        ("---\ntitle: x\n---\nC4Component\n", True),
        ("flowchart LR\nC4Context\n", False),
        ("C4Contextual\n", False),
        ("", False),
        ("%% C4Context\n", False),
        ("sequenceDiagram\n  Note over a: C4Container\n", False),
    ],
)
def test_is_c4_source(source: str, expected: bool) -> None:
    assert is_c4_source(source) is expected
