"""Project settings: the one schema of the `madr` plugin's options, read by the plugin (through
MkDocs, see `plugin.config`) and by `adr` (from mkdocs.yml, without MkDocs) alike.

Every option is checked by the same function in both, so a bad setting gets the same message
from `adr lint` and from `mkdocs build`, and both agree on where the records are and what a
valid status is.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .citations.options import CitationOptions, read_citation_options
from .diagnostics import Code, Severity
from .fields.declaration import FieldDeclaration, read_declarations
from .labels import CATALOGUES, catalogue, check_override, language_of
from .parse.vocabulary import DEFAULT as DEFAULT_VOCABULARY
from .parse.vocabulary import Vocabulary, read_vocabulary
from .sources.config import Source, check_sources
from .walk import FOLLOW_CHOICES, Links

DEFAULT_DECISIONS_DIR = "decisions"
DEFAULT_TEMPLATE = "madr4"
DEFAULT_NUMBER_WIDTH = 4
DEFAULT_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"
DEFAULT_STATUSES: dict[str, str] = {
    "proposed": "#1565c0",
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


class OptionError(ValueError):
    """One option's value is not acceptable; the message says why (without the option name)."""


# --- the checks, shared by the plugin and the CLI ----------------------------------------------


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise OptionError(f"must be true or false, not {value!r}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"must be a non-empty text, not {value!r}")
    if "\x00" in value:
        raise OptionError("must not contain a NUL character")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _path_in_site(value: object) -> str:
    """A URL path inside the site: relative, without `..`, so nothing is written outside it."""
    text = (_text(value) if value != "" else "").replace("\\", "/").strip("/")
    parts = PurePosixPath(text).parts
    if ":" in text or ".." in parts:
        raise OptionError(f"must be a path inside the site, without '..', not {value!r}")
    return "/".join(part for part in parts if part not in ("", "."))


def _page_in_docs(value: object) -> str | None:
    """A page of the site's own: a path relative to `docs_dir`, without `..`."""
    if value is None:
        return None
    text = _text(value).replace("\\", "/")
    parts = PurePosixPath(text).parts
    if text.startswith("/") or ":" in text or ".." in parts:
        raise OptionError(f"must be a page inside docs_dir, without '..', not {value!r}")
    return "/".join(part for part in parts if part != ".")


def _number(low: int, high: int | None = None) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"must be a whole number, not {value!r}")
        if value < low or (high is not None and value > high):
            wanted = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise OptionError(f"must be a number {wanted}, not {value}")
        return value

    return check


