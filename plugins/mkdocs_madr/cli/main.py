"""The `adr` command: a click group whose commands load their work lazily.

`adr new` must start fast, so this module imports only click (and the completion callbacks,
which load settings only when completing); each command imports what it needs when it runs.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import Any

import click

from .. import __version__
from .completion import complete_record, complete_template
from .errors import CliError, Interrupted

DIR_HELP = "Folder of decision records (default: decisions_dir from ./mkdocs.yml, else decisions/)."
CONFIG_HELP = "mkdocs.yml to read settings from (default: ./mkdocs.yml if present)."
NO_CACHE_HELP = "Parse every record again, and leave the cache of parsed records as it is."
no_cache_option = click.option("--no-cache", is_flag=True, help=NO_CACHE_HELP)


class _Group(click.Group):
    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            raise CliError(f"{error.format_message()} (see 'adr --help')") from None

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CliError:
            raise
        except click.UsageError as error:  # one line too, with a pointer to the help
            command = f" {ctx.invoked_subcommand}" if ctx.invoked_subcommand else ""
            raise CliError(f"{error.format_message()} (see 'adr{command} --help')") from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise Interrupted("interrupted") from None
        except BrokenPipeError:
            raise  # the reader left (`adr list | head`): click exits quietly
        except Exception as error:  # one line, never a traceback; ADR_DEBUG=1 shows it
            if os.environ.get("ADR_DEBUG"):
                raise
            raise CliError(f"internal error: {type(error).__name__}: {error}") from error


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="adr")
def cli() -> None:
    """Architecture decision records: read, check and write MADR, Nygard and log4brains files.

    Settings (folder, statuses, template) come from the `madr` plugin in ./mkdocs.yml.

    \b
    Examples:
      adr init
      adr new "Use NATS JetStream as the message bus"
      adr list
      adr lint --strict

    \b
    Shell completion (record ids too), e.g. in ~/.bashrc:
      eval "$(_ADR_COMPLETE=bash_source adr)"
    (zsh_source and fish_source for zsh and fish.)
    """


@cli.command("list")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--status", "statuses", multiple=True, help="Only records with this status.")
@click.option(
    "--in-force", is_flag=True, help="Only records in force: accepted, not superseded entirely."
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    help="Only records of this source (`sources:` in mkdocs.yml); `.` for the site's own.",
)
@no_cache_option
def list_command(
    directory: Path | None,
    config_file: Path | None,
    output: str,
    statuses: tuple[str, ...],
    in_force: bool,
    sources: tuple[str, ...],
    no_cache: bool,
) -> None:
    """List the decision records.

    \b
    Examples:
      adr list
      adr list --status accepted --status proposed
      adr list --in-force
      adr list --source workflows
      adr list --format json > decisions.json
    """
    from .read_commands import run_list

    run_list(
        directory, config_file, output, statuses, sources, in_force=in_force, cache=not no_cache
    )


@cli.command("show")
@click.argument("record", shell_complete=complete_record)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@no_cache_option
def show_command(
    record: str, directory: Path | None, config_file: Path | None, output: str, no_cache: bool
) -> None:
    """Show one record: metadata, options, the chosen one, consequences, relations.

    RECORD is an id as you would say it: 5, 0005, ADR-0005, or category/0005.

    \b
    Example:
      adr show 7
    """
    from .read_commands import run_show

    run_show(record, directory, config_file, output, cache=not no_cache)


@cli.command("lint")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day review dates are checked against (review-overdue, review-due-soon); "
    "default: today.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one `file:line: code: message` per problem; json: a list of diagnostics.",
)
@no_cache_option
def lint_command(
    directory: Path | None,
    config_file: Path | None,
    strict: bool,
    as_of: datetime.datetime | None,
    output: str,
    no_cache: bool,
) -> None:
    """Check every record and print `path:line: code: message` for each problem.

    With a mkdocs.yml, the pages of its docs_dir are checked too, as a build would: C4
    elements the records name, the glossary and its [[Term]] references, madr directives.
    Exits 1 when there is an error (or, with --strict, a warning), else 0.
    Levels per code come from `diagnostics:` in the madr plugin's options.

    \b
    Examples:
      adr lint
      adr lint --strict   # as in CI
      adr lint --as-of 2026-01-01   # which reviews will be overdue then
    """
    from .read_commands import run_lint

    day = as_of.date() if as_of is not None else None
    raise SystemExit(run_lint(directory, config_file, strict, output, day, cache=not no_cache))


@cli.command("refs")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (a superseded citation).")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help='json: {"citations": [{"path", "line", "id"}], "diagnostics": [...]}.',
)
def refs_command(
    paths: tuple[Path, ...],
    directory: Path | None,
    config_file: Path | None,
    strict: bool,
    output: str,
) -> None:
    """List where files cite records: ADR-0007, ADR 7, links and paths to record files.

    PATHS are files or folders to scan (default: the folder of mkdocs.yml, as Git lists it,
    or without what .gitignore excludes; the decisions folder and the built site are left
    out). A citation of a superseded, deprecated or rejected record is reported as
    `path:line: cites-superseded: message`, naming the successor.

    \b
    Examples:
      adr refs
      adr refs src/ deploy/values.yaml
      adr refs --format json
      adr refs --strict   # in CI: fail on a citation of a replaced decision
    """
    from .refs_command import run_refs

    raise SystemExit(run_refs(paths, directory, config_file, output, strict))


@cli.command("context")
@click.argument("target")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option(
    "--format",
    "output",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help='json: {"decisions": [...]}.',
)
def context_command(
    target: str, directory: Path | None, config_file: Path | None, output: str
) -> None:
    """The decisions that govern TARGET, in force first, ready to paste into a prompt.

    TARGET is a file or folder (governed by the records' `paths:` patterns, the
    elements' `c4_paths`, and the records its files cite), an architecture element's
    alias, or a topic (words in titles, tags and options). Each decision comes with its
    status, the chosen option and why, what it rules out, and why it applies.

    \b
    Examples:
      adr context llm-workflows/src/retrieval/
      adr context nats
      adr context "message encoding"
      adr context src/app.py --format json
    """
    from .context_command import run_context

    run_context(target, directory, config_file, output)


@cli.command("mcp")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option(
    "--allow-write",
    is_flag=True,
    help="Offer create_decision, which writes a new proposed record (never overwriting).",
)
def mcp_command(directory: Path | None, config_file: Path | None, allow_write: bool) -> None:
    """Serve the decisions to coding agents: a Model Context Protocol server over stdio.

    Tools: list_decisions, get_decision, search_decisions, decisions_for_path,
    decisions_in_force, lint, and with --allow-write create_decision; each record is a
    resource (adr://decisions/ID). Read-only unless --allow-write. Needs the MCP SDK:
    pip install 'mkdocs-madr[mcp]'.

    \b
    Example (an editor's or agent's MCP configuration):
      {"mcpServers": {"adr": {"command": "adr", "args": ["mcp"]}}}
    """
    from .mcp_server import run_mcp

    run_mcp(directory, config_file, allow_write)


@cli.command("new")
@click.argument("title")
@click.option(
    "--template",
    shell_complete=complete_template,
    help="madr4, madr4-minimal, madr4-bare, madr3, madr2, nygard, a name in "
    "<templates_dir>/records/, or a file path (default: template from mkdocs.yml, else madr4).",
)
@click.option("--status", help="Status of the new record.  [default: proposed]")
@click.option(
    "--supersedes",
    multiple=True,
    metavar="ID",
    shell_complete=complete_record,
    help="A record this one supersedes; its status becomes superseded (repeatable).",
)
@click.option("--deciders", multiple=True, help="Who decides, comma-separated (repeatable).")
@click.option("--tags", multiple=True, help="Tags, comma-separated (repeatable).")
@click.option(
    "--c4", multiple=True, metavar="ALIAS,...", help="C4 element aliases the decision affects."
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KEY=VALUE",
    help="A value of the team's own fields (`fields:` in mkdocs.yml), such as owner=ana "
    "(repeatable); required fields not given are asked for.",
)
@click.option("--edit", is_flag=True, help="Open the new record in $VISUAL or $EDITOR.")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@no_cache_option
def new_command(
    title: str,
    template: str | None,
    status: str | None,
    supersedes: tuple[str, ...],
    deciders: tuple[str, ...],
    tags: tuple[str, ...],
    c4: tuple[str, ...],
    sets: tuple[str, ...],
    edit: bool,
    directory: Path | None,
    config_file: Path | None,
    no_cache: bool,
) -> None:
    """Create the next record from a template and print its path.

    The number follows the highest in the folder, padded like the existing files
    (log4brains folders get today's date); the file name is the title as a slug.

    \b
    Examples:
      adr new "Use NATS JetStream as the message bus"
      adr new "Move to Postgres 16" --supersedes 7 --deciders "Ana, Ben" --edit
      adr new "Cache sessions in Redis" --template nygard --c4 webApp,sessionStore
      adr new "Adopt OpenTelemetry" --set owner=ana --set review-by=2026-06-01
    """
    from .new_command import NewRecord, run_new

    run_new(
        NewRecord(
            title,
            template=template,
            status=status,
            supersedes=supersedes,
            deciders=deciders,
            tags=tags,
            c4=c4,
            sets=sets,
            edit=edit,
            directory=directory,
            config_file=config_file,
            cache=not no_cache,
        )
    )


@cli.command("status")
@click.argument("record", shell_complete=complete_record)
@click.argument("value")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@no_cache_option
def status_command(
    record: str, value: str, directory: Path | None, config_file: Path | None, no_cache: bool
) -> None:
    """Set a record's status, written in the record's own format.

    Only the status line changes. A status outside the configured vocabulary is written
    with a warning.

    \b
    Examples:
      adr status 7 accepted
      adr status ADR-0012 deprecated
    """
    from .edit_commands import run_status

    run_status(record, value, directory, config_file, cache=not no_cache)


@cli.command("review")
@click.argument("record", shell_complete=complete_record)
@click.option(
    "--next",
    "next_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="When to review the decision next: its review-by date becomes this one.",
)
@click.option(
    "--on",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day of the review (default: today).",
)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
def review_command(
    record: str,
    next_date: datetime.datetime | None,
    day: datetime.datetime | None,
    directory: Path | None,
    config_file: Path | None,
) -> None:
    """Record that a decision was reviewed, and when to review it next.

    Sets the record's `reviewed` date (today, or --on) and, with --next, its `review-by`
    date, in the record's own format; only those lines change. A record reviewed on or
    after its review-by date is no longer reported as overdue.

    \b
    Examples:
      adr review 7 --next 2027-06-01
      adr review ADR-0012
    """
    from .review_command import run_review

    run_review(
        record,
        next_date.date() if next_date is not None else None,
        day.date() if day is not None else None,
        directory,
        config_file,
    )


@cli.command("supersede")
@click.argument("old", shell_complete=complete_record)
@click.argument("new", shell_complete=complete_record)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@no_cache_option
def supersede_command(
    old: str, new: str, directory: Path | None, config_file: Path | None, no_cache: bool
) -> None:
    """Mark OLD as superseded by NEW, and make NEW say it supersedes OLD.

    \b
    Example:
      adr supersede 3 12
    """
    from .edit_commands import run_supersede

    run_supersede(old, new, directory, config_file, cache=not no_cache)


@cli.command("link")
@click.argument("source", shell_complete=complete_record)
@click.argument("link")
@click.argument("target", shell_complete=complete_record)
@click.argument("reverse", required=False)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@no_cache_option
def link_command(
    source: str,
    link: str,
    target: str,
    reverse: str | None,
    directory: Path | None,
    config_file: Path | None,
    no_cache: bool,
) -> None:
    """Link two records: "LINK TARGET" in SOURCE, "REVERSE SOURCE" in TARGET.

    REVERSE defaults to the usual pair: Amends / Amended by, Relates to / Relates to,
    anything else / Linked from. "Supersedes" and "Superseded by" also change the
    older record's status (as `adr supersede` does).

    \b
    Examples:
      adr link 14 Amends 12
      adr link 9 "Relates to" 4
      adr link 15 Clarifies 12 "Clarified by"
    """
    from .edit_commands import run_link

    run_link(source, link, target, reverse, directory, config_file, cache=not no_cache)


@cli.command("index")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Markdown file to write the log into, between <!-- adr-index:start --> and "
    "<!-- adr-index:end --> (added at the end if missing). Default: print it.",
)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@no_cache_option
def index_command(
    output: Path | None, directory: Path | None, config_file: Path | None, no_cache: bool
) -> None:
    """Write the decision log as a Markdown table (id, title, status, date).

    For GitHub readers and sites built without the plugin; only the lines between the
    markers change.

    \b
    Examples:
      adr index
      adr index --output decisions/README.md
    """
    from .log_commands import run_index

    run_index(output, directory, config_file, cache=not no_cache)


@cli.command("graph")
@click.option(
    "--format",
    "output",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    show_default=True,
)
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@no_cache_option
def graph_command(
    output: str, directory: Path | None, config_file: Path | None, no_cache: bool
) -> None:
    """Print the relation graph (supersedes, amends, relates to).

    \b
    Examples:
      adr graph > decisions.mmd
      adr graph --format dot | dot -Tsvg > decisions.svg
    """
    from .log_commands import run_graph

    run_graph(output, directory, config_file, cache=not no_cache)


@cli.command("init")
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--template", shell_complete=complete_template, help="Template of the first record.")
@click.option(
    "--config-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="mkdocs.yml to add the plugin to (default: ./mkdocs.yml, created if missing).",
)
def init_command(directory: Path | None, template: str | None, config_file: Path | None) -> None:
    """Create the decisions folder, its first record, and add the madr plugin to mkdocs.yml.

    DIRECTORY defaults to decisions_dir from mkdocs.yml, else decisions/. The rest of
    mkdocs.yml is left as written. Refuses a folder that already holds records.

    \b
    Examples:
      adr init
      adr init docs/decisions --template madr3
    """
    from .init_command import run_init

    run_init(directory, config_file, template)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="adr", standalone_mode=True)
    except CliError as error:  # raised outside a command, e.g. while parsing settings
        error.show()
        sys.exit(error.exit_code)
