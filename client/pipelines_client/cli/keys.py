"""pipectl keys: list, create (the secret printed once), revoke."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import org_id
from .output import OutputOption, emit_list, emit_one, note
from .state import client

app = typer.Typer(help="API keys of your organization.", no_args_is_help=True)

OrgOption = Annotated[
    int | None, typer.Option("--org", help="Organization id (default: your own).")
]
COLUMNS = [
    ("ID", "id"),
    ("NAME", "name"),
    ("LAST4", "last4"),
    ("EXPIRES", "expires_at"),
    ("STATUS", "status"),
    ("LAST USED", "last_used_at"),
]


@app.command("list")
def list_(org: OrgOption = None, output: OutputOption = None) -> None:
    """List the keys (never their secrets)."""
    c = client()
    emit_list(c.keys.list(org_id(c, org)), COLUMNS, output)


@app.command()
def create(
    name: str,
    expires_in_days: Annotated[
        int | None, typer.Option("--expires-in-days", help="Expire after this many days.")
    ] = None,
    org: OrgOption = None,
    output: OutputOption = None,
) -> None:
    """Create a key. Its secret is printed this once: store it now."""
    c = client()
    extra = {"expires_in_days": expires_in_days} if expires_in_days is not None else {}
    key = c.keys.create(org_id(c, org), name, **extra)
    emit_one(key, output)
    note("The key's secret is shown only this once: store it now.")


@app.command()
def revoke(key_id: int, org: OrgOption = None, output: OutputOption = None) -> None:
    """Revoke a key (it stops working at once)."""
    c = client()
    emit_one(c.keys.revoke(org_id(c, org), key_id), output)