def _choice(*choices: str) -> Callable[[object], str]:
    def check(value: object) -> str:
        if value not in choices:
            raise OptionError(f"must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    return check


def _statuses(value: object) -> dict[str, str]:
    """`{keyword: colour}`, or a list of keywords (default colours where there is one)."""
    if isinstance(value, Mapping) and value:
        if not all(isinstance(key, str) and key.strip() for key in value):
            raise OptionError("keys must be status words")
        return {str(key).strip().lower(): str(colour or "") for key, colour in value.items()}
    if isinstance(value, list) and value:
        if not all(isinstance(key, str) and key.strip() for key in value):
            raise OptionError("must list status words")
        return {key.strip().lower(): DEFAULT_STATUSES.get(key.strip().lower(), "") for key in value}
    raise OptionError("must map status words to colours, or list status words")


def _vocabulary(value: object) -> Vocabulary:
    if isinstance(value, Vocabulary):
        return value
    try:
        return read_vocabulary(value)
    except ValueError as error:
        raise OptionError(str(error)) from None


def _citations(value: object) -> CitationOptions:
    try:
        return read_citation_options(value)
    except ValueError as error:
        raise OptionError(str(error)) from None


def _element_paths(value: object) -> dict[str, list[str]]:
    """`{alias: [pattern, ...]}`: the files each architecture element lives in."""
    if not isinstance(value, Mapping):
        raise OptionError("must map element aliases to lists of .gitignore-style patterns")
    checked: dict[str, list[str]] = {}
    for alias, patterns in value.items():
        listed = [patterns] if isinstance(patterns, str) else patterns
        if not isinstance(listed, list) or not all(isinstance(p, str) and p for p in listed):
            raise OptionError(f"{alias}: must list .gitignore-style patterns, not {patterns!r}")
        checked[str(alias)] = [str(pattern) for pattern in listed]
    return checked


def _language(value: object) -> str:
    text = _text(value)
    found = language_of(text)
    if found is None:
        raise OptionError(f"must be one of {', '.join(CATALOGUES)}, not {value!r}")
    return found


def _labels(value: object) -> dict[str, str]:
    """`{label: text}`: known labels, each keeping the placeholders of the English one."""
    if not isinstance(value, Mapping):
        raise OptionError("must map label names to texts")
    checked: dict[str, str] = {}
    for key, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise OptionError(f"{key}: must be a non-empty text, not {text!r}")
        problem = check_override(str(key), text)
        if problem is not None:
            raise OptionError(problem)
        checked[str(key)] = text
    return checked


def _sources(value: object) -> tuple[Source, ...]:
    try:
        return check_sources(value)
    except ValueError as error:
        raise OptionError(str(error)) from None


def _levels(value: object) -> dict[str, str]:
    """`{missing-status: info}`: known codes to known levels."""
    if not isinstance(value, Mapping):
        raise OptionError("must map diagnostic codes to levels")
    checked: dict[str, str] = {}
    for name, level in value.items():
        try:
            Code(str(name))
        except ValueError:
            raise OptionError(f"unknown code '{name}'") from None
        if str(level) not in LEVELS:
            raise OptionError(f"{name}: level must be one of {', '.join(LEVELS)}")
        checked[str(name)] = str(level)
    return checked


def _fields(value: object) -> dict[str, FieldDeclaration]:
    if isinstance(value, Mapping) and all(isinstance(v, FieldDeclaration) for v in value.values()):
        return dict(value)  # already checked (by MkDocs' pass over the options)
    try:
        return read_declarations(value)
    except ValueError as error:
        raise OptionError(str(error)) from None


@dataclass(frozen=True)
class Option:
    """One option of the `madr` plugin: its default, how it is checked, what it means."""

    name: str
    default: object
    check: Callable[[Any], Any]
    doc: str

    def read(self, value: object) -> Any:
        """The value checked and normalised; the default when it is absent (None)."""
        return self.check(value) if value is not None else copy.copy(self.default)


OPTIONS: tuple[Option, ...] = (
    Option(
        "enabled",
        True,
        _boolean,
        "Turn the plugin off without removing its options; the site builds as if it were absent.",
    ),
    Option(
        "decisions_dir",
        DEFAULT_DECISIONS_DIR,
        _text,
        "Folder of decision records, relative to mkdocs.yml. It may lie outside `docs_dir` "
        "(records are then published as virtual pages) or inside it (the existing pages are "
        "used).",
    ),
    Option(
        "url_prefix",
        "decisions",
        _path_in_site,
        "Where records outside `docs_dir` are published: `/<url_prefix>/<file>/`; a path "
        "inside the site.",
    ),
    Option(
        "index",
        True,
        _boolean,
        "Generate the decision index page at `/<url_prefix>/` (with timeline and graph pages).",
    ),
    Option(
        "index_title",
        None,
        _optional_text,
        "Title of the generated index page and of the navigation section; by default the "
        '`decision_log` label of the site\'s language ("Decision log").',
    ),
    Option("timeline", True, _boolean, "Generate the timeline page at `/<url_prefix>/timeline/`."),
    Option("graph", True, _boolean, "Generate the relation graph page at `/<url_prefix>/graph/`."),
    Option(
        "in_force",
        True,
        _boolean,
        "Generate the In force page at `/<url_prefix>/in-force/`: the decisions that hold today "
        "(accepted, and not superseded entirely), by category, tag and architecture element.",
    ),
    Option(
        "nav",
        "auto",
        _choice("auto", "index", "all"),
        "What the navigation lists: `all` records, only the `index` pages, or `auto`: every "
        "record up to `nav_threshold` records, only the index pages above it (the sidebar of "
        "every page lists the whole navigation, so thousands of entries make builds quadratic).",
    ),
    Option(
        "nav_threshold",
        100,
        _number(0),
        "Above this many records, `nav: auto` lists only the index pages.",
    ),
    Option(
        "statuses",
        dict(DEFAULT_STATUSES),
        _statuses,
        "The status vocabulary: status keyword → CSS colour of its badge (or a list of "
        "keywords). A record whose status is not listed gets the `unknown-status` diagnostic.",
    ),
    Option(
        "vocabulary",
        DEFAULT_VOCABULARY,
        _vocabulary,
        "The team's own words, added to the headings, keys and status words the reader knows in "
        "English, French, German, Spanish, Portuguese, Italian and Dutch: `sections` (heading → "
        "`context`, `drivers`, `options`, `outcome`, `pros`, `consequences`, …), `fields` (key → "
        "`status`, `date`, `deciders`, …), `statuses` (word → lifecycle keyword) and `chosen` "
        "(phrases that introduce the chosen option).",
    ),
    Option(
        "diagnostics",
        {},
        _levels,
        "Level per diagnostic code: `error`, `warning` (both fail `mkdocs build --strict`), "
        "`info` or `ignore`. Example: `{missing-status: info}`. Codes are listed in the "
        "documentation.",
    ),
    Option(
        "json_export",
        True,
        _boolean,
        "Publish `decisions.json` at the site root: every record, as `adr list --format json`.",
    ),
    Option(
        "llms_txt",
        True,
        _boolean,
        "Publish, for coding agents, `llms.txt` at the site root (what the site is, and a link "
        "to each record's Markdown), `llms-full.txt` (every record in force in one file) and "
        "each record's Markdown source beside its page (`decisions/0007-x.md`).",
    ),
    Option(
        "feed",
        True,
        _boolean,
        "Publish `decisions.atom` at the site root, an Atom feed of the 30 newest dated records, "
        "and link it from the timeline. Feed readers need absolute links, so it needs "
        "`site_url`.",
    ),
    Option(
        "templates_dir",
        None,
        _optional_text,
        "A folder of template overrides, relative to mkdocs.yml; files there replace the "
        "package's templates of the same name (site fragments and `adr new` templates).",
    ),
    Option(
        "template",
        DEFAULT_TEMPLATE,
        _text,
        "Template `adr new` uses by default: madr4, madr4-minimal, madr4-bare, madr3, madr2, "
        "nygard, or a path.",
    ),
    Option(
        "number_width",
        DEFAULT_NUMBER_WIDTH,
        _number(1, 9),
        "Digits in new record numbers when the folder has none to copy (`0001`).",
    ),
    Option(
        "glossary",
        None,
        _page_in_docs,
        "The glossary page, relative to `docs_dir`. By default `GLOSSARY.md` or `glossary.md` "
        "when one exists. Its terms are linked from decisions, and each entry lists the "
        "decisions using it.",
    ),
    Option(
        "glossary_links",
        "decisions",
        _choice("decisions", "all", "off"),
        "Where the first use of each glossary term becomes a link with the definition as "
        "tooltip: in decision pages, in `all` pages, or `off` (explicit `[[Term]]` references "
        "still link).",
    ),
    Option(
        "c4_coverage",
        True,
        _boolean,
        "Generate the architecture coverage page at `/<url_prefix>/c4-coverage/` when the site "
        "has Mermaid C4 diagrams: which systems and containers no decision names yet, and vice "
        "versa.",
    ),
    Option(
        "mermaid_js",
        DEFAULT_MERMAID,
        _text,
        "Where the Mermaid script comes from for the relation graph and C4 diagrams: a URL, or a "
        "file path relative to mkdocs.yml for offline and private sites (for example npm's "
        "`mermaid/dist/mermaid.min.js`); a file is published with the site and also serves "
        "Material's own Mermaid diagrams.",
    ),
    Option(
        "follow_symlinks",
        "project",
        _choice(*FOLLOW_CHOICES),
        "Which symbolic links the plugin and `adr` follow in the decisions folder: `project` "
        "follows a link only when its target lies inside the project (the folder of "
        "mkdocs.yml, or the decisions folder), `never` follows none (for CI that builds pull "
        "requests from people you do not know), `always` follows any. A link into a loop is "
        "never followed; a link not followed is reported, and its target is never read.",
    ),
    Option(
        "citations",
        CitationOptions(),
        _citations,
        "Look for citations of records in the repository (the folder of mkdocs.yml, as Git "
        "lists it, or without what `.gitignore` excludes): each record page lists where it is "
        "cited, and a citation of a superseded, deprecated or rejected record is "
        "`cites-superseded`. `false` turns it off; `{include: [...], exclude: [...]}` narrows "
        "it with `.gitignore`-style patterns.",
    ),
    Option(
        "c4_paths",
        {},
        _element_paths,
        "Where each architecture element lives in the repository: `{alias: [patterns]}` "
        "(`.gitignore`-style, relative to the folder of mkdocs.yml); `adr context` and the MCP "
        "server's `decisions_for_path` then count the records naming an element as governing "
        "its files.",
    ),
    Option(
        "language",
        None,
        _language,
        "The language of every label the plugin writes: en, fr, de, es, pt, it or nl. By default "
        "the theme's `language` when it is one of these, else English.",
    ),
    Option(
        "labels",
        {},
        _labels,
        "Labels to replace, by name: `{decision_log: Architecture decisions}`. The names and the "
        "English texts are listed in the documentation; a label's `{placeholders}` must stay.",
    ),
    Option(
        "parallel",
        True,
        _boolean,
        "Parse records, and render their pages, in worker processes on the other cores while "
        "MkDocs renders the rest (`mkdocs build` on systems that can fork; `mkdocs serve` parses "
        "there only). Set `false` to do everything in the build process: slower on large sites.",
    ),
    Option(
        "fields",
        {},
        _fields,
        "The team's own fields: name → `{type, label, required, values}` (or just the type). "
        "Types: `text`, `long text`, `date`, `person list`, `enum` (with `values`), `url`, "
        "`number`, `boolean`; `required` is `true` or the statuses that need the field. They "
        "are read from front matter, bullets and `Key: value` lines, checked (`field-invalid`, "
        "`field-missing`), shown in the record header and the log, and exported.",
    ),
    Option(
        "review_due_days",
        30,
        _number(0),
        "How many days ahead of a record's `review-by` date it is reported as "
        "`review-due-soon` and listed as due on the Due for review page.",
    ),
    Option(
        "history",
        True,
        _boolean,
        "When the project is a Git checkout, read each record's history from `git log` (when "
        "it was recorded, its status changes with date and author) for its page and the "
        "JSON; `false` never runs Git.",
    ),
    Option(
        "health",
        True,
        _boolean,
        "Generate the Health page at `/<url_prefix>/health/` (records per status over time, "
        "old proposals, records without decision-makers) and the Due for review page at "
        "`/<url_prefix>/review/`.",
    ),
    Option(
        "proposed_days",
        30,
        _number(1),
        "On the Health page, a record still proposed after this many days is listed as old.",
    ),
    Option(
        "sources",
        (),
        _sources,
        "Other decision logs to include, each a category of its own with ids prefixed by its "
        "name (`workflows:0005`): `{name: workflows, path: ../workflows/decisions}` for a folder "
        "(with `edit_uri:` the address its files are edited at), or `{name: platform, url: "
        "https://platform.example.org/decisions.json}` for another site's `decisions.json` "
        "(`file:` addresses too; `timeout:` seconds and `max_size:` bytes limit the fetch). "
        "See [Sources](sources.md).",
    ),
    Option(
        "cache",
        True,
        _boolean,
        "Keep parsed records on disk, in `.cache/mkdocs-madr/` beside mkdocs.yml (without one, "
        "`adr` uses the user's cache folder), so that `adr` and the build read an unchanged "
        "record without parsing it again. Set `false` to parse every record on every run.",
    ),
)


@dataclass
class Settings:
    """The options, checked, with paths resolved against the folder of mkdocs.yml."""

    base: Path
    config_file: Path | None = None
    enabled: bool = True
    decisions_dir: Path = field(default_factory=lambda: Path(DEFAULT_DECISIONS_DIR))
    url_prefix: str = "decisions"
    index: bool = True
    index_title: str | None = None
    timeline: bool = True
    graph: bool = True
    in_force: bool = True
    nav: str = "auto"
    nav_threshold: int = 100
    statuses: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STATUSES))
    levels: dict[Code, str] = field(default_factory=dict)
    vocabulary: Vocabulary = DEFAULT_VOCABULARY
    json_export: bool = True
    llms_txt: bool = True
    feed: bool = True
    templates_dir: Path | None = None
    template: str = DEFAULT_TEMPLATE
    number_width: int = DEFAULT_NUMBER_WIDTH
    glossary: str | None = None
    glossary_links: str = "decisions"
    c4_coverage: bool = True
    mermaid_js: str = DEFAULT_MERMAID
    follow_symlinks: str = "project"
    citations: CitationOptions = field(default_factory=CitationOptions)
    c4_paths: dict[str, list[str]] = field(default_factory=dict)
    language: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    parallel: bool = True
    fields: dict[str, FieldDeclaration] = field(default_factory=dict)
    review_due_days: int = 30
    history: bool = True
    health: bool = True
    proposed_days: int = 30
    sources: tuple[Source, ...] = ()
    cache: bool = True
    docs_dir: Path | None = None
    """The site's pages, when there is a mkdocs.yml: where diagrams and the glossary live."""
    site_dir: Path | None = None
    """Where the site is built, when there is a mkdocs.yml: never scanned for citations."""

    def severity(self, code: Code, found: Severity) -> Severity | None:
        """The severity the project wants for a diagnostic `found` at that severity; None when
        it is ignored. Without a setting the reader's own stays: it lowers a code to info where
        it is not certain (a status-less record in a folder that states no status)."""
        level = self.levels.get(code)
        if level is None:
            return found
        return None if level == "ignore" else Severity(level)

    def links(self, folder: Path) -> Links:
        """Which symbolic links a walk of `folder` follows (`follow_symlinks`): under `project`,
        links into the project's folder or into `folder` itself."""
        return Links.within(self.base, folder, follow=self.follow_symlinks)

    def site_labels(self, theme_language: str | None = None) -> dict[str, str]:
        """The labels the site writes: in `language`, else the theme's, else English."""
        return catalogue(self.language or theme_language, self.labels)

    def cache_dir(self) -> Path | None:
        """Where parsed records are kept (`cache`): `.cache/mkdocs-madr/` beside mkdocs.yml,
        else the user's cache folder; None when the project keeps none."""
        if not self.cache:
            return None
        if self.config_file is not None:
            return self.config_file.parent / ".cache" / "mkdocs-madr"
        from platformdirs import user_cache_path

        return user_cache_path("mkdocs-madr", appauthor=False)

    @property
    def mermaid_is_file(self) -> bool:
        """Whether `mermaid_js` names a file to publish rather than a URL."""
        text = self.mermaid_js
        return "://" not in text and not text.startswith("//")

    def mermaid_file(self) -> Path | None:
        """The Mermaid file to publish, when `mermaid_js` names one; raises `SettingsError`
        when there is no such file."""
        if not self.mermaid_is_file:
            return None
        source = (self.base / self.mermaid_js).resolve()
        if not source.is_file():
            raise self.error(
                "mermaid_js", f"{self.mermaid_js!r} is not a file (looked for {source})"
            )
        return source

    def error(self, option: str, problem: str) -> SettingsError:
        """The error for an option whose value names something that is not there."""
        where = f"{self.config_file}: " if self.config_file is not None else ""
        return SettingsError(f"{where}madr.{option}: {problem}")


