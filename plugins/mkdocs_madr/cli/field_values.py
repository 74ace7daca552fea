"""`adr new --set key=value`: the team's fields written into a new record, in its own form (a
front-matter key, a `* Key: value` bullet or a `Key: value` line), and the required ones asked
for."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping

import click

from ..core.fields.declaration import FieldDeclaration, FieldType, key_form
from ..core.fields.values import check_value
from ..edits.markdown_text import inline, one_line
from ..edits.yaml_text import flow_list, scalar
from .errors import CliError
from .values import refuse_bidi

_BULLET = re.compile(r"^([*-])\s+(?:\*\*|__)?[^\W\d_][\w.'/-]*(?: [\w.'/-]+){0,4}(?:\*\*|__)?:")
_LINE = re.compile(r"^(?:\*\*|__)?[^\W\d_][\w.'/-]*(?: [\w.'/-]+){0,4}(?:\*\*|__)?:\s")


def read_sets(pairs: tuple[str, ...]) -> dict[str, str]:
    """`--set owner=ana --set risk=low` → {owner: ana, risk: low}."""
    found: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        key = one_line(key)
        if not equals or not key:
            raise CliError(f"--set {pair!r}: write key=value")
        if not re.fullmatch(r"[^\W\d_][\w .'/-]*", key):
            raise CliError(f"--set {pair!r}: '{key}' is not a key a record can hold")
        refuse_bidi(value, "value")
        found[key] = one_line(value)
    return found


def complete_fields(
    given: dict[str, str],
    declarations: Mapping[str, FieldDeclaration],
    status: str,
    lifecycle: str | None,
) -> dict[str, str]:
    """The values to write, keyed by declared name where a key names a declared field: those
    given, checked, and the required ones asked for on a terminal (else refused)."""
    values: dict[str, str] = {}
    for key, value in given.items():
        declared = next((d for d in declarations.values() if d.matches(key)), None)
        name = declared.name if declared is not None else key
        if declared is not None:
            problem = check_value(declared, value).problem
            if problem is not None:
                raise CliError(f"--set {key}: {problem}")
        values[name] = value
    for declared in declarations.values():
        if declared.name in values or not declared.required_for(status, lifecycle):
            continue
        if not declared.required:
            continue
        if not sys.stdin.isatty():
            raise CliError(
                f"{declared.title} is required for {status} records: "
                f"pass --set {declared.name}=VALUE"
            )
        while True:
            answer = one_line(click.prompt(declared.title, err=True))
            problem = check_value(declared, answer).problem if answer else "is required"
            if problem is None:
                values[declared.name] = answer
                break
            click.echo(f"{declared.title}: {problem}", err=True)
    return values


def add_fields(
    text: str, values: Mapping[str, str], declarations: Mapping[str, FieldDeclaration]
) -> str:
    """`text` with a line per value where the record keeps its metadata: in front matter,
    after its metadata bullets, or after its `Key: value` lines."""
    if not values:
        return text
    lines = text.split("\n")
    if lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(at for at in range(1, len(lines)) if lines[at].strip() == "---")
        added = [f"{name}: {_yaml(name, value, declarations)}" for name, value in values.items()]
        return "\n".join([*lines[:end], *added, *lines[end:]])
    body_end = next(
        (at for at, line in enumerate(lines) if at and line.startswith("## ")), len(lines)
    )
    for pattern in (_BULLET, _LINE):
        last = _last_run(lines[:body_end], pattern)
        if last is not None:
            marker = _BULLET.match(lines[last])
            lead = f"{marker[1]} " if pattern is _BULLET and marker is not None else ""
            added = [f"{lead}{name}: {inline(value)}" for name, value in values.items()]
            return "\n".join([*lines[: last + 1], *added, *lines[last + 1 :]])
    names = ", ".join(values)
    raise CliError(f"the template has no metadata lines to add {names} to; nothing written")


def _last_run(lines: list[str], pattern: re.Pattern[str]) -> int | None:
    """The last line of the first run of lines that match `pattern`."""
    first = next((at for at, line in enumerate(lines) if pattern.match(line)), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(lines) and pattern.match(lines[last + 1]):
        last += 1
    return last


def _yaml(name: str, value: str, declarations: Mapping[str, FieldDeclaration]) -> str:
    declared = declarations.get(name)
    if declared is not None and declared.type is FieldType.PERSON_LIST:
        names = check_value(declared, value).value
        if isinstance(names, list):
            return flow_list([str(item) for item in names])
    return scalar(value)


def written_keys(metadata_keys: list[str], values: Mapping[str, str]) -> list[str]:
    """The keys of `values` a record does not read back (the template put them astray)."""
    read = {key_form(key) for key in metadata_keys}
    return [name for name in values if key_form(name) not in read]
