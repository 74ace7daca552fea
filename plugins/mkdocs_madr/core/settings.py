"""Project settings: the `madr` plugin's options, read from mkdocs.yml without MkDocs.

The CLI and the plugin share these defaults, so `adr` and `mkdocs build` always agree on
where the records are and what a valid status is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Code, Severity

DEFAULT_DECISIONS_DIR = "decisions"
DEFAULT_TEMPLATE = "madr4"
DEFAULT_NUMBER_WIDTH = 4
DEFAULT_STATUSES: dict[str, str] = {
    "proposed": "#1e88e5",
    "accepted": "#2e7d32",
    "rejected": "#c62828",
    "deprecated": "#8d6e63",
    "superseded": "#6a1b9a",
    "draft": "#757575",
}
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
LEVELS = ("error", "warning", "info", "ignore")


class SettingsError(Exception):
    """mkdocs.yml cannot be read or the `madr` options are malformed; the message says where."""


@dataclass
class Settings:
    """Where the records live and how to treat them."""

    base: Path
    config_file: Path | None = None
    decisions_dir: Path = field(default_factory=lambda: Path(DEFAULT_DECISIONS_DIR))
    statuses: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STATUSES))
    template: str = DEFAULT_TEMPLATE
    number_width: int = DEFAULT_NUMBER_WIDTH
    templates_dir: Path | None = None
    levels: dict[Code, str] = field(default_factory=dict)
    docs_dir: Path | None = None
    """The site's pages, when there is a mkdocs.yml: where diagrams and the glossary live."""
    glossary: str | None = None

    def severity(self, code: Code) -> Severity | None:
        """The severity the project wants for `code`; None when it is ignored."""
        level = self.levels.get(code)
        if level is None:
            return code.default_severity
        return None if level == "ignore" else Severity(level)


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads MkDocs' custom tags (`!ENV`, `!!python/name:…`) as plain values."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = (
        [loader.construct_scalar(node)]
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node)  # type: ignore[arg-type]
    )
    *keys, default = names if len(names) > 1 else [*names, None]
    for key in keys:
        if str(key) in os.environ:
            return os.environ[str(key)]
    return default


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)
_TolerantLoader.add_constructor("!ENV", _env_tag)


def find_config(start: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = start / name
        if candidate.is_file():
            return candidate
    return None


def load_settings(config_file: Path | None = None, *, cwd: Path | None = None) -> Settings:
    """Settings from `config_file` (default ./mkdocs.yml when present), else the defaults."""
    base = cwd or Path.cwd()
    path = config_file or find_config(base)
    if path is None:
        return Settings(base=base, decisions_dir=base / DEFAULT_DECISIONS_DIR)
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path}: cannot read: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise SettingsError(f"{where}: not valid YAML") from error
    settings = settings_from_options(plugin_options(loaded), path)
    docs_dir = loaded.get("docs_dir", "docs") if isinstance(loaded, dict) else "docs"
    settings.docs_dir = path.parent / str(docs_dir)
    return settings


def plugin_options(config: object) -> dict[str, Any]:
    """The `madr` entry of a loaded mkdocs.yml's `plugins`, as a mapping (empty when absent)."""
    if not isinstance(config, dict):
        return {}
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        entry = plugins.get("madr")
        return entry if isinstance(entry, dict) else {}
    if isinstance(plugins, list):
        for entry in plugins:
            if isinstance(entry, dict) and "madr" in entry:
                value = entry["madr"]
                return value if isinstance(value, dict) else {}
    return {}


def settings_from_options(options: dict[str, Any], config_file: Path) -> Settings:
    base = config_file.parent
    settings = Settings(base=base, config_file=config_file)
    settings.decisions_dir = base / str(options.get("decisions_dir", DEFAULT_DECISIONS_DIR))
    statuses = options.get("statuses")
    if isinstance(statuses, dict) and statuses:
        settings.statuses = {str(k).lower(): str(v or "") for k, v in statuses.items()}
    elif isinstance(statuses, list) and statuses:
        settings.statuses = {
            str(k).lower(): DEFAULT_STATUSES.get(str(k).lower(), "") for k in statuses
        }
    settings.template = str(options.get("template", DEFAULT_TEMPLATE))
    width = options.get("number_width", DEFAULT_NUMBER_WIDTH)
    if not isinstance(width, int) or isinstance(width, bool) or not 1 <= width <= 9:
        raise SettingsError(f"{config_file}: madr.number_width must be a number from 1 to 9")
    settings.number_width = width
    templates = options.get("templates_dir")
    if templates:
        settings.templates_dir = base / str(templates)
    glossary = options.get("glossary")
    settings.glossary = str(glossary) if glossary else None
    levels = options.get("diagnostics") or {}
    if not isinstance(levels, dict):
        raise SettingsError(f"{config_file}: madr.diagnostics must map codes to levels")
    settings.levels = parse_levels(levels, str(config_file))
    return settings


def parse_levels(levels: dict[Any, Any], where: str) -> dict[Code, str]:
    """`{missing-status: info}` → codes and levels, rejecting unknown codes and levels."""
    parsed: dict[Code, str] = {}
    for name, level in levels.items():
        try:
            code = Code(str(name))
        except ValueError:
            raise SettingsError(f"{where}: madr.diagnostics: unknown code '{name}'") from None
        if str(level) not in LEVELS:
            raise SettingsError(
                f"{where}: madr.diagnostics.{name}: level must be one of {', '.join(LEVELS)}"
            )
        parsed[code] = str(level)
    return parsed
