"""The `adr` command: a click group whose commands load their work lazily.

`adr new` must start fast, so this module imports only click; each command imports what it
needs when it runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import __version__
from .errors import CliError, Interrupted

DIR_HELP = "Folder of decision records (default: decisions_dir from ./mkdocs.yml, else decisions/)."
CONFIG_HELP = "mkdocs.yml to read settings from (default: ./mkdocs.yml if present)."


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CliError:
            raise
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise Interrupted("interrupted") from None
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
      adr list
      adr new "Use NATS JetStream as the message bus"
      adr lint --strict
    """


@cli.command("list")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--status", "statuses", multiple=True, help="Only records with this status.")
def list_command(
    directory: Path | None, config_file: Path | None, output: str, statuses: tuple[str, ...]
) -> None:
    """List the decision records.

    \b
    Examples:
      adr list
      adr list --status accepted --status proposed
      adr list --format json > decisions.json
    """
    from .read_commands import run_list

    run_list(directory, config_file, output, statuses)


@cli.command("show")
@click.argument("record")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
def show_command(
    record: str, directory: Path | None, config_file: Path | None, output: str
) -> None:
    """Show one record: metadata, options, the chosen one, consequences, relations.

    RECORD is an id as you would say it: 5, 0005, ADR-0005, or category/0005.

    \b
    Example:
      adr show 7
    """
    from .read_commands import run_show

    run_show(record, directory, config_file, output)


@cli.command("lint")
@click.option("--dir", "directory", type=click.Path(path_type=Path), help=DIR_HELP)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), help=CONFIG_HELP)
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
def lint_command(
    directory: Path | None, config_file: Path | None, strict: bool, output: str
) -> None:
    """Check every record and print `path:line: code: message` for each problem.

    Exits 1 when there is an error (or, with --strict, a warning), else 0.
    Levels per code come from `diagnostics:` in the madr plugin's options.

    \b
    Examples:
      adr lint
      adr lint --strict   # as in CI
    """
    from .read_commands import run_lint

    raise SystemExit(run_lint(directory, config_file, strict, output))


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="adr", standalone_mode=True)
    except CliError as error:  # raised outside a command, e.g. while parsing settings
        error.show()
        sys.exit(error.exit_code)
