"""`pipectl`: the pipelines server from the command line, on the SDK.

One module per command group (projects, workflows, tasks, ...); `auth` holds login, logout and
whoami. Every command prints a table by default and JSON or YAML with `--output`.

Exit codes (documented in the README and in `pipectl --help`; `main` maps every error):
  0 ok; 1 an error (the server refused, a rejected row, a failed job, a bad base URL, no
  keyring, a file that cannot be written); 2 usage error (bad option or argument, an input
  file that cannot be read or parsed); 3 not authenticated or not allowed (401, 403, no key);
  4 not found (404); 5 timed out waiting; 6 the server could not be reached or the connection
  failed.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .. import __version__
from . import config
from .output import Format, err
from .state import State, set_state

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_TIMEOUT = 5
EXIT_UNREACHABLE = 6

app = typer.Typer(
    help=(
        "pipectl: the pipelines server from the command line.\n\n"
        "Exit codes: 0 ok, 1 error, 2 usage (bad option, unreadable or unparsable input "
        "file), 3 auth (401/403/no key), 4 not found, 5 timed out waiting, 6 server "
        "unreachable or connection failed."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    profile: Annotated[
        str | None,
        typer.Option("--profile", "-p", help="Profile to use (default: the last one logged in)."),
    ] = None,
    output: Annotated[
        Format | None,
        typer.Option("--output", help="table (default), json or yaml.", case_sensitive=False),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds per HTTP request.")] = 30.0,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    state = State(profile=profile, output=output, timeout=timeout)
    set_state(state)
    ctx.call_on_close(state.close)


@app.command()
def version() -> None:
    """Print pipectl's version."""
    typer.echo(__version__)


def _register() -> None:
    from . import auth, datasets, events, experiments, keys, kfp, projects, tasks, work, workflows

    auth.register(app)
    app.add_typer(projects.app, name="projects")
    app.add_typer(workflows.app, name="workflows")
    app.add_typer(tasks.app, name="tasks")
    app.add_typer(datasets.app, name="datasets")
    app.add_typer(experiments.app, name="experiments")
    app.add_typer(work.app, name="my-work")
    app.add_typer(keys.app, name="keys")
    app.add_typer(events.app, name="events")
    app.add_typer(kfp.app, name="kfp")


_register()


def exit_code(exc: BaseException) -> int:
    import httpx

    from ..errors import (
        ApiError,
        ConnectionFailed,
        Forbidden,
        InvalidFile,
        NotFound,
        Unauthorized,
        WaitTimeout,
    )

    if isinstance(exc, InvalidFile):
        return EXIT_USAGE  # an input file that cannot be read or parsed, as Typer's own checks
    if isinstance(exc, (Unauthorized, Forbidden)):
        return EXIT_AUTH
    if isinstance(exc, NotFound):
        return EXIT_NOT_FOUND
    if isinstance(exc, WaitTimeout):
        return EXIT_TIMEOUT
    if _bad_url(exc):
        return EXIT_ERROR  # a base URL that is no URL: nothing was tried
    if isinstance(exc, (ConnectionFailed, httpx.TransportError)):
        return EXIT_UNREACHABLE
    if isinstance(exc, (ApiError, config.ConfigError)):
        return EXIT_ERROR
    return EXIT_ERROR


def describe(exc: BaseException) -> str:
    """One line for stderr: what failed, in the user's terms (never a traceback)."""
    import httpx
    from keyring.errors import KeyringError

    from ..errors import ApiError

    if isinstance(exc, ApiError):
        return f"error ({exc.status}): {exc.message}"
    bad = _bad_url(exc)
    if bad is not None:
        return (
            f"error: the server URL {_url_of(bad)!r} is not usable ({bad}); it must start with "
            "http:// or https:// (--base-url, PIPELINES_BASE_URL or the profile)"
        )
    if isinstance(exc, httpx.TransportError):
        return f"error: the connection to the server failed: {type(exc).__name__}: {exc}"
    if isinstance(exc, KeyringError):
        return (
            f"error: the system keyring is not available ({type(exc).__name__}); "
            "log in without --keyring to keep the key in the config file (mode 0600), "
            "or set PIPELINES_API_KEY"
        )
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"error: cannot use{where}: {exc.strerror or exc}"
    message = getattr(exc, "message", None) or str(exc)
    return f"error: {message}"


def _bad_url(exc: BaseException | None) -> BaseException | None:
    """The error (or its cause) saying the base URL is no http(s) URL; None otherwise."""
    import httpx

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def _url_of(exc) -> str:
    """The base URL in use (else the request's URL), for the message."""
    from .state import state

    try:
        return state().resolved().base_url
    except Exception:  # noqa: BLE001 - only for the message
        pass
    try:
        return str(exc.request.url)
    except (RuntimeError, AttributeError):  # raised before a request existed
        return "?"


def main() -> None:
    """The entry point: runs the app and turns every error into a message and an exit code."""
    import httpx
    from keyring.errors import KeyringError

    from ..errors import PipelinesError, ValidationFailed

    try:
        app()
    except (PipelinesError, config.ConfigError, httpx.HTTPError, KeyringError, OSError) as exc:
        # One line however long (soft_wrap): scripts grep it, people read it whole.
        err.print(describe(exc), markup=False, highlight=False, soft_wrap=True)
        if isinstance(exc, ValidationFailed):
            for issue in exc.issues:
                err.print(f"  - {issue}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(exit_code(exc))
    except KeyboardInterrupt:
        sys.exit(130)
