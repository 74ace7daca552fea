"""A generated set of Mermaid C4 diagrams for the parity test: the forms real diagrams use and
the ways they go wrong, mixed at random (with a fixed seed, so every run reads the same set).

Each diagram is a header and a few statements drawn from families: elements with every kind
of argument (quoted, bare, empty, named, with `\\"`, `<br/>`, commas, a stray space or tab),
boundaries (brace on the line or the next, `}` after an element, empty, nested), relations
(every macro, repeated pairs, ends that are boundaries or nothing), comments (own line,
trailing, bare), title and accessibility lines, styling, and the mistakes seen in practice
(C4-PlantUML macros, `direction`, a space before `(`, a lower-case macro, a missing quote or
parenthesis, a label-less `Rel`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

HEADERS = ("C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment")
PEOPLE_AND_SYSTEMS = (
    "Person",
    "Person_Ext",
    "System",
    "SystemDb",
    "SystemQueue",
    "System_Ext",
    "SystemDb_Ext",
    "SystemQueue_Ext",
)
CONTAINERS_AND_COMPONENTS = tuple(
    f"{base}{flavour}{external}"
    for base in ("Container", "Component")
    for flavour in ("", "Db", "Queue")
    for external in ("", "_Ext")
)
BOUNDARIES = ("Boundary", "Enterprise_Boundary", "System_Boundary", "Container_Boundary")
NODES = ("Deployment_Node", "Node", "Node_L", "Node_R")
RELATIONS = (
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
)
WORDS = ("Ledger", "Tide Gauge", "Harbour API", "Keel", "Bilge pump", "Night shift", "Quay")
TECHNOLOGIES = ("Go", "Rust", "Postgres 16", "NATS 2.10", "gRPC")
UNSUPPORTED = (
    'AddElementTag("hot", $bgColor="#f00")',
    'AddRelTag("async", $lineStyle="dashed")',
    'AddBoundaryTag("zone", $bgColor="#eee")',
    'UpdateBoundaryStyle(zone, $bgColor="#eee")',
    'UpdateSystemBoundaryStyle(zone, $bgColor="#eee")',
    "SHOW_LEGEND()",
    "Lay_R(a0, a1)",
)
CASES = Path(__file__).parents[1] / "fixtures" / "shared-cases"


def case_diagrams() -> list[tuple[str, str]]:
    """(name, source) of every C4 diagram in the shared case files."""
    found = []
    for path in sorted(CASES.glob("c4-*.md")):
        blocks = path.read_text(encoding="utf-8").split("```mermaid\n")[1:]
        for number, block in enumerate(blocks):
            found.append((f"{path.stem}#{number}", block.split("```")[0]))
    return found


def generated_diagrams(count: int, seed: int = 23) -> list[tuple[str, str]]:
    """(name, source) of `count` generated diagrams."""
    chance = random.Random(seed)
    return [(f"generated#{number}", _diagram(chance)) for number in range(count)]


class _Writer:
    def __init__(self, chance: random.Random) -> None:
        self.chance = chance
        self.lines: list[str] = []
        self.aliases: list[str] = []
        self.boxes: list[str] = []
        self.indent = "  "

    def pick(self, options: tuple[str, ...] | list[str]) -> str:
        return self.chance.choice(options)

    def maybe(self, probability: float) -> bool:
        return self.chance.random() < probability

    def alias(self) -> str:
        if self.aliases and self.maybe(0.15):
            return self.pick(self.aliases)
        alias = f"a{len(self.aliases)}"
        self.aliases.append(alias)
        return alias

    def argument(self, text: str, name: str) -> str:
        """`text` written as an argument, usually plainly, sometimes in a risky way."""
        roll = self.chance.random()
        if roll < 0.62:
            return f'"{text}"'
        if roll < 0.66:
            return f'"{text}" '
        if roll < 0.69:
            return f' "{text}"'
        if roll < 0.72:
            return f'\t"{text}"'
        if roll < 0.76:
            return '""'
        if roll < 0.80 and name in ("techn", "descr", "type", "tags", "link", "sprite"):
            return f'${name}="{text}"'
        if roll < 0.84:
            return f'${self.pick(("techn", "descr", "sprite", "tags", "link"))}="{text}"'
        if roll < 0.87:
            return f'"{text[:3]} \\"{text[3:]}\\""'
        if roll < 0.90:
            return f'"{text}<br/>{self.pick(WORDS)}"'
        if roll < 0.92:
            return f'"{text}, ({self.pick(TECHNOLOGIES)})"'
        if roll < 0.94:
            return f"'{text}'"
        if roll < 0.96:
            return f'"{text} #35; x"'
        return text

    def add(self, line: str) -> None:
        if self.maybe(0.06):
            line += " %% note"
        self.lines.append(self.indent + line)
        if self.maybe(0.05):
            self.lines.append(self.pick(("", "  %% between", "%%", "   ")))

    def element(self) -> None:
        macro = self.pick(PEOPLE_AND_SYSTEMS + CONTAINERS_AND_COMPONENTS)
        names = ["label"]
        if macro in CONTAINERS_AND_COMPONENTS and self.maybe(0.7):
            names.append("techn")
        if self.maybe(0.6):
            names.append("descr")
        if self.maybe(0.1):
            names.append(self.pick(("sprite", "tags", "link")))
        texts = {"label": self.pick(WORDS), "techn": self.pick(TECHNOLOGIES)}
        arguments = [self.argument(texts.get(name, self.pick(WORDS)), name) for name in names]
        if self.maybe(0.04):
            arguments = []
        self.add(f"{macro}({', '.join([self.alias(), *arguments])})")

    def relation(self) -> None:
        if len(self.aliases) < 2 and self.maybe(0.8):
            self.element()
            return
        macro = "RelIndex" if self.maybe(0.05) else self.pick(RELATIONS)
        ends = [*self.aliases, *self.boxes] or ["a0"]
        source, target = self.pick(ends), self.pick(ends)
        if self.maybe(0.05):
            target = "nowhere"
        arguments = [source, target]
        if not self.maybe(0.05):
            arguments.append(self.argument(self.pick(WORDS), "label"))
            if self.maybe(0.5):
                arguments.append(self.argument(self.pick(TECHNOLOGIES), "techn"))
            if self.maybe(0.2):
                arguments.append(self.argument(self.pick(WORDS), "descr"))
        if macro == "RelIndex":
            arguments.insert(0, str(len(self.lines)))
        self.add(f"{macro}({', '.join(arguments)})")

    def boundary(self, depth: int) -> None:
        macro = self.pick(BOUNDARIES + NODES)
        alias = f"b{len(self.boxes)}"
        self.boxes.append(alias)
        arguments = [alias, self.argument(self.pick(WORDS), "label")]
        if macro in (*NODES, "Boundary") and self.maybe(0.5):
            arguments.append(self.argument(self.pick(TECHNOLOGIES), "type"))
        if macro in NODES and self.maybe(0.3):
            arguments.append(self.argument(self.pick(WORDS), "descr"))
        opening = f"{macro}({', '.join(arguments)})"
        if self.maybe(0.2):
            self.add(opening)
            self.lines.append(self.indent + "{")
        else:
            self.add(opening + " {")
        outer, self.indent = self.indent, self.indent + "  "
        children = self.chance.randint(0, 3) if self.maybe(0.1) else self.chance.randint(1, 3)
        for _ in range(children):
            if depth < 2 and self.maybe(0.2):
                self.boundary(depth + 1)
            else:
                self.statement(depth + 1)
        self.indent = outer
        if self.lines and self.maybe(0.1) and self.lines[-1].rstrip().endswith(")"):
            self.lines[-1] += " }"
        elif not self.maybe(0.03):
            self.lines.append(self.indent + "}")

    def other(self) -> None:
        roll = self.chance.random()
        if roll < 0.25:
            self.add(f"title {self.pick(WORDS)}")
        elif roll < 0.35:
            self.add(f"accTitle: {self.pick(WORDS)}")
        elif roll < 0.45:
            self.add(f"accDescr: {self.pick(WORDS)}")
        elif roll < 0.5:
            self.lines.append(f"{self.indent}accDescr {{\n{self.indent}  {self.pick(WORDS)}\n}}")
        elif roll < 0.62:
            self.add(self.pick(UNSUPPORTED))
        elif roll < 0.7:
            self.add(f"direction {self.pick(('TB', 'LR'))}")
        elif roll < 0.8:
            self.add(f'UpdateElementStyle({self.pick(self.aliases or ["a0"])}, $bgColor="grey")')
        elif roll < 0.88:
            value = self.pick(('"2"', "3"))
            self.add(f'UpdateLayoutConfig($c4ShapeInRow={value}, $c4BoundaryInRow="1")')
        else:
            self.mistake()

    def mistake(self) -> None:
        alias = self.alias()
        self.add(
            self.pick(
                (
                    f'System ({alias}, "{self.pick(WORDS)}")',
                    f'person({alias}, "{self.pick(WORDS)}")',
                    f'Container({alias}, "{self.pick(WORDS)}", "Go"',
                    f'Container({alias}, "{self.pick(WORDS)}, "Go")',
                    f"Rel({alias}, {alias})",
                    f'System({alias}, "{self.pick(WORDS)}"))',
                    f'System({alias}, "{self.pick(WORDS)}");',
                    f"System({alias})",
                )
            )
        )

    def statement(self, depth: int) -> None:
        family: Callable[[], None] = self.chance.choices(
            (self.element, self.relation, self.other), weights=(5, 4, 1)
        )[0]
        family()


def _diagram(chance: random.Random) -> str:
    writer = _Writer(chance)
    header = writer.pick(HEADERS)
    if writer.maybe(0.05):
        writer.lines.append("%% a leading comment")
    writer.lines.append(header + (" %% header note" if writer.maybe(0.02) else ""))
    if writer.maybe(0.3):
        writer.lines.append(f"  title {writer.pick(WORDS)}")
    for _ in range(chance.randint(1, 7)):
        if writer.maybe(0.2):
            writer.boundary(0)
        else:
            writer.statement(0)
    text = "\n".join(writer.lines)
    if writer.maybe(0.1):
        text = f"---\ntitle: {writer.pick(WORDS)}\n---\n{text}"
    return text + ("\n" if writer.maybe(0.7) else "")
