"""GET /metrics (Prometheus text format) and the middleware that counts every HTTP request.

Requests are counted by surface (native, external_v1, kfp; `other` off every surface) and
operation: connexion's operationId once it has routed the request, `unmatched` for a path
no operation serves (never the raw path: one series per route, not per URL). The counters of
shared/metrics.py add up across the processes of one `pipelines-server serve` (and the pool
children of one `pipelines-server worker --metrics-port`) through prometheus-client's
multiprocess mode, which `pipelines-server` switches on by setting PROMETHEUS_MULTIPROC_DIR
before anything imports prometheus_client. The queue gauges are read off the database at
scrape time (store/queue_gauges.py), at most once a second per process however often
/metrics is asked.

/metrics needs no key, as Prometheus scrapers usually expect: it shows aggregate counts only
(no organization, path, key or user), and its database reads are cached. Keep it off the
public listener (a reverse proxy that does not forward /metrics) or set PIPELINES_METRICS=0.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import anyio
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import REGISTRY, Collector

from ..shared.metrics import HTTP_REQUESTS, HTTP_SECONDS
from ..store import queue_gauges
from ..store.db import Database
from . import surfaces

log = logging.getLogger(__name__)
PATH = "/metrics"
DB_CACHE_SECONDS = 1.0
_SURFACE_NAMES = {"/api": "native", "/api/v1": "external_v1"}


def surface_name(path: str) -> str:
    s = surfaces.find(path)
    if s is None:
        return "other"
    return _SURFACE_NAMES.get(s.prefix, "kfp")


def operation_name(extensions: dict) -> str:
    """connexion's operationId of the routed request, from its scope's extensions (the
    handler's name, without the controller module connexion prefixes it with), or
    `unmatched`."""
    routing = extensions.get("connexion_routing") or {}
    op = routing.get("operation_id")
    return op.rsplit(".", 1)[-1] if op else "unmatched"


class QueueCollector(Collector):
    """The queue gauges, read off the database when scraped (cached for a second)."""

    def __init__(self, db: Database):
        self.db = db
        self._lock = threading.Lock()
        self._at = float("-inf")
        self._counts: queue_gauges.QueueCounts | None = None

    def _read(self) -> queue_gauges.QueueCounts | None:
        with self._lock:
            if time.monotonic() - self._at >= DB_CACHE_SECONDS:
                try:
                    self._counts = self.db.read(queue_gauges.read)
                except Exception:  # noqa: BLE001 - a scrape reports the database down, no 500
                    log.warning("metrics: reading the queues failed", exc_info=True)
                    self._counts = None
                self._at = time.monotonic()
            return self._counts

    def collect(self):
        counts = self._read()
        up = GaugeMetricFamily(
            "pipelines_database_up", "1 when the queue gauges could be read off the database"
        )
        up.add_metric([], 0 if counts is None else 1)
        yield up
        if counts is None:
            return
        for name, doc, values in (
            (
                "pipelines_queue_depth",
                "Work due now and held by no one, by queue (nodes: machine nodes; jobs; "
                "kfp_runs: pending KFP runs)",
                counts.waiting,
            ),
            (
                "pipelines_in_flight",
                "Work held under a lease that has not ended, by queue",
                counts.held,
            ),
            (
                "pipelines_leases_lapsed",
                "Work still held by a claimant whose lease has ended (to be taken over), by queue",
                counts.lapsed,
            ),
        ):
            g = GaugeMetricFamily(name, doc, labels=["queue"])
            for queue in queue_gauges.QUEUES:
                g.add_metric([queue], values.get(queue, 0))
            yield g
        for name, doc, value in (
            ("pipelines_tasks_unstarted", "Tasks waiting to start", counts.tasks_unstarted),
            (
                "pipelines_tasks_in_progress",
                "Tasks started and not finished",
                counts.tasks_in_progress,
            ),
            ("pipelines_kfp_runs_running", "KFP runs running", counts.kfp_runs_running),
        ):
            g = GaugeMetricFamily(name, doc)
            g.add_metric([], value)
            yield g


def registry(db: Database) -> CollectorRegistry:
    """What /metrics shows: the counters (of every process of this server in multiprocess
    mode, else of this one) and the queue gauges."""
    reg = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(reg)
    else:
        reg.register(_Default())
    reg.register(QueueCollector(db))
    return reg


class _Default(Collector):
    """The process's default registry (a single process): its counters, process and
    platform metrics."""

    def collect(self):
        yield from REGISTRY.collect()


class MetricsMiddleware:
    """Outermost: answers GET /metrics, and counts and times every other HTTP request,
    including those refused before routing (413, 429)."""

    def __init__(self, app, db: Database, enabled: bool = True):
        self.app = app
        self.enabled = enabled
        self.registry = registry(db) if enabled else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not self.enabled:
            return await self.app(scope, receive, send)
        if scope["path"] == PATH and scope["method"] in ("GET", "HEAD"):
            return await self.scrape(scope, send)
        # connexion's routing writes the operation into scope["extensions"]; a middleware
        # that copies the scope keeps this same dict, so it is read here afterwards.
        scope.setdefault("extensions", {})
        extensions = scope["extensions"]
        status = 500
        start = time.perf_counter()

        async def counting_send(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            surface = surface_name(scope["path"])
            operation = operation_name(extensions)
            HTTP_REQUESTS.labels(surface, operation, str(status)).inc()
            HTTP_SECONDS.labels(surface, operation).observe(time.perf_counter() - start)

    async def scrape(self, scope, send) -> None:
        body = await anyio.to_thread.run_sync(generate_latest, self.registry)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", CONTENT_TYPE_LATEST.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )
