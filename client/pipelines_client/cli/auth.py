"""login, logout, whoami and profiles."""

from __future__ import annotations

import socket
import time
from typing import Annotated

import typer

from ..core import DEFAULT_BASE_URL
from . import config
from .output import OutputOption, emit_list, emit_one, note
from .state import state


def register(app: typer.Typer) -> None:
    app.command()(login)
    app.command()(logout)
    app.command()(whoami)
    app.command()(profiles)


def _profile_name() -> str:
    """The profile login writes: --profile, else PIPECTL_PROFILE, else 'default'."""
    return config.chosen_profile(state().profile) or config.DEFAULT_PROFILE


def login(
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="PIPELINES_BASE_URL",
            help="The server (default: the profile's, else http://127.0.0.1:8000).",
        ),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            help="Store this key instead of the browser approval flow ('-' reads it from stdin).",
        ),
    ] = None,
    use_keyring: Annotated[
        bool, typer.Option("--keyring", help="Keep the key in the system keyring, not the file.")
    ] = False,
    wait: Annotated[
        float, typer.Option(help="Seconds to wait for the approval in the browser.")
    ] = 600.0,
) -> None:
    """Log in and save a profile (--profile NAME or PIPECTL_PROFILE, default 'default').

    With --api-key the key is checked and saved. Without it, pipectl starts a CLI login:
    open the URL it prints, sign in, enter the code; pipectl receives a new key of yours.
    """
    from ..client import Client
    from ..errors import WaitTimeout

    name = _profile_name()
    url = (base_url or config.saved_base_url(name) or DEFAULT_BASE_URL).rstrip("/")
    if api_key == "-":
        import sys

        api_key = sys.stdin.readline().strip()
    if not api_key:
        api_key = _device_flow(url, wait)
        if api_key is None:
            raise WaitTimeout(f"no approval within {wait:g} seconds")
    with Client(url, api_key, timeout=state().timeout) as checked:
        me = checked.whoami()
    path = config.store(name, url, api_key, use_keyring=use_keyring)
    where = "the system keyring" if use_keyring else str(path)
    who = getattr(me, "email", None) or getattr(me, "user_id", "?")
    note(f"Logged in to {url} as {who} (profile '{name}', key in {where}).")


def _device_flow(url: str, wait: float) -> str | None:
    from pipelines_api.api.cli_login import poll_cli_login, start_cli_login
    from pipelines_api.models import CliLoginStart

    from ..client import Client
    from ..errors import PipelinesError

    with Client(url, anonymous=True, timeout=state().timeout) as anonymous:
        session = anonymous.call(
            start_cli_login,
            body=CliLoginStart(hostname=socket.gethostname()[:255], client_name="pipectl"),
        )
        note(
            f"Open {session.verification_url} in a browser, sign in and enter the code:\n\n"
            f"    {session.user_code}\n\nWaiting for the approval (Ctrl-C to stop)..."
        )
        deadline = time.monotonic() + min(wait, float(session.expires_in))
        interval = max(1.0, float(session.interval))
        while time.monotonic() < deadline:
            time.sleep(interval)
            poll = anonymous.call(
                poll_cli_login, session_id=session.session_id, x_device_code=session.device_code
            )
            state_ = str(getattr(poll.state, "value", poll.state))
            if state_ == "authorized":
                return poll.api_key
            if state_ in ("denied", "expired", "consumed"):
                raise PipelinesError(f"the login request was {state_}")
    return None


def logout() -> None:
    """Forget the profile (--profile NAME or PIPECTL_PROFILE, default the current one) and its
    stored key.

    The key itself stays valid on the server: revoke it with `pipectl keys revoke`."""
    name = config.chosen_profile(state().profile) or config.load()["current"]
    if config.forget(name):
        note(f"Logged out: profile '{name}' removed.")
    else:
        note(f"No profile named '{name}'.")


def whoami(output: OutputOption = None) -> None:
    """Who the key of this profile (or PIPELINES_API_KEY) belongs to."""
    fields = ["org_id", "org_name", "user_id", "email", "name", "role"]
    emit_one(state().client().whoami(), output, fields=fields)


def profiles(output: OutputOption = None) -> None:
    """The saved profiles (keys never shown)."""
    data = config.load()
    rows = [
        {
            "name": name,
            "current": name == data["current"],
            "base_url": entry.get("base_url"),
            "key": "keyring" if entry.get("keyring") else ("file" if entry.get("api_key") else ""),
        }
        for name, entry in sorted(data["profiles"].items())
    ]
    emit_list(
        rows,
        [("NAME", "name"), ("CURRENT", "current"), ("BASE URL", "base_url"), ("KEY", "key")],
        output,
    )
