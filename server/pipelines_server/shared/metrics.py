"""The Prometheus metrics every layer counts into (prometheus-client), served at GET /metrics.

Counters live here, at the bottom floor, so that the engine, the KFP runner, the jobs and the
edge count into one registry. With several processes (`serve --workers N`, Celery pool
children) prometheus-client's multiprocess mode adds them up: PROMETHEUS_MULTIPROC_DIR must
be set before this module is first imported (`pipelines-server` does it). Gauges read off the
database (queue depth, runs in flight) are collected at scrape time instead.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "pipelines_http_requests",
    "HTTP requests answered, by surface, operation and status code",
    ["surface", "operation", "status"],
)
HTTP_SECONDS = Histogram(
    "pipelines_http_request_duration_seconds",
    "Time to answer an HTTP request, by surface and operation",
    ["surface", "operation"],
)
NODES_DISPATCHED = Counter(
    "pipelines_nodes_dispatched",
    "Machine-node messages sent to the broker when their node was queued",
)
NODES_RESENT = Counter(
    "pipelines_nodes_resent",
    "Machine-node messages sent again by the sweeper (not picked up in time)",
)
NODES_FINISHED = Counter(
    "pipelines_nodes_finished",
    "Machine nodes whose work ended, by outcome (completed, failed, retried, discarded)",
    ["outcome"],
)
LEASES_TAKEN_OVER = Counter(
    "pipelines_leases_taken_over",
    "Work taken over after its holder's lease lapsed, by queue (nodes, jobs, kfp_runs)",
    ["queue"],
)
DEPENDENCY_ERRORS = Counter(
    "pipelines_dependency_errors",
    "Calls to a dependency that failed and were worked around, by dependency (redis, broker)",
    ["dependency"],
)
BACKGROUND_THREADS = Gauge(
    "pipelines_background_threads",
    "Threads (KFP: runs at once) this server runs beside request handling, by kind (engine, "
    "jobs, uploads, kfp_runs), added up over its processes",
    ["kind"],
    multiprocess_mode="livesum",
)
