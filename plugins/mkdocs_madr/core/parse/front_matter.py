"""Front matter: YAML (`---`) split with python-frontmatter, loaded safely, salvaged where it
breaks; TOML (`+++`, as Hugo and Zola write it) loaded with the standard library's reader."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..diagnostics import Code, Diagnostic, diagnostic

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_HANDLER = YAMLHandler()
_SAFE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SAFE):  # type: ignore[valid-type,misc]
    """Safe loading, where an impossible date such as 2025-02-30 stays text (and is then
    reported as an invalid date) instead of failing the whole front matter."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except (ValueError, AttributeError, TypeError):
        return loader.construct_scalar(node)  # type: ignore[arg-type]


def _int(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    # Python refuses int() of a decimal string, and str() of an int, past 4,300 digits; a
    # `0x…` of thousands of digits would load and then fail wherever it is printed. No real
    # value is that long, so a long one is kept as the text it was written as.
    text = loader.construct_scalar(node)  # type: ignore[arg-type]
    if len(text) > _LONGEST_INT_TEXT:
        return text
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)  # type: ignore[arg-type]


_LONGEST_INT_TEXT = 1_000  # even in binary, under 4,300 decimal digits

_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
# Besides syntax errors, PyYAML's safe constructors raise plain exceptions on some values:
# `date: 2025-02-30` (ValueError), `!!timestamp soon` (AttributeError), deep nesting.
_LOAD_ERRORS = (yaml.YAMLError, ValueError, TypeError, AttributeError, RecursionError)
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w.-]*(?: [\w.-]+)*)\s*:(?:\s+(.*)|\s*)$")
_LIST_LINE = re.compile(r"^\s+-\s+(.*)$")


@dataclass
class FrontMatter:
    """The metadata mapping, the body below it, and where the body starts."""

    data: dict[str, object] = field(default_factory=dict)
    body: str = ""
    body_offset: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    present: bool = False


def read_front_matter(text: str, file: str, problems: list[Diagnostic]) -> FrontMatter:
    """Read the front matter of `text`, if any; never raises.

    Invalid YAML (as in MADR 3's unedited template, where `{…}` is a flow mapping) is reported
    and then read key by key, so one bad value does not hide the status or the date.
    """
    start = _after_leading_comments(text)
    head, text = text[:start], text[start:]
    if text.startswith("+++"):
        return _read_toml(head, text, file, problems)
    if not text.startswith("---") or not _HANDLER.detect(text):
        return FrontMatter(body=head + text)
    try:
        raw, body = _HANDLER.split(text)
    except ValueError:
        return FrontMatter(body=head + text)
    lead = head.count("\n")
    offset = lead + text[: len(text) - len(body)].count("\n")
    result = FrontMatter(body=body, body_offset=offset, present=True)
    first_line = lead + text[: max(text.find(raw, 3), 0)].count("\n") + 1
    result.lines = _key_lines(raw, first_line)
    try:
        loaded = _HANDLER.load(raw, Loader=_Loader)
    except _LOAD_ERRORS as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else _failing_line(raw, first_line)
        reason = getattr(error, "problem", None) or _reason(error)
        problems.append(
            diagnostic(
                Code.INVALID_FRONT_MATTER,
                file,
                line,
                f"front matter is not valid YAML ({reason}); keys are read one line at a time",
            )
        )
        result.data = _salvage(raw)
        return result
    if loaded is None:
        return result
    if not isinstance(loaded, dict):
        problems.append(
            diagnostic(Code.INVALID_FRONT_MATTER, file, 2, "front matter is not a mapping of keys")
        )
        return result
    result.data = {str(key): value for key, value in loaded.items()}
    return result


_TOML_BLOCK = re.compile(
    r"\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|$)", re.DOTALL | re.MULTILINE
)
_TOML_KEY_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$")


def without_toml_front_matter(text: str) -> str:
    """The text without a leading `+++` TOML front matter, which MkDocs would show as text (it
    takes only YAML front matter from a page)."""
    block = _TOML_BLOCK.match(text) if text.startswith("+++") else None
    return text[block.end() :] if block is not None else text


def _read_toml(head: str, text: str, file: str, problems: list[Diagnostic]) -> FrontMatter:
    """`+++` … `+++`: TOML front matter; an invalid one is reported and read key by key."""
    block = _TOML_BLOCK.match(text)
    if block is None:
        return FrontMatter(body=head + text)
    raw, body = block[1], text[block.end() :]
    first_line = head.count("\n") + 2
    result = FrontMatter(body=body, body_offset=first_line - 1 + raw.count("\n") + 1, present=True)
    result.lines = {}
    for number, line in enumerate(raw.split("\n")):
        match = _TOML_KEY_LINE.match(line)
        if match and match[1] not in result.lines:
            result.lines[match[1]] = first_line + number
    try:
        loaded = tomllib.loads(raw)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        problems.append(
            diagnostic(
                Code.INVALID_FRONT_MATTER,
                file,
                first_line,
                f"front matter is not valid TOML ({error}); keys are read one line at a time",
            )
        )
        result.data = {
            match[1]: _toml_scalar(match[2])
            for line in raw.split("\n")
            if (match := _TOML_KEY_LINE.match(line))
        }
        return result
    result.data = dict(loaded)
    return result


def _toml_scalar(value: str) -> object:
    try:
        return tomllib.loads(f"v = {value}")["v"]
    except (tomllib.TOMLDecodeError, ValueError):
        return value.strip("\"'")


def _failing_line(raw: str, first_line: int) -> int:
    """The line of the first key whose value the loader rejects (errors without a position)."""
    for number, line in enumerate(raw.split("\n")):
        match = _KEY_LINE.match(line)
        if match and match[2]:
            try:
                yaml.load(match[2], Loader=_Loader)  # a safe loader
            except _LOAD_ERRORS:
                return first_line + number
    return first_line


def _reason(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return f"{type(error).__name__}: {error}"


def _after_leading_comments(text: str) -> int:
    """Where front matter may start: after licence headers and other leading HTML comments."""
    position = 0
    while True:
        stripped = len(text) - len(text[position:].lstrip())
        if not text.startswith("<!--", stripped):
            return stripped if text.startswith("---", stripped) and position else 0
        end = text.find("-->", stripped)
        if end == -1:
            return 0
        position = end + 3


def _yaml_lines(raw: str) -> list[tuple[int, str]]:
    """The lines YAML sees, each with its physical line (0-based): YAML also breaks lines at
    NEL, U+2028 and U+2029, which editors show on one line."""
    return [
        (number, piece)
        for number, line in enumerate(raw.split("\n"))
        for piece in _YAML_ONLY_BREAK.split(line)
    ]


def _key_lines(raw: str, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in _yaml_lines(raw):
        match = _KEY_LINE.match(line)
        if match and match[1] not in lines:
            lines[match[1]] = first_line + number
    return lines


def _salvage(raw: str) -> dict[str, object]:
    data: dict[str, object] = {}
    key: str | None = None
    for _, line in _yaml_lines(raw):
        match = _KEY_LINE.match(line)
        if match:
            key = match[1]
            value = (match[2] or "").strip()
            data[key] = _load_scalar(value) if value else []
            continue
        item = _LIST_LINE.match(line)
        if item and key is not None and isinstance(data.get(key), list):
            items = data[key]
            assert isinstance(items, list)
            items.append(_load_scalar(item[1].strip()))
    return {name: (None if value == [] else value) for name, value in data.items()}


def _load_scalar(value: str) -> object:
    try:
        loaded = yaml.load(value, Loader=_Loader)  # a safe loader
        if isinstance(loaded, dict) and not value.lstrip().startswith("{"):
            return value  # `title: ADR001: Widget File Format`: a colon in a plain value
        return loaded
    except _LOAD_ERRORS:
        if value.startswith("!"):
            return None  # a tag the safe loader refuses: no value is read from it
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            return value[1:-1]
        return value
