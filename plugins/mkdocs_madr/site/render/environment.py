"""The Jinja2 environment: the user's template folder first, then the package's."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

_LINK = re.compile(
    r"\[([^\[\]]+)\]\(\s*(https?://[^\s()<>]+)\s*\)|(https?://[^\s()<>]+[^\s()<>.,;:!?])"
)


def inline_links(text: str) -> Markup:
    """Escape `text`, then turn Markdown links and bare URLs with http(s) schemes into anchors.

    Only http and https survive, so `javascript:` never becomes a link.
    """
    parts: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        parts.append(str(escape(text[position : match.start()])))
        label, url = (match[1], match[2]) if match[1] else (match[3], match[3])
        parts.append(f'<a href="{escape(url)}">{escape(label)}</a>')
        position = match.end()
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


def badge(status: object) -> Markup:
    """A status badge; a filter rather than a macro because pages show thousands of them."""
    name = getattr(status, "name", "")
    css = getattr(status, "css", "unknown")
    colour = getattr(status, "colour", "")
    label = getattr(status, "label", "")
    text = getattr(status, "text", "")
    style = f"--madr-status-color: {colour}" + (f"; color: {text}" if text else "")
    return Markup(
        f'<span class="madr-status madr-status--{escape(css)}" '
        f'style="{escape(style)}" '
        f'data-madr-status="{escape(name)}">{escape(label)}</span>'
    )


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string, for a label that CSS shows (`content: var(--…)`)."""
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return Markup(escape(f'"{quoted}"'))


def make_environment(override_dir: Path | None = None) -> jinja2.Environment:
    """An environment that escapes everything it renders and never evaluates record content.

    Record text only ever reaches templates as values, so `{{ }}` inside a title is printed,
    not run.
    """
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(override_dir)))
    loaders.append(jinja2.PackageLoader("mkdocs_madr", "templates/site"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["inline_links"] = inline_links
    env.filters["badge"] = badge
    env.filters["css_string"] = css_string
    return env
