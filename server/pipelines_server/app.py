"""create_app(settings) -> the connexion app serving every surface."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import json
import logging
import threading
import types
from pathlib import Path

import anyio
import yaml
from connexion import FlaskApp
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import ProblemException
from connexion.jsonifier import Jsonifier
from connexion.lifecycle import ConnexionResponse
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from connexion.validators import VALIDATOR_MAP
from flask import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import ui
from .api.external_v1 import errors as v1_errors
from .api.native import errors as native_errors
from .api.pipelit import errors as pipelit_errors
from .api.pipelit.paths import PipelitPaths
from .domain.archives import ArchiveLimits
from .domain.job_runner import JobRunner, celery_sender
from .domain.pipelit.schedules import ScheduleSweeper
from .domain.project_files import FileSweeper
from .domain.upload_workers import UploadWorkers
from .domain.uploads import UploadConfig
from .edge import surfaces
from .edge.metrics import MetricsMiddleware
from .edge.middleware import EdgeMiddleware
from .edge.surfaces import Surface
from .engine.credentials import CredentialStore
from .engine.secrets import derive_key
from .engine.worker_pool import Engine
from .isolation import outbound, sandbox
from .kfp import namespaces as kfp_namespaces
from .kfp.api import errors as kfp_errors
from .kfp.runner import from_settings as kfp_runner_from_settings
from .live.asgi import EventStreams, end_streams_on_signals
from .live.hub import EventHub
from .live.pipelit import PipelitHub, PipelitSockets
from .live.ui_events import UiEvents
from .patches import NoColonConverter, allowed_methods, patch_connexion_and_starlette
from .ratelimit import RateLimits
from .runtime import Runtime, install
from .settings import PROJECT_ROOT, Settings
from .shared import jsonsafe
from .shared.metrics import BACKGROUND_THREADS
from .store.db import Database
from .ui.limits import SignInLimits, UiLimits
from .web import errors as web_errors
from .web import validation

log = logging.getLogger(__name__)
SPECS = PROJECT_ROOT / "openapi"


def _spec(name: str) -> dict:
    """An OpenAPI document of openapi/, parsed for connexion's add_api: by libyaml (given a
    path, connexion parses with PyYAML's pure-Python parser, over a second of every start)
    and as plain YAML (connexion renders a file as a Jinja2 template first, which emptied
    the specs' `{{var}}` examples)."""
    with (SPECS / name).open("rb") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def surfaces_for(settings: Settings) -> list[Surface]:
    """The surfaces by prefix, longest first; the Pipelit one where the settings put it."""
    return [Surface(settings.pipelit_prefix, pipelit_errors.shape), *SURFACES]


SURFACES = [  # longest prefix first
    *(
        Surface(f"{base}/pipelines/{upload}", kfp_errors.upload_shape)
        for base in ("/pipeline/apis/v2beta1", "/apis/v2beta1")
        for upload in ("upload_version", "upload")
    ),
    Surface("/pipeline/apis/v2beta1", kfp_errors.shape),
    Surface("/pipeline/apis/v1alpha1", kfp_errors.shape),
    Surface("/apis/v2beta1", kfp_errors.shape),
    Surface("/apis/v1alpha1", kfp_errors.shape),
    Surface("/api/v1", v1_errors.shape, headers=v1_errors.HEADERS),
    Surface("/api", native_errors.shape),
]
surfaces.register(surfaces_for(Settings()))


patch_connexion_and_starlette()


def process_share(settings: Settings) -> Settings:
    """This process's share of the background work when `serve --workers N` runs N server
    processes (PIPELINES_SERVE_WORKERS=N): engine threads, job runner threads, upload workers
    and KFP runs are totals for the whole server, each process runs its total divided by N
    (rounded down), at least 1 where the total is not 0."""
    n = max(1, settings.serve_workers)
    if n == 1:
        return settings

    def share(total: int) -> int:
        return 0 if total <= 0 else max(1, total // n)

    return dataclasses.replace(
        settings,
        engine_workers=share(settings.engine_workers),
        job_workers=share(settings.job_workers),
        upload_workers=share(settings.upload_workers),
        kfp_runs=share(settings.kfp_runs),
    )


def build_runtime(settings: Settings) -> Runtime:
    # What http and llm nodes may call; a malformed entry stops the start, saying which.
    outbound.configure(settings.outbound_allow)
    # The organization cap is across every process on the database: from the total.
    org_cap = settings.org_cap(settings.engine_workers)
    settings = process_share(settings)
    # The threads that use the database beside request handling get connections of their own.
    background = (
        settings.engine_workers + settings.job_workers + settings.upload_workers + settings.kfp_runs
    )
    db = Database.from_settings(settings, background=background)
    # User code's sandbox: probed once per process (PIPELINES_SANDBOX=bwrap that does not
    # work raises here; `auto` without bwrap logs a loud warning).
    sandbox.configure(settings, db)
    # KFP namespaces: made on first use or not (PIPELINES_KFP_AUTO_NAMESPACES).
    kfp_namespaces.configure(settings.kfp_auto_namespaces)
    uploads = UploadConfig(
        uploads_dir=settings.uploads_dir,
        secret_key=settings.ensure_secret_key(),
        min_seconds=settings.upload_url_min_seconds,
        max_seconds=settings.upload_url_max_seconds,
        bytes_per_second=settings.upload_bytes_per_second,
        max_upload_bytes=settings.upload_max_bytes,
        limits=ArchiveLimits(
            max_entries=settings.archive_max_entries,
            max_total_bytes=settings.archive_max_total_bytes,
            max_file_bytes=settings.archive_max_file_bytes,
            max_ratio=settings.archive_max_ratio,
        ),
    )
    limits = RateLimits(
        settings.rate_limit_per_key,
        settings.rate_limit_per_ip,
        settings.rate_limit_failed_auth,
        settings.redis_url,
    )
    workers = UploadWorkers(db, uploads, settings.upload_workers)
    credential_key = derive_key(settings.ensure_secret_key())
    send = send_job = None
    if settings.executor == "celery":
        from .engine.celery_app import make_celery, sender

        celery = make_celery(settings.broker_url, settings.celery_queue)
        send, send_job = sender(celery), celery_sender(celery)
    engine = Engine(
        db,
        threads=settings.engine_workers,
        executor=settings.executor,
        org_cap=org_cap,
        lease_seconds=settings.node_lease_seconds,
        poll_seconds=settings.engine_poll_seconds,
        redispatch_seconds=settings.redispatch_seconds,
        sweep_seconds=settings.sweep_seconds,
        shutdown_grace_seconds=settings.shutdown_grace_seconds,
        credentials=CredentialStore(db, credential_key),
        send=send,
    )
    # KFP secrets (kfp-kubernetes use_secret_as_env/_volume) are the organization's credentials.
    kfp_runner = kfp_runner_from_settings(db, settings, CredentialStore(db, credential_key))
    jobs = JobRunner(
        db,
        settings.job_workers,
        settings=settings,
        lease_seconds=settings.job_lease_seconds,
        send=send_job,
    )
    return Runtime(
        settings=settings,  # this process's share
        db=db,
        limits=limits,
        uploads=uploads,
        workers=workers,
        engine=engine,
        kfp=kfp_runner,
        jobs=jobs,
        credential_key=credential_key,
    )


def _stop_all(stops) -> None:
    threads = [threading.Thread(target=stop, name="stopping") for stop in stops]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _error_handler_for(flask_app):
    def handle(request, exc: Exception) -> ConnexionResponse:
        err = web_errors.to_http_error(exc)
        status, body, headers = (surfaces.find(request.url.path) or SURFACES[-1]).shape(err)
        if status == 405:
            allow = allowed_methods(flask_app, request.url.path)
            if allow:
                headers = {**headers, "Allow": allow}
        return ConnexionResponse(
            status_code=status,
            body=jsonsafe.dumps(body),
            content_type="application/json",
            headers=headers,
        )

    return handle


def _redoc_page(spec_url: str, title: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title><meta charset='utf-8'/>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>"
        f"<redoc spec-url='{spec_url}'></redoc>"
        "<script src='/_static/redoc.standalone.js'></script></body></html>"
    )


def _redoc_js() -> Path | None:
    # The ReDoc bundle ships as package data of drf-spectacular-sidecar (installed without its
    # Django dependency: only the static file is read, the package is never imported).
    spec = importlib.util.find_spec("drf_spectacular_sidecar")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = (
        Path(spec.submodule_search_locations[0])
        / "static"
        / "drf_spectacular_sidecar"
        / "redoc"
        / "bundles"
        / "redoc.standalone.js"
    )
    return path if path.exists() else None


def create_app(settings: Settings | None = None) -> FlaskApp:
    settings = settings or Settings.from_env()
    surfaces.register(surfaces_for(settings))
    runtime = build_runtime(settings)
    install(runtime)
    # Live events: one shared reader per process feeding every open stream.
    events = EventHub(runtime)
    # Pipelit's sockets: their own shared reader (task events and Pipelit broadcasts).
    pipelit_sockets = PipelitHub(runtime)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        resumed = runtime.workers.resume()
        if resumed:
            log.info("resumed %d upload(s) left processing", resumed)
        runtime.engine.start()
        runtime.kfp.start()
        runtime.jobs.start()
        file_sweeper = FileSweeper(runtime.db, runtime.project_files)
        file_sweeper.start()
        schedule_sweeper = ScheduleSweeper(
            runtime.db, runtime.settings.pipelit_schedule_sweep_seconds
        )
        schedule_sweeper.start()
        for kind, count in (
            ("engine", runtime.settings.engine_workers),
            ("jobs", runtime.settings.job_workers),
            ("uploads", runtime.settings.upload_workers),
            ("kfp_runs", runtime.settings.kfp_runs),
        ):
            BACKGROUND_THREADS.labels(kind).set(count)
        end_streams_on_signals(events)
        end_streams_on_signals(pipelit_sockets)
        pipelit_sockets.start_pruner()
        try:
            yield
        finally:
            await events.stop()
            await pipelit_sockets.stop()
            await anyio.to_thread.run_sync(file_sweeper.stop)
            await anyio.to_thread.run_sync(schedule_sweeper.stop)
            # The runners stop side by side: each lets its work in flight finish within the
            # shutdown grace and hands back the rest, so the whole stop takes one grace.
            await anyio.to_thread.run_sync(
                _stop_all, (runtime.jobs.stop, runtime.kfp.stop, runtime.engine.stop)
            )
            runtime.workers.shutdown()
            runtime.db.dispose()

    validators = dict(VALIDATOR_MAP)
    validators["body"] = MediaTypeDict(
        {
            **VALIDATOR_MAP["body"],
            "*/*json": validation.BodyValidator,
            "multipart/form-data": validation.FormValidator,
        }
    )
    validators["parameter"] = validation.ParamValidator

    # Compact JSON (connexion pretty-prints by default): smaller, faster replies.
    # Strict JSON too: a non-finite float is written as null, never as a NaN token.
    jsonifier = Jsonifier(
        types.SimpleNamespace(dumps=jsonsafe.dumps, loads=json.loads), separators=(",", ":")
    )
    app = FlaskApp(__name__, lifespan=lifespan, validator_map=validators, jsonifier=jsonifier)
    # Path parameters never contain ':', so that upstream KFP's custom methods
    # (/experiments/{id}:archive) are routes of their own and not ids of the plain one.
    app.app.url_map.converters["default"] = NoColonConverter
    app.app.url_map.converters["string"] = NoColonConverter
    common_args = dict(
        validate_responses=settings.validate_responses,
        strict_validation=False,
        pythonic_params=False,
    )
    # Nested base paths: the longer one is added first.
    app.add_api(
        _spec("external-v1.yaml"),
        base_path="/api/v1",
        name="external_v1",
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs"),
        **common_args,
    )
    # Kubeflow Pipelines v2beta1, at upstream's path and behind its /pipeline proxy prefix.
    for base, name in (("/apis/v2beta1", "kfp"), ("/pipeline/apis/v2beta1", "kfp_proxy")):
        app.add_api(
            _spec("kfp-v2beta1.yaml"),
            base_path=base,
            name=name,
            swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs"),
            **common_args,
        )
    for base, name in (
        ("/apis/v1alpha1", "kfp_logs"),
        ("/pipeline/apis/v1alpha1", "kfp_logs_proxy"),
    ):
        app.add_api(_spec("kfp-v1alpha1.yaml"), base_path=base, name=name, **common_args)
    # Pipelit's API, under its own prefix (nothing else lives there).
    app.add_api(
        _spec("pipelit-v1.yaml"),
        base_path=settings.pipelit_prefix + "/api/v1",
        name="pipelit",
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs"),
        **common_args,
    )
    app.add_api(
        _spec("pipelines.yaml"),
        base_path="/api",
        name="native",
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs"),
        **common_args,
    )
    # Every error, connexion's own problems and Flask's 404/405 included, gets the body of
    # the surface it happened on.
    handler = _error_handler_for(app.app)
    for exc_class in (Exception, ProblemException, StarletteHTTPException):
        app.add_error_handler(exc_class, handler)
    # Outermost of ours: GET /metrics, and every request counted (those the edge refuses too).
    app.add_middleware(
        MetricsMiddleware,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        db=runtime.db,
        enabled=settings.metrics,
    )
    app.add_middleware(EdgeMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION)
    # The web UI's sign-in forms count attempts toward the failed-authentication limit.
    app.add_middleware(SignInLimits, position=MiddlewarePosition.BEFORE_EXCEPTION)
    # Every /ui request counts toward the per-key (signed in) or per-IP (anonymous) limit.
    app.add_middleware(UiLimits, position=MiddlewarePosition.BEFORE_EXCEPTION)
    # Pipelit's 307 between a path's two forms (with and without its final /), its /health.
    app.add_middleware(
        PipelitPaths,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        flask_app=app.app,
        prefix=settings.pipelit_prefix,
    )
    # GET /api/events (SSE) is answered here, after connexion routed, authenticated and
    # validated it and before Flask: a stream holds no WSGI thread. /api/events/ws too.
    app.add_middleware(EventStreams, position=MiddlewarePosition.BEFORE_CONTEXT, hub=events)
    if settings.ui:
        # GET /ui/events: the same streams for the web UI's pages, by the session cookie.
        app.add_middleware(UiEvents, position=MiddlewarePosition.BEFORE_CONTEXT, hub=events)
    # <prefix>/ws/ and <prefix>/ws/executions/{id}/ (Pipelit's sockets), likewise.
    app.add_middleware(
        PipelitSockets,
        position=MiddlewarePosition.BEFORE_CONTEXT,
        hub=pipelit_sockets,
        prefix=settings.pipelit_prefix,
    )

    flask_app = app.app
    redoc_js = _redoc_js()

    @flask_app.get("/api/v1/redoc")
    def redoc_v1():
        return Response(
            _redoc_page("/api/v1/openapi.json", "Pipelines External API v1"), mimetype="text/html"
        )

    @flask_app.get("/api/redoc")
    def redoc_native():
        return Response(_redoc_page("/api/openapi.json", "Pipelines API"), mimetype="text/html")

    @flask_app.get("/_static/redoc.standalone.js")
    def redoc_static():
        if redoc_js is None:
            return Response(
                "// ReDoc bundle not installed", mimetype="application/javascript", status=404
            )
        return Response(redoc_js.read_bytes(), mimetype="application/javascript")

    if settings.ui:
        ui.register(flask_app)

    @flask_app.get("/")
    def index():
        if settings.ui and ui.wants_html():
            return ui.landing()
        return {
            "name": "pipelines-server",
            "surfaces": {
                "native": {"base": "/api", "docs": "/api/docs/", "spec": "/api/openapi.json"},
                "external_v1": {
                    "base": "/api/v1",
                    "docs": "/api/v1/docs/",
                    "redoc": "/api/v1/redoc",
                    "spec": "/api/v1/openapi.json",
                },
            },
        }

    return app


def asgi_app():
    """uvicorn factory: `uvicorn --factory pipelines_server.app:asgi_app`."""
    return create_app()
