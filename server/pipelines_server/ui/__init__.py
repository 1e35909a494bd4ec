"""The web UI: server-rendered pages (Jinja2 templates, htmx for partial updates, a few lines
of our own JavaScript for live refresh), served by the same server under /ui, with `/` as
its entry for browsers.

Why server-rendered pages and not a single-page app: every page is a Python function and a
template, which any Python developer of this project can change without a JavaScript build
(nothing to compile, nothing to commit twice); the pages call the same domain functions as
the API handlers, so there is no second copy of business rules in a client; and the only
third-party front-end code is htmx (one vendored, pinned file, 0BSD). The DAG drawings are
SVG laid out on the server (ui/dag.py).

Every module `pages_*.py` of this package registers its routes on `core.bp` (under /ui) or
`core.root_bp` (paths outside /ui, e.g. /cli-login) when imported; `register` imports them
all."""

from __future__ import annotations

from flask import Flask, request

from . import core, params
from .core import bp


def register(flask_app: Flask) -> None:
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("pages_"):
            importlib.import_module(f"{__name__}.{module.name}")
    # Routes' ids use <id64:...>: the converter must be known before the rules are added.
    flask_app.url_map.converters["id64"] = params.Id64Converter
    flask_app.register_blueprint(bp)
    flask_app.register_blueprint(core.root_bp)


def wants_html() -> bool:
    """`/` in a browser (HTML preferred over JSON) opens the UI; API clients keep the JSON
    index."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "text/html"
        and request.accept_mimetypes["text/html"] > request.accept_mimetypes["application/json"]
    )


def landing():
    return core.render("landing.html")
