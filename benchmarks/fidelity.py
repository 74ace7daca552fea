"""How well the reader reads records nobody here wrote: per-field accuracy and lint precision
against records read by hand.

The hand readings are JSON lines, one per record, kept outside the repository (third-party
records are never committed):

    {"repo": "owner/name", "local": "/path/to/the/record.md", "title": "...", "status": "accepted",
     "date": "2021-03-04", "deciders": [...], "options": [...], "chosen": [...],
     "relations": [{"kind": "supersedes", "target": "3"}], ...}

Each repository's records are read as one folder (the deepest folder holding all of them), as
`adr list` would. Lint verdicts, if given, are JSON lines `{"repo", "path", "line", "code",
"verdict": "right"|"wrong"}`; warnings nobody judged are listed for judging.

    python benchmarks/fidelity.py truth.jsonl [more.jsonl …] [--lint judged.jsonl …] [--misses]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from mkdocs_madr.core.collection import Collection, load_collection
from mkdocs_madr.core.diagnostics import Severity
from mkdocs_madr.core.model import Decision
from mkdocs_madr.core.text import plain

# Run with an older checkout's Python to measure it the same way (before/after figures):
# `OLD/.venv/bin/python benchmarks/fidelity.py …` (modules had no core/ folder then).

_CLAUSE = re.compile(r"\s*[.;:,(\[（【。；：，]")
"""Where the word a status is shown as ends (`承認済み（…）`)."""

FIELDS = ("title", "status", "date", "deciders", "options", "chosen", "relations")


def norm(text: object) -> str:
    value = unicodedata.normalize("NFKD", plain(str(text)).casefold())
    value = "".join(char for char in value if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", value).split())


def same_name(a: str, b: str) -> bool:
    x, y = norm(a), norm(b)
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if short and (long.startswith(short + " ") or long.endswith(" " + short)):
        return True
    return difflib.SequenceMatcher(None, x, y).ratio() >= 0.85


def same_list(truth: list[str], ours: list[str], *, ordered: bool) -> bool:
    if len(truth) != len(ours):
        return False
    if ordered:
        return all(same_name(a, b) for a, b in zip(truth, ours, strict=True))
    remaining = list(ours)
    for wanted in truth:
        hit = next((got for got in remaining if same_name(wanted, got)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return True


def target_key(target: str, collection: Collection | None = None) -> str:
    """A relation target as a comparable key: the key of the record whose file it names, else
    its number, else its file stem."""
    stem = target.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if collection is not None:
        named = [d for d in collection.decisions if d.slug == stem]
        if len(named) == 1:
            return _key(named[0])
    digits = re.search(r"\d+", stem)
    return str(int(digits[0])) if digits and len(digits[0]) < 9 else norm(stem)


def _key_of(key: str, collection: Collection) -> str:
    found = collection.by_key.get(key)
    return _key(found) if found is not None else key


def _key(target: Decision) -> str:
    return str(target.number) if target.number is not None else norm(target.slug)


def our_relations(decision: Decision, collection: Collection) -> set[tuple[str, str]]:
    found = set()
    for source, relation, target in collection.links:
        if source is decision:
            found.add((relation.kind.value, _key(target)))
    return found


def compare(
    truth: dict[str, Any], decision: Decision | None, collection: Collection
) -> dict[str, bool]:
    if decision is None:
        return dict.fromkeys(FIELDS, False)
    options = [option.title for option in decision.options]
    chosen = [option.title for option in decision.options if option.chosen] or (
        [decision.chosen] if decision.chosen and not options else []
    )
    wanted_relations = {
        (relation["kind"], target_key(str(relation["target"]), collection))
        for relation in truth["relations"]
    }
    ours = our_relations(decision, collection)
    # A mention of a record the two are already linked by more strongly, from either side
    # (`ADR003 says it is superseded by this one`), is kept as that link, not as a second one:
    # the hand reading's `relates-to` is that link.
    linked = {_key_of(key, collection) for keys in decision.resolved.values() for key in keys}
    ours |= {
        (kind, target)
        for kind, target in wanted_relations
        if kind == "relates-to" and target in linked and (kind, target) not in ours
    }
    return {
        "title": norm(truth["title"] or "") == norm(decision.title or ""),
        # A team's word (`Decided`) is kept as the status and read as a stage of the lifecycle
        # (`accepted`); a word of another language (`承認済み`) is read as the keyword and shown
        # as written; a hand reading may give any of these.
        "status": norm(truth["status"] or "")
        in (
            norm(decision.status or ""),
            norm(decision.lifecycle or decision.status or ""),
            norm(_CLAUSE.split(decision.status_text or "", maxsplit=1)[0])
            if decision.status is not None
            else "",
        ),
        "date": (truth["date"] or None) == decision.date,
        "deciders": same_list(truth["deciders"], decision.deciders, ordered=False),
        "options": same_list(truth["options"], options, ordered=True),
        "chosen": same_list(truth["chosen"], chosen, ordered=False),
        "relations": wanted_relations == ours,
    }


def folder_of(paths: list[str]) -> Path:
    return Path(os.path.commonpath([os.path.dirname(path) for path in paths]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", nargs="+", type=Path)
    parser.add_argument("--lint", nargs="*", type=Path, default=[])
    parser.add_argument("--misses", action="store_true", help="print every field read wrongly")
    args = parser.parse_args()
    records = [json.loads(line) for path in args.truth for line in path.read_text().splitlines()]
    by_repo: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_repo[record["repo"]].append(record)
    judged = {
        (entry["repo"], entry["path"], entry["line"], entry["code"]): entry["verdict"]
        for path in args.lint
        for entry in map(json.loads, path.read_text().splitlines())
    }
    right: Counter[str] = Counter()
    all_right = 0
    lint: Counter[str] = Counter()
    unjudged: list[str] = []
    for repo, found in sorted(by_repo.items()):
        root = folder_of([record["local"] for record in found])
        collection = load_collection(root)
        by_file = {str(root / decision.file): decision for decision in collection.decisions}
        diagnostics = collection.all_diagnostics()
        for record in found:
            decision = by_file.get(record["local"])
            result = compare(record, decision, collection)
            right.update(field for field, ok in result.items() if ok)
            all_right += all(result.values())
            if args.misses and not all(result.values()):
                wrong = [field for field, ok in result.items() if not ok]
                print(f"MISS {repo} {record['path']}: {', '.join(wrong)}")
                for field in wrong:
                    ours = _ours(field, decision, collection)
                    print(f"    {field}: truth {record[field]!r} / ours {ours!r}")
            relative = os.path.relpath(record["local"], root)
            prefix = record["path"][: len(record["path"]) - len(relative)]
            for problem in diagnostics:
                if problem.file != relative or problem.severity is Severity.INFO:
                    continue
                key = (repo, prefix + problem.file, problem.line, problem.code.value)
                verdict = judged.get(key)
                if verdict is None:
                    unjudged.append(f"{repo} {prefix}{problem.format()}")
                    lint["unjudged"] += 1
                else:
                    lint[verdict] += 1
                    if args.misses and verdict == "wrong":
                        print(f"WRONG LINT {repo} {prefix}{problem.format()}")
    total = len(records)
    print(f"{len(by_repo)} repositories, {total} records")
    for field in FIELDS:
        print(f"  {field:<10} {right[field] / total:6.1%}  ({right[field]}/{total})")
    print(f"  all fields {all_right / total:6.1%}  ({all_right}/{total})")
    if args.lint:
        judged_count = lint["right"] + lint["wrong"]
        precision = lint["right"] / judged_count if judged_count else 1.0
        print(
            f"lint: {lint['right']} right, {lint['wrong']} wrong, {lint['unjudged']} not judged "
            f"(precision of the judged: {precision:.1%})"
        )
        for line in unjudged:
            print("  UNJUDGED", line)


def _ours(field: str, decision: Decision | None, collection: Collection) -> object:
    if decision is None:
        return "(not read as a record)"
    if field == "options":
        return [option.title for option in decision.options]
    if field == "chosen":
        return [option.title for option in decision.options if option.chosen] or decision.chosen
    if field == "relations":
        return sorted(our_relations(decision, collection))
    return getattr(decision, field)


if __name__ == "__main__":
    main()
