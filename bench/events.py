"""`make bench`, live events: 1,000 open SSE streams on one server process, on SQLite and
(when reachable at PIPELINES_BENCH_PG_URL) on PostgreSQL.

Writes bench/events-results.json:
  rps_ratio        health and an authenticated GET, requests per second with the streams open
                   / without them (target >= 0.8 each)
  rss_per_stream   the server's RSS growth while the streams are open / the streams
  delay_ms         from a node finishing (its node.finished event's created_at, stamped when
                   the engine records the result) to the event arriving on a stream: median
                   and p99 over every (event, stream) pair, and over the slowest stream of
                   each event

The load generator is one asyncio process (httpx) on the same machine as the server; it holds
the streams, sends the measured requests and reads every event. Each open stream is a socket
on both sides: the file-descriptor limit is raised here, and the server inherits it.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import platform
import resource
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines_server.store.models import utcnow  # noqa: E402
from tests.server import (  # noqa: E402
    create_pg_database,
    postgres_reachable,
    start_server,
    stop_server,
)

console = Console()
STREAMS = int(os.environ.get("PIPELINES_BENCH_EVENTS_STREAMS", "1000"))
EVENTS = int(os.environ.get("PIPELINES_BENCH_EVENTS_COUNT", "200"))
PG_URL = os.environ.get(
    "PIPELINES_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
CONCURRENCY = 8  # clients of the measured requests
ROUND_SECONDS = 3.0
ROUNDS = 3
ENV = {
    "PIPELINES_RATE_LIMIT_PER_KEY": "100000000/minute",
    "PIPELINES_RATE_LIMIT_PER_IP": "100000000/minute",
    "PIPELINES_VALIDATE_RESPONSES": "0",
    "PIPELINES_LOG_LEVEL": "warning",
}


def raise_fd_limit(needed: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else max(needed, soft)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft < needed:
        raise SystemExit(f"need {needed} open files for {STREAMS} streams, the limit is {soft}")
    return soft


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


async def rate(client: httpx.AsyncClient, url: str, seconds: float) -> float:
    count = errors = 0
    stop = time.perf_counter() + seconds

    async def worker():
        nonlocal count, errors
        while time.perf_counter() < stop:
            r = await client.get(url)
            if r.status_code == 200:
                count += 1
            else:
                errors += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    if errors:
        raise RuntimeError(f"{errors} failed requests against {url}")
    return count / (time.perf_counter() - start)


async def rates(client: httpx.AsyncClient, urls: dict[str, str]) -> dict[str, float]:
    """Median requests per second of each URL over alternating rounds."""
    samples: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(ROUNDS):
        for name, url in urls.items():
            samples[name].append(await rate(client, url, ROUND_SECONDS))
    return {name: statistics.median(values) for name, values in samples.items()}


class Stream:
    """One open SSE stream; it records when each node.finished event arrived."""

    def __init__(self):
        self.arrivals: dict[int, float] = {}  # event id -> arrival (epoch seconds)
        self.created: dict[int, float] = {}  # event id -> created_at (epoch seconds)
        self.response: httpx.Response | None = None
        self.task: asyncio.Task | None = None

    async def open(self, client: httpx.AsyncClient, params: dict) -> None:
        request = client.build_request("GET", "/api/events", params=params)
        self.response = await client.send(request, stream=True)
        if self.response.status_code != 200:
            raise RuntimeError(f"stream refused: {self.response.status_code}")
        chunks = self.response.aiter_raw()
        first = await chunks.__anext__()
        assert first.startswith(b"retry:"), first
        self.task = asyncio.create_task(self.read(chunks, first.partition(b"\n\n")[2]))

    async def read(self, chunks, buffer: bytes) -> None:
        # Raw bytes split by hand: the load generator reads every event of every stream, and
        # must not become what the delay measures.
        async for chunk in chunks:
            now = time.time()
            *messages, buffer = (buffer + chunk).split(b"\n\n")
            for message in messages:
                if b"\nevent: node.finished\n" not in message:
                    continue
                event = json.loads(message.partition(b"\ndata: ")[2])
                self.arrivals[event["id"]] = now
                created = datetime.fromisoformat(event["created_at"].replace("Z", "+00:00"))
                self.created[event["id"]] = created.timestamp()

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.response is not None:
            await self.response.aclose()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def scenario(server) -> dict:
    key = server.seed.api_key
    pid = server.seed.project_id
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(120.0)
    async with (
        httpx.AsyncClient(base_url=server.base_url, headers=headers, timeout=timeout) as api,
        httpx.AsyncClient(
            base_url=server.base_url, headers=headers, limits=limits, timeout=timeout
        ) as streams_client,
    ):
        # A workflow whose tasks finish two nodes each (start, end), and one task to read.
        r = await api.post(
            f"/api/projects/{pid}/workflows",
            json={
                "name": "events-bench",
                "fields": [],
                "graph": {
                    "nodes": [{"id": "start", "kind": "start"}, {"id": "end", "kind": "end"}],
                    "edges": [{"source": "start", "target": "end"}],
                },
            },
        )
        r.raise_for_status()
        wf_id = r.json()["id"]
        (await api.post(f"/api/projects/{pid}/workflows/{wf_id}/activate")).raise_for_status()
        r = await api.post(f"/api/v1/workflows/{wf_id}/tasks", json={"tasks": [{"fields": {}}]})
        r.raise_for_status()
        task_id = r.json()["task_ids"][0]
        urls = {
            "health": "/api/health",
            "authenticated_get": f"/api/projects/{pid}/workflows/{wf_id}/tasks/{task_id}",
        }
        await rates(api, {n: u for n, u in urls.items()})  # warm-up
        await asyncio.sleep(1.0)
        gc.collect()
        gc.freeze()  # as after the streams open (below): both sides measured alike
        rss_before = rss_bytes(server.process.pid)
        console.print("without streams ...")
        before = await rates(api, urls)
        console.print(f"  {before}")

        console.print(f"opening {STREAMS} SSE streams ...")
        streams = [Stream() for _ in range(STREAMS)]
        opened_at = time.perf_counter()
        for start in range(0, STREAMS, 50):
            await asyncio.gather(
                *(
                    s.open(streams_client, {"workflow_id": wf_id})
                    for s in streams[start : start + 50]
                )
            )
        open_seconds = time.perf_counter() - opened_at
        await asyncio.sleep(2.0)
        # The streams' objects in this process are long-lived: without this, every full
        # collection of the load generator walks them, and that (not the server: measured
        # with the load in a separate process, it keeps its rate) is what slows it.
        gc.collect()
        gc.freeze()
        rss_open = rss_bytes(server.process.pid)
        console.print(
            f"  opened in {open_seconds:.1f} s; RSS +{(rss_open - rss_before) / 2**20:.1f} MiB"
        )

        console.print("with the streams open ...")
        during = await rates(api, urls)
        console.print(f"  {during}")

        console.print(f"{EVENTS} node.finished events to every stream ...")
        # One task at a time (two node.finished among its five events), each after every
        # stream received the previous one: what is measured is the server's path, not a
        # backlog of 5,000 messages per task in this one client process.
        tasks_needed = (EVENTS + 1) // 2
        wanted = 0
        for _ in range(tasks_needed):
            r = await api.post(f"/api/v1/workflows/{wf_id}/tasks", json={"tasks": [{"fields": {}}]})
            r.raise_for_status()
            wanted += 2
            deadline = time.monotonic() + 60
            while any(len(s.arrivals) < wanted for s in streams):
                if time.monotonic() > deadline:
                    raise RuntimeError("events did not reach every stream within 60 s")
                await asyncio.sleep(0.02)
            await asyncio.sleep(0.1)
        received = sum(len(s.arrivals) for s in streams)
        delays, slowest, fastest = [], {}, {}
        for s in streams:
            for event_id, arrived in s.arrivals.items():
                delay = (arrived - s.created[event_id]) * 1000
                delays.append(delay)
                slowest[event_id] = max(slowest.get(event_id, 0.0), delay)
                fastest[event_id] = min(fastest.get(event_id, 1e12), delay)
        ids = sorted(slowest)[:EVENTS]
        per_event = [slowest[i] for i in ids]
        first_per_event = [fastest[i] for i in ids]
        rss_after = rss_bytes(server.process.pid)
        for s in streams:
            await s.close()
        await asyncio.sleep(2.0)
        console.print("streams closed ...")
        after = await rates(api, urls)
        console.print(f"  {after}")
    # Against the mean of the rates measured before and after: the machine is shared, and its
    # drift over the run weighs on both sides alike.
    baseline = {k: (before[k] + after[k]) / 2 for k in urls}

    return {
        "streams": STREAMS,
        "open_seconds": round(open_seconds, 2),
        "rps_before_streams": {k: round(v, 1) for k, v in before.items()},
        "rps_with_streams": {k: round(v, 1) for k, v in during.items()},
        "rps_after_streams": {k: round(v, 1) for k, v in after.items()},
        "rps_ratio": {k: round(during[k] / baseline[k], 3) for k in urls},
        "rss_bytes": {"before": rss_before, "streams_open": rss_open, "after_events": rss_after},
        "rss_per_stream_bytes": round((rss_open - rss_before) / STREAMS),
        "events": {
            "node_finished_events": len(ids),
            "deliveries_expected": wanted * STREAMS,
            "deliveries_received": received,
        },
        "delay_ms": {
            "all_deliveries": {
                "median": round(statistics.median(delays), 1),
                "p99": round(percentile(delays, 0.99), 1),
            },
            "first_stream_per_event": {
                "median": round(statistics.median(first_per_event), 1),
                "p99": round(percentile(first_per_event, 0.99), 1),
            },
            "slowest_stream_per_event": {
                "median": round(statistics.median(per_event), 1),
                "p99": round(percentile(per_event, 0.99), 1),
            },
        },
    }


def main() -> int:
    fd_limit = raise_fd_limit(2 * STREAMS + 200)  # the client's sockets and the server's
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "open_files_limit": fd_limit,
        },
        "measured_at": utcnow().isoformat(),
    }
    try:
        import uvloop  # what uvicorn runs the server on, when installed

        run = uvloop.run
    except ImportError:
        run = asyncio.run
    with TemporaryDirectory() as tmp:
        databases = {"sqlite": f"sqlite:///{Path(tmp) / 'events.db'}"}
        why = postgres_reachable(PG_URL)
        if why is None:
            os.environ["PIPELINES_TEST_DATABASE_URL"] = PG_URL  # lets stop_server drop it
            databases["postgresql"] = create_pg_database(PG_URL)
        else:
            console.print(f"[yellow]PostgreSQL skipped: {why}")
            results["postgresql"] = {"skipped": why}
        for label, url in databases.items():
            console.print(f"[bold]{label}")
            server = start_server(Path(tmp) / label, env=ENV, database_url=url)
            try:
                results[label] = run(scenario(server))
            finally:
                stop_server(server)
                gc.unfreeze()
    out = ROOT / "bench" / "events-results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    console.print_json(json.dumps(results))
    console.print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
