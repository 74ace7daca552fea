"""`adr list`, `adr show` and `adr lint`: the read-only commands."""

from __future__ import annotations

import datetime
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from ..core.collection import Collection
from ..core.diagnostics import Code, Diagnostic, Severity
from ..core.export import (
    decision_to_dict,
    encode_for_terminal,
    json_pieces,
    metadata_and_references,
    record_fields,
)
from ..core.in_force import decisions_in_force
from ..core.model import Decision, RelationKind
from ..core.settings import SettingsError
from ..core.terminal import for_terminal
from .errors import CliError, NotFound
from .output import json_out, printable_json, say, write_pieces
from .project import Project, effective, open_project, read_collection

_STOPPERS = (Code.NOT_UTF8, Code.UNREADABLE_FILE)


def run_list(
    directory: Path | None,
    config_file: Path | None,
    output: str,
    statuses: tuple[str, ...],
    sources: tuple[str, ...] = (),
    *,
    in_force: bool = False,
    cache: bool = True,
) -> None:
    project = open_project(directory, config_file, cache=cache)
    # JSON: each record is encoded (as printed) where it is parsed, so only its metadata
    # travels back.
    as_json = output == "json"
    collection = read_collection(project, encode_for_terminal if as_json else None, history=as_json)
    wanted = {status.lower() for status in statuses}
    chosen = [d for d in collection.decisions if not wanted or (d.status or "") in wanted]
    if in_force:
        chosen = decisions_in_force(chosen)
    if sources:
        chosen = of_sources(chosen, sources, collection.sources)
    _report_stoppers(project, collection.all_diagnostics())
    if as_json:
        pieces = json_pieces(
            collection,
            own_fields=lambda decision: (
                collection.extras.get(decision.file) or printable_json(record_fields(decision))
            ),
            decisions=chosen,
            diagnostics=effective(collection.all_diagnostics(), project.settings),
            dumps=printable_json,
        )
        write_pieces(pieces)
        return
    if not chosen and collection.decisions and in_force and not wanted:
        say("no records in force (accepted, and not superseded entirely)", err=True)
        return
    if not chosen and collection.decisions and wanted:
        in_use = sorted({d.status or "(none)" for d in collection.decisions})
        say(
            f"no records with status {', '.join(sorted(wanted))} "
            f"(statuses in use: {', '.join(in_use)})",
            err=True,
        )
        return
    _print_table(chosen)


def of_sources(
    decisions: list[Decision], names: tuple[str, ...], known: frozenset[str]
) -> list[Decision]:
    """The records of the named sources (`.`: the site's own); an unknown name is an error."""
    unknown = sorted(set(names) - known - {"."})
    if unknown:
        listed = ", ".join(sorted(known)) or "none in mkdocs.yml"
        raise CliError(f"no source named '{unknown[0]}' (sources: {listed}; `.` is the site's own)")
    wanted = {None if name == "." else name for name in names}
    return [decision for decision in decisions if decision.source in wanted]


def _report_stoppers(project: Project, diagnostics: list) -> None:  # type: ignore[type-arg]
    for found in diagnostics:
        if found.code in _STOPPERS:
            say(f"adr: {project.display(found.file)}: {found.message}", err=True)


def _print_table(decisions: list[Decision]) -> None:
    if not decisions:
        say("no decision records found", err=True)
        return
    width = shutil.get_terminal_size((100, 24)).columns
    rows = [
        tuple(
            for_terminal(cell)
            for cell in (d.key, d.status or "-", d.date or "-", d.title or f"({d.file})")
        )
        for d in decisions
    ]
    widths = [max(len(row[i]) for row in [*rows, ("ID", "STATUS", "DATE", "")]) for i in range(3)]
    header = ("ID", "STATUS", "DATE", "TITLE")
    for row in [header, *rows]:
        head = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3]))
        room = max(20, width - len(head) - 2)
        title = row[3] if len(row[3]) <= room else row[3][: room - 1] + "…"
        say(f"{head}  {title}".rstrip())


def run_show(
    record: str,
    directory: Path | None,
    config_file: Path | None,
    output: str,
    *,
    cache: bool = True,
) -> None:
    project = open_project(directory, config_file, cache=cache)
    collection = read_collection(project, history=True)
    decision = collection.find(record)
    if decision is None:
        raise NotFound(f"{project.display()}: no record '{record}'")
    if output == "json":
        data = decision_to_dict(decision, collection)
        json_out().write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for line in _describe(decision, project):
        say(line)
    for found in effective(collection.diagnostics_for(decision), project.settings):
        say(f"{project.display(found.file)}:{found.line or 1}: {found.code.value}: {found.message}")


