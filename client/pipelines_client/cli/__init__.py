"""`pipectl`: the command-line tool on the SDK (built out in cli/)."""

from __future__ import annotations

import typer

from .. import __version__

app = typer.Typer(help="pipectl: the pipelines server from the command line.", no_args_is_help=True)


@app.command()
def version() -> None:
    """Print pipectl's version."""
    typer.echo(__version__)


def main() -> None:
    app()
