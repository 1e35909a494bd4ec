"""Pipelit's path conventions, in front of routing: a path that is not a route but whose other
form (with or without the final `/`) is answers 307 to that form, under this server's prefix
and with the query kept (FastAPI's redirect_slashes); `<prefix>/health` is Pipelit's
`/health`, outside `/api/v1`, served as `<prefix>/api/v1/health`; a path that would be a
route but for an integer id that is not one answers FastAPI's 422 `int_parsing` (the
router's int converter would say 404)."""

from __future__ import annotations

import re

from ...patches import _route_table
from ...web.auth import presented_keys
from ...web.replies import send_json
from .errors import INT_PARSING, NOT_AUTHENTICATED

_INT_PARAM = re.compile(r"<int:(\w+)>")
_ANY_PARAM = re.compile(r"<(?:[^:>]+:)?(\w+)>")


class PipelitPaths:
    def __init__(self, app, flask_app, prefix: str):
        self.app = app
        self.flask_app = flask_app
        self.health = prefix + "/health"
        self.api = prefix + "/api/v1"
        self._loose: list | None = None
        self._rules = 0

    def routed(self, path: str) -> bool:
        return any(pattern.fullmatch(path) for pattern, _m, _s in _route_table(self.flask_app))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        if path == self.health:
            target = self.api + "/health"
            scope = {**scope, "path": target, "raw_path": target.encode()}
        elif path.startswith(self.api + "/") and not self.routed(path):
            other = path[:-1] if path.endswith("/") else path + "/"
            if other != self.api and self.routed(other):
                return await self.redirect(scope, send, other)
            bad = self.not_an_int(path)
            if bad is not None and not presented_keys(scope["headers"]):
                # FastAPI checks the bearer before the parameters (every such route needs one)
                body = {"detail": NOT_AUTHENTICATED}
                return await send_json(send, 401, body, {"WWW-Authenticate": "Bearer"})
            if bad is not None:
                item = {"type": "int_parsing", "loc": ["path", bad[0]], "msg": INT_PARSING}
                return await send_json(send, 422, {"detail": [{**item, "input": bad[1]}]}, {})
        return await self.app(scope, receive, send)

    def not_an_int(self, path: str) -> tuple[str, str] | None:
        """(name, value) of the integer path parameter that keeps `path` from being a route."""
        count = sum(1 for _ in self.flask_app.url_map.iter_rules())
        if self._loose is None or self._rules != count:
            self._rules = count
            self._loose = [
                (self._loose_pattern(rule.rule), _INT_PARAM.findall(rule.rule))
                for rule in self.flask_app.url_map.iter_rules()
                if rule.rule.startswith(self.api + "/") and "<int:" in rule.rule
            ]
        for pattern, ints in self._loose:
            m = pattern.fullmatch(path)
            if m is None:
                continue
            for name in ints:
                if not re.fullmatch(r"-?\d+", m.group(name)):
                    return name, m.group(name)
        return None

    @staticmethod
    def _loose_pattern(rule: str) -> re.Pattern:
        out, pos = [], 0
        for m in _ANY_PARAM.finditer(rule):
            out.append(re.escape(rule[pos : m.start()]))
            out.append(f"(?P<{m.group(1)}>[^/]+)")
            pos = m.end()
        out.append(re.escape(rule[pos:]))
        return re.compile("".join(out))

    async def redirect(self, scope, send, path: str) -> None:
        location = scope.get("root_path", "") + path
        query = scope.get("query_string", b"")
        if query:
            location += "?" + query.decode("latin-1")
        await send(
            {
                "type": "http.response.start",
                "status": 307,
                "headers": [
                    (b"location", location.encode("latin-1")),
                    (b"content-length", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})
