"""The Jinja2 templates `adr new` fills in: the project's own first, then the package's.

Templates produce Markdown, so autoescape is off; values only ever reach a template as data,
never as template source, so a title holding `{{ }}` is written as typed. Filters put values
into YAML and Markdown safely (`yaml`, `yaml_quoted`, `yaml_list`, `inline`, `inline_list`);
blocks are trimmed (`trim_blocks`, `lstrip_blocks`), so a `{% if %}` line leaves no blank line
behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..edits.markdown_text import inline, inline_list
from ..edits.yaml_text import flow_list, quoted, scalar
from .errors import CliError

BUILTIN = ("madr4", "madr4-minimal", "madr4-bare", "madr3", "madr2", "nygard")
PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "records"


@dataclass(frozen=True)
class Template:
    name: str
    path: Path
    source: str


def find_template(name: str, templates_dir: Path | None) -> Template:
    """A template by name (the project's `<templates_dir>/records/<name>.md` first) or path."""
    candidates: list[Path] = []
    looks_like_path = name.endswith((".md", ".markdown", ".j2", ".jinja")) or any(
        separator in name for separator in ("/", "\\")
    )
    if looks_like_path:
        candidates.append(Path(name))
    else:
        if templates_dir is not None:
            candidates.append(templates_dir / "records" / f"{name}.md")
        if name in BUILTIN:
            candidates.append(PACKAGE_TEMPLATES / f"{name}.md")
    for path in candidates:
        if path.is_file():
            try:
                return Template(name, path, path.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError) as error:
                raise CliError(f"{path}: cannot read the template: {error}") from None
    if looks_like_path:
        raise CliError(f"{name}: no such template file")
    known = ", ".join(BUILTIN)
    where = f" or {templates_dir / 'records'}/<name>.md" if templates_dir is not None else ""
    raise CliError(f"unknown template '{name}': use one of {known}{where}, or a file path")


def render(template: Template, values: dict[str, Any]) -> str:
    import jinja2

    environment = jinja2.Environment(
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined,
    )
    environment.filters.update(
        yaml=lambda value: scalar(str(value)),
        yaml_quoted=lambda value: quoted(str(value)),
        yaml_list=lambda values: flow_list([str(value) for value in values or []]),
        inline=lambda value: inline(str(value)),
        inline_list=lambda values: inline_list([str(value) for value in values or []]),
        capitalize_first=lambda value: str(value)[:1].upper() + str(value)[1:],
    )
    try:
        compiled = environment.from_string(template.source)
        text = compiled.render(values)
    except jinja2.TemplateSyntaxError as error:
        raise CliError(f"{template.path}:{error.lineno}: template error: {error.message}") from None
    except jinja2.TemplateError as error:
        raise CliError(f"{template.path}: template error: {error}") from None
    return text if text.endswith("\n") else text + "\n"
