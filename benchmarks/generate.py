"""Generate a realistic site of N decision records for the benchmarks.

The records mix every dialect the reader supports (MADR 2, 3 and 4, log4brains, Nygard), with
3 to 5 options each carrying arguments, decision drivers, consequences, code blocks, tables,
relations (supersedes and relates-to), C4 references and glossary terms. Output is
deterministic for a given N and seed.

    python benchmarks/generate.py 1000 /tmp/site-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import textwrap
from pathlib import Path

ALIASES = ["nats", "milvus", "kserve", "envoy", "flux", "argo", "temporal", "talos", "gpu_nodes"]
TERMS = [
    ("NATS JetStream", "JetStream", "The persistence layer of NATS with streams and consumers."),
    ("MessagePack", "msgpack", "A compact binary serialisation format."),
    ("KServe", None, "Model serving on Kubernetes with InferenceService resources."),
    ("Milvus", None, "A vector database for similarity search."),
    ("Talos Linux", "Talos", "An immutable operating system for Kubernetes nodes."),
    ("Flux CD", "Flux", "A GitOps operator that reconciles clusters from Git."),
    ("Envoy Gateway", None, "An implementation of the Gateway API on Envoy."),
    ("Argo Workflows", None, "A workflow engine for batch jobs on Kubernetes."),
    ("Temporal", None, "A durable execution engine for long-running workflows."),
    ("GitOps", None, "Operating infrastructure from declarations kept in Git."),
    ("Dead-letter queue", "DLQ", "Where messages go that cannot be processed."),
    ("Embedding", None, "A vector representation of text or images."),
]
SUBJECTS = [
    "message encoding",
    "model serving",
    "vector search",
    "ingress",
    "secrets handling",
    "GPU scheduling",
    "workflow orchestration",
    "node operating system",
    "observability",
    "backup strategy",
    "schema evolution",
    "rate limiting",
    "caching",
    "feature flags",
]
TECH = [
    "NATS JetStream",
    "Kafka",
    "Redis Streams",
    "RabbitMQ",
    "MessagePack",
    "Protocol Buffers",
    "JSON",
    "Avro",
    "KServe",
    "Seldon",
    "Ray Serve",
    "Milvus",
    "Qdrant",
    "pgvector",
    "Weaviate",
    "Envoy Gateway",
    "ingress-nginx",
    "Traefik",
    "Flux CD",
    "Argo CD",
    "Temporal",
    "Argo Workflows",
]
WORDS = [
    "latency",
    "throughput",
    "cost",
    "operability",
    "durability",
    "isolation",
    "simplicity",
    "portability",
    "security",
    "observability",
    "maturity",
    "community",
    "footprint",
    "upgrades",
    "tooling",
    "resilience",
]
DIALECTS = ["madr4"] * 4 + ["madr3"] * 2 + ["madr2"] * 2 + ["nygard", "log4brains"]


def sentence(rng: random.Random, terms: bool = True) -> str:
    words = rng.sample(WORDS, 6)
    term = rng.choice(TERMS)[0] if terms and rng.random() < 0.6 else rng.choice(WORDS)
    return (
        f"The {words[0]} of the {rng.choice(SUBJECTS)} path depends on {term}, and "
        f"{words[1]} and {words[2]} matter more than {words[3]} for the next {rng.randint(2, 9)} "
        f"quarters, given {words[4]} limits and {words[5]} goals."
    )


def paragraph(rng: random.Random, count: int) -> str:
    return "\n".join(textwrap.wrap(" ".join(sentence(rng) for _ in range(count)), 96))


def record(number: int, rng: random.Random, records: list[dict[str, object]]) -> dict[str, object]:
    dialect = DIALECTS[number % len(DIALECTS)]
    subject = rng.choice(SUBJECTS)
    options = rng.sample(TECH, rng.randint(3, 5))
    chosen = rng.choice(options)
    title = f"Use {chosen} for {subject} ({number})"
    date = dt.date(2020, 1, 1) + dt.timedelta(days=number % 2000)
    drivers = [
        f"**{word.capitalize()}** – {sentence(rng, terms=False)[:60]}"
        for word in rng.sample(WORDS, rng.randint(3, 5))
    ]
    supersedes = None
    if number > 10 and number % 10 == 0:
        candidates = [r for r in records if r["status"] == "accepted" and not r["superseded"]]
        if candidates:
            supersedes = rng.choice(candidates[-50:])
            supersedes["superseded"] = number
    relates = rng.choice(records)["number"] if records and number % 7 == 0 else None
    return {
        "number": number,
        "dialect": dialect,
        "title": title,
        "date": date.isoformat(),
        "status": "accepted" if number % 6 else "proposed",
        "options": options,
        "chosen": chosen,
        "drivers": drivers,
        "c4": rng.sample(ALIASES, rng.randint(1, 2)),
        "supersedes": supersedes["number"] if supersedes else None,
        "relates": relates,
        "superseded": None,
        "seed": rng.random(),
    }


def file_name(entry: dict[str, object]) -> str:
    slug = str(entry["title"]).lower()
    slug = "".join(ch if ch.isalnum() else "-" for ch in slug)
    slug = "-".join(part for part in slug.split("-") if part)[:60]
    return f"{int(entry['number']):04d}-{slug}.md"  # type: ignore[call-overload]


def render(entry: dict[str, object], names: dict[int, str]) -> str:
    rng = random.Random(float(entry["seed"]))  # type: ignore[arg-type]
    number = int(entry["number"])  # type: ignore[call-overload]
    dialect = entry["dialect"]
    options: list[str] = entry["options"]  # type: ignore[assignment]
    status = str(entry["status"])
    superseded = entry["superseded"]
    if superseded:
        link = f"[ADR-{int(superseded):04d}]({names[int(superseded)]})"  # type: ignore[call-overload]
        status = f"superseded by {link}"
    c4 = ", ".join(entry["c4"])  # type: ignore[arg-type]
    lines: list[str] = []
    if dialect in ("madr3", "madr4"):
        people = "decision-makers" if dialect == "madr4" else "deciders"
        lines += [
            "---",
            f"status: {status}" if not superseded else f'status: "{status}"',
            f"date: {entry['date']}",
            f"{people}: [Ada Lovelace, Grace Hopper]",
            "consulted: [Platform team]",
            "informed: [Everyone]",
            f"tags: [{rng.choice(SUBJECTS).split()[0]}, generated]",
            f"c4: [{c4}]",
        ]
        if entry["supersedes"]:
            lines.append(f'supersedes: ["{int(entry["supersedes"]):04d}"]')  # type: ignore[call-overload]
        lines += ["---", "", f"# {entry['title']}", ""]
    elif dialect == "nygard":
        lines += [
            f"# {number}. {entry['title']}",
            "",
            f"Date: {entry['date']}",
            f"C4: {c4}",
            "",
            "## Status",
            "",
            status.capitalize()
            if not superseded
            else f"Superseded by [{superseded}. Successor]({names[int(str(superseded))]})",
            "",
        ]
        if entry["supersedes"]:
            target = int(entry["supersedes"])  # type: ignore[call-overload]
            lines += [f"Supercedes [{target}. Older]({names[target]})", ""]
    else:
        bullet = "-" if dialect == "log4brains" else "*"
        lines += [
            f"# {entry['title']}",
            "",
            f"{bullet} Status: {status}",
            f"{bullet} Deciders: Ada Lovelace, Grace Hopper",
            f"{bullet} Date: {entry['date']}",
            f"{bullet} Tags: generated, {rng.choice(SUBJECTS).split()[0]}",
            f"{bullet} C4: {c4}",
            "",
        ]
    lines += [
        "## Context and Problem Statement",
        "",
        paragraph(rng, 3),
        "",
        "| Metric | Today | Target |",
        "|---|---|---|",
        f"| p99 latency | {rng.randint(20, 90)} ms | {rng.randint(5, 19)} ms |",
        f"| cost per month | {rng.randint(100, 900)} € | {rng.randint(50, 99)} € |",
        "",
    ]
    if dialect != "nygard":
        lines += ["## Decision Drivers", ""] + [f"* {d}" for d in entry["drivers"]] + [""]  # type: ignore[attr-defined]
        lines += ["## Considered Options", ""] + [f"* {o}" for o in options] + [""]
        lines += [
            "## Decision Outcome",
            "",
            f'Chosen option: "{entry["chosen"]}", because {sentence(rng)}',
            "",
        ]
        if dialect == "madr2":
            lines += [
                "### Positive Consequences",
                "",
                f"* {sentence(rng)}",
                f"* {sentence(rng)}",
                "",
                "### Negative Consequences",
                "",
                f"* {sentence(rng)}",
                "",
            ]
        else:
            lines += [
                "### Consequences",
                "",
                f"* Good, because {sentence(rng)}",
                f"* Neutral, because {sentence(rng)}",
                f"* Bad, because {sentence(rng)}",
                "",
            ]
        lines += [
            "```yaml",
            "apiVersion: v1",
            "kind: ConfigMap",
            "metadata:",
            f"  name: decision-{number}",
            "data:",
            f"  choice: {entry['chosen']}",
            "```",
            "",
        ]
        lines += ["## Pros and Cons of the Options", ""]
        for option in options:
            lines += [f"### {option}", "", sentence(rng, terms=False), ""]
            for _ in range(rng.randint(1, 3)):
                lines.append(f"* Good, because {rng.choice(WORDS)} {sentence(rng)[:80]}")
            lines.append(f"* Neutral, because {sentence(rng)[:70]}")
            for _ in range(rng.randint(1, 2)):
                lines.append(f"* Bad, because {rng.choice(WORDS)} {sentence(rng)[:80]}")
            lines.append("")
        more = "## Links" if dialect == "madr2" else "## More Information"
        lines += [more, ""]
        if entry["relates"]:
            target = int(entry["relates"])  # type: ignore[call-overload]
            lines.append(f"* Relates to [ADR-{target:04d}]({names[target]})")
        if entry["supersedes"] and dialect == "madr2":
            target = int(entry["supersedes"])  # type: ignore[call-overload]
            lines.append(f"* Supersedes [ADR-{target:04d}]({names[target]})")
        lines += ["* [Upstream documentation](https://example.com/docs)", ""]
    else:
        lines += [
            "## Decision",
            "",
            f"We will use {entry['chosen']}. {paragraph(rng, 2)}",
            "",
            "## Consequences",
            "",
            paragraph(rng, 2),
            "",
        ]
    return "\n".join(lines)


DOCS_INDEX = "# Platform documentation\n\nThe architecture, the glossary and the decisions.\n"
CONTAINERS = """# Containers

