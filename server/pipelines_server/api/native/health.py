"""The native `health` tag: liveness and the server's version."""

from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    try:
        return version("pipelines-server")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0"


VERSION = _version()


def get_health():
    return {"status": "ok", "version": VERSION}, 200