def _describe(decision: Decision, project: Project) -> list[str]:
    lines = [f"{decision.key}  {decision.title or '(no title)'}", ""]
    facts = [
        ("File", project.display(decision.file)),
        ("Format", decision.dialect.value),
        ("Status", decision.status_text or decision.status or "-"),
        ("Date", decision.date or "-"),
        ("Deciders", ", ".join(decision.deciders) or "-"),
        ("Consulted", ", ".join(decision.consulted)),
        ("Informed", ", ".join(decision.informed)),
        ("Tags", ", ".join(decision.tags)),
        ("C4", ", ".join(decision.c4)),
        ("Story", decision.technical_story or ""),
    ]
    for kind in RelationKind:
        keys = decision.related(kind)
        if keys:
            facts.append((kind.value.replace("-", " ").capitalize(), ", ".join(keys)))
    facts += _team_facts(decision, project)
    lines += [f"  {name + ':':<15}{value}" for name, value in facts if value]
    if decision.drivers:
        lines += ["", "Decision drivers:"] + [f"  - {driver}" for driver in decision.drivers]
    if decision.options:
        lines += ["", "Considered options:"]
        for option in decision.options:
            mark = "*" if option.chosen else " "
            counts = f"+{len(option.good)} ~{len(option.neutral)} -{len(option.bad)}"
            lines.append(f"  {mark} {option.title}  ({counts})")
    if decision.chosen:
        because = f", because {decision.justification}" if decision.justification else ""
        lines += ["", f"Chosen: {decision.chosen}{because}"]
    consequences = decision.consequences
    for label, items in (
        ("Good", consequences.good),
        ("Neutral", consequences.neutral),
        ("Bad", consequences.bad),
    ):
        if items:
            lines += ["", f"{label} consequences:"] + [f"  - {item}" for item in items]
    lines.append("")
    return lines


def _team_facts(decision: Decision, project: Project) -> list[tuple[str, str]]:
    """The declared fields, review dates and history from Git, as `adr show` lists them."""
    declared = project.settings.fields
    facts = []
    for name, value in decision.fields.items():
        if value is not None and value != []:
            label = declared[name].title if name in declared else name
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            facts.append((label, shown))
    facts += [
        ("Review by", decision.review_by or ""),
        ("Reviewed", decision.reviewed or ""),
        ("Revisit when", decision.revisit_when or ""),
        ("Recorded", decision.recorded or ""),
    ]
    steps = [
        f"{change.status or '?'} {change.date} ({change.author})" for change in decision.history
    ]
    facts.append(("History", " → ".join(steps)))
    return facts


def run_lint(
    directory: Path | None,
    config_file: Path | None,
    strict: bool,
    output: str,
    as_of: datetime.date | None = None,
    *,
    cache: bool = True,
) -> int:
    project = replace(open_project(directory, config_file, cache=cache), as_of=as_of)
    collection = read_collection(project, after_parse=metadata_and_references)
    found = lint_diagnostics(project, collection, texts_kept=True)
    if output == "json":
        listed = [{**d.to_dict(), "file": project.display(d.file)} for d in found]
        sys.stdout.write(json.dumps(listed, indent=1) + "\n")
    else:
        for problem in found:
            where = project.display(problem.file)
            line = f":{problem.line}" if problem.line is not None else ""
            say(f"{where}{line}: {problem.code.value}: {problem.message}")
    errors = sum(1 for d in found if d.severity is Severity.ERROR)
    warnings = sum(1 for d in found if d.severity is Severity.WARNING)
    records = len(collection.decisions)
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    say(f"{_count(records, 'record')}: {counts}", err=True)
    return 1 if errors or (strict and warnings) else 0


def lint_diagnostics(
    project: Project, collection: Collection, *, texts_kept: bool = False
) -> list[Diagnostic]:
    """What `adr lint` reports: the records, the documentation as a build checks it, and
    citations of replaced records; at the project's levels, in path and line order. With
    `texts_kept`, the folder was read with `metadata_and_references`, whose texts are used
    instead of reading its records again."""
    from ..site.checks import MissingGlossary, check_documentation, read_record_text
    from .refs_command import citation_problems  # the repository's file lister

    def record_text(decision: Decision) -> str | None:
        if decision.source is None:  # a record of the folder, read with the texts kept
            text = collection.extras.get(decision.file)
            return text if isinstance(text, str) else None
        return read_record_text(collection.root, decision.file)

    settings = project.settings
    docs_dir = settings.docs_dir
    try:
        settings.mermaid_file()  # a build stops without it, so lint fails too
        beyond = check_documentation(
            docs_dir,
            collection,
            glossary=settings.glossary,
            shown_from=project.root,
            links=settings.links(docs_dir) if docs_dir is not None else None,
            record_text=record_text if texts_kept else None,
        )
    except SettingsError as error:
        raise CliError(str(error)) from None
    except MissingGlossary as error:
        raise CliError(str(settings.error("glossary", str(error)))) from None
    beyond += citation_problems(project, collection)
    return sorted(
        effective(collection.all_diagnostics() + beyond, settings),
        key=lambda d: (project.display(d.file), d.line or 0),
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