```mermaid
C4Container
  title Containers
  Person(operator, "Operator")
  System_Boundary(lab, "Platform") {
    ContainerQueue(nats, "NATS JetStream", "NATS 2.10")
    ContainerDb(milvus, "Milvus", "Milvus 2.5")
    Container(kserve, "KServe", "KServe 0.15")
    Container(envoy, "Envoy Gateway", "Envoy 1.5")
    Container(flux, "Flux", "Flux 2.7")
    Container(argo, "Argo Workflows", "Argo 3.7")
    Container(temporal, "Temporal", "Temporal 1.28")
    Container(talos, "Talos nodes", "Talos 1.10")
    Container(gpu_nodes, "GPU nodes", "NVIDIA")
  }
  Rel(envoy, kserve, "routes", "HTTP")
  Rel(kserve, nats, "consumes", "MessagePack")
```
"""


def glossary() -> str:
    lines = ["# Glossary", ""]
    for term, alias, definition in TERMS:
        lines += [f"{term} ({alias})" if alias else term, f": {definition}", ""]
    return "\n".join(lines)


def generate(count: int, root: Path, seed: int = 7) -> list[Path]:
    """Write `count` records into root/decisions and the docs pages into root/docs."""
    rng = random.Random(seed)
    entries: list[dict[str, object]] = []
    for number in range(1, count + 1):
        entries.append(record(number, rng, entries))
    names = {int(e["number"]): file_name(e) for e in entries}  # type: ignore[call-overload]
    (root / "decisions").mkdir(parents=True, exist_ok=True)
    written = []
    for entry in entries:
        path = root / "decisions" / names[int(entry["number"])]  # type: ignore[call-overload]
        path.write_text(render(entry, names), encoding="utf-8")
        written.append(path)
    docs = root / "docs"
    (docs / "architecture").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(DOCS_INDEX, encoding="utf-8")
    (docs / "GLOSSARY.md").write_text(glossary(), encoding="utf-8")
    (docs / "architecture" / "containers.md").write_text(CONTAINERS, encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("root", type=Path)
    args = parser.parse_args()
    files = generate(args.count, args.root)
    size = sum(path.stat().st_size for path in files) / max(len(files), 1)
    print(
        f"{len(files)} records in {args.root / 'decisions'}, {size / 1024:.1f} KiB each on average"
    )


if __name__ == "__main__":
    main()
