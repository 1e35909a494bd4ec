"""The v1 `health` tag: the server's dependencies (web/health.py)."""

from ...web import health


def get_health():
    return health.report()