def read_options(
    options: Mapping[str, Any], config_file: Path, *, docs_dir: str | Path | None = None
) -> Settings:
    """Settings from the `madr` options of `config_file` (raw, or already checked by MkDocs:
    checking is idempotent); raises `SettingsError` naming the option."""
    base = config_file.parent
    values: dict[str, Any] = {}
    for option in OPTIONS:
        try:
            values[option.name] = option.read(options.get(option.name))
        except OptionError as error:
            raise SettingsError(f"{config_file}: madr.{option.name}: {error}") from None
    settings = Settings(base=base, config_file=config_file)
    for name, value in values.items():
        if name == "diagnostics":
            settings.levels = {Code(code): level for code, level in value.items()}
        elif name == "decisions_dir":
            settings.decisions_dir = base / value
        elif name == "templates_dir":
            settings.templates_dir = base / value if value else None
            if settings.templates_dir is not None and not settings.templates_dir.is_dir():
                raise SettingsError(
                    f"{config_file}: madr.templates_dir: {value!r} is not a folder "
                    f"(looked for {settings.templates_dir})"
                )
        else:
            setattr(settings, name, value)
    if docs_dir is not None:
        settings.docs_dir = base / docs_dir
    return settings


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
    docs_dir = loaded.get("docs_dir", "docs") if isinstance(loaded, dict) else "docs"
    settings = read_options(plugin_options(loaded), path, docs_dir=str(docs_dir))
    site_dir = loaded.get("site_dir", "site") if isinstance(loaded, dict) else "site"
    settings.site_dir = settings.base / str(site_dir)
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
