"""The native `health` tag: the server's dependencies (web/health.py) and its version."""

from importlib.metadata import PackageNotFoundError, version

from ...web import health


def _version() -> str:
    try:
        return version("pipelines-server")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0"


VERSION = _version()


def get_health():
    body, status = health.report()
    return {**body, "version": VERSION}, status
