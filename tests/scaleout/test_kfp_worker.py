"""`pipelines-server kfp-worker` processes beside a server that runs no KFP run itself
(PIPELINES_KFP_RUNS=0), on PostgreSQL: a worker's component processes die with it, whether
the kernel kills its pid alone (the OOM killer) or systemd its whole process group, in the
sandbox or without one; another worker takes the run over (and says so) and finishes it; a
SIGTERM lets a short run finish on the worker that has it, and hands a long one back to
another worker at the end of the grace period."""

import contextlib
import os
import signal
import sys
import time
import uuid

import pytest

kfp = pytest.importorskip("kfp")
from kfp import dsl  # noqa: E402

from .cluster import Proc  # noqa: E402


@dsl.component(base_image="python:3.11")
def tick(marker: str, seconds: float) -> str:
    import os
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.1)
    # In the task's own folder (its HOME): a task that ran to its end, which a killed one
    # never does.
    with open(os.path.join(os.environ["HOME"], "done"), "w") as f:
        f.write(marker)
    return marker


@dsl.pipeline(name="tick")
def ticking(marker: str, seconds: float) -> str:
    return tick(marker=marker, seconds=seconds).output


@dsl.component(base_image="python:3.11")
def hold(marker: str) -> str:
    import os
    import time

    # Runs until the test lets it go (a file `go` put into its folder, which is bind-mounted
    # into the sandbox): an attempt the test kills is always still running when killed, and
    # the attempt that takes over ends as soon as the test sees it. Each attempt of a task
    # has a folder of its own. It says when it runs (its code, past the process's start).
    with open(os.path.join(os.environ["HOME"], "running"), "w") as f:
        f.write(marker)
    end = time.monotonic() + 300
    while not os.path.exists(os.path.join(os.environ["HOME"], "go")):
        if time.monotonic() > end:
            raise RuntimeError("never let go")
        time.sleep(0.1)
    with open(os.path.join(os.environ["HOME"], "done"), "w") as f:
        f.write(marker)
    return marker


@dsl.pipeline(name="hold")
def holding(marker: str) -> str:
    return hold(marker=marker).output


ENV = {
    "PIPELINES_KFP_RUNS": "0",  # the server runs none: the kfp-workers do
    "PIPELINES_ENGINE_POLL_SECONDS": "0.2",
}


def _start_worker(cluster, name: str, env: dict | None = None) -> Proc:
    return Proc(
        name,
        [sys.executable, "-m", "pipelines_server", "kfp-worker"],
        {**cluster.base_env, "PIPELINES_KFP_RUNS": "2", **(env or {})},
        cluster.tmp / f"{name}.log",
    ).start()


def _submit(cluster, marker: str, seconds: float | None) -> str:
    """A run of `tick` for `seconds`, or (None) of `hold`, which runs until `_let_go`."""
    client = kfp.Client(host=cluster.url(0), existing_token=cluster.seed.api_key)
    if seconds is None:
        run = client.create_run_from_pipeline_func(holding, arguments={"marker": marker})
    else:
        run = client.create_run_from_pipeline_func(
            ticking, arguments={"marker": marker, "seconds": seconds}
        )
    return run.run_id


def _holding(cluster, run_id: str, marker: str) -> bool:
    """`hold` runs: its code started (not only its processes), and its processes are there."""
    root = cluster.tmp / "data" / "kfp-artifacts" / run_id
    return bool(list(root.glob("*/running"))) and bool(_marked(marker))


def _let_go(cluster, run_id: str) -> None:
    """Lets every attempt of the run's `hold` that is (or will be) running end."""
    for folder in (cluster.tmp / "data" / "kfp-artifacts" / run_id).glob("*"):
        if folder.is_dir():
            (folder / "go").touch()


def _run(cluster, run_id: str) -> dict:
    with cluster.client() as c:
        r = c.get(f"/apis/v2beta1/runs/{run_id}")
    assert r.status_code == 200, r.text
    return r.json()


def _marked(marker: str) -> list[int]:
    """The processes whose command line holds `marker` (the component's executor input)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if marker.encode() in f.read():
                    found.append(int(pid))
        except OSError:
            continue
    return found


def _until(what, timeout: float, why):
    deadline = time.monotonic() + timeout
    while True:
        value = what()
        if value:
            return value
        assert time.monotonic() < deadline, why()
        time.sleep(0.1)


def _finished(cluster, run_id: str, timeout: float, why) -> dict:
    return _until(
        lambda: (r := _run(cluster, run_id))["state"] in ("SUCCEEDED", "FAILED", "CANCELED") and r,
        timeout,
        why,
    )


def _ran_to_the_end(cluster, run_id: str) -> list:
    """The task folders of the run where `tick` ran to its end."""
    return sorted((cluster.tmp / "data" / "kfp-artifacts" / run_id).glob("*/done"))


def _logs(cluster, *procs: Proc) -> str:
    return cluster.logs() + "".join(f"\n==== {p.name} ====\n{p.log()[-20000:]}" for p in procs)


@pytest.mark.parametrize(
    ("kill", "sandbox"),
    [("group", "auto"), ("pid", "none")],
    ids=["group-sandboxed", "pid-unsandboxed"],
)
def test_a_sigkilled_kfp_worker_leaves_no_component_process_and_another_takes_over(
    cluster, kill, sandbox
):
    env = {**ENV, "PIPELINES_KFP_LEASE_SECONDS": "3", "PIPELINES_SANDBOX": sandbox}
    c = cluster(servers=1, workers=0, env=env)
    first = _start_worker(c, "kfp0")
    second = None
    try:
        marker = f"marker-{uuid.uuid4().hex}"
        run_id = _submit(c, marker, None)  # runs until let go: still running when killed
        _until(lambda: _holding(c, run_id, marker), 90, lambda: _logs(c, first))
        if kill == "group":  # systemd's KillMode=control-group
            first.signal_group(signal.SIGKILL)
        else:  # the OOM killer: the worker's pid alone
            os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
        # Nothing of the component outlives its worker, even while no one has taken over:
        # its processes are gone (a survivor let go below would run to its end, and say so
        # in its folder).
        _until(lambda: not _marked(marker), 30, lambda: f"still alive: {_marked(marker)}")
        assert _ran_to_the_end(c, run_id) == [], _logs(c, first)
        run = _run(c, run_id)
        assert run["state"] == "RUNNING", (run, _logs(c, first))

        second = _start_worker(c, "kfp1")

        def finished():
            _let_go(c, run_id)  # the attempt that took over, and any survivor of the first
            r = _run(c, run_id)
            return r["state"] in ("SUCCEEDED", "FAILED", "CANCELED") and r

        run = _until(finished, 120, lambda: _logs(c, first, second))
        assert run["state"] == "SUCCEEDED", (run, _logs(c, first, second))
        root = next(t for t in run["run_details"]["task_details"] if t["kind"] == "root")
        assert root["output_parameters"] == {"Output": marker}
        assert f"KFP run {run_id} taken over" in second.log(), second.log()
        # The second worker's attempt alone ran to its end.
        assert len(_ran_to_the_end(c, run_id)) == 1, _logs(c, first, second)
    finally:
        for p in (first, second):
            if p is not None:
                p.stop()


def test_sigterm_lets_a_short_run_finish_on_its_worker(cluster):
    c = cluster(servers=1, workers=0, env={**ENV, "PIPELINES_SHUTDOWN_GRACE_SECONDS": "60"})
    worker = _start_worker(c, "kfp0")
    try:
        marker = f"marker-{uuid.uuid4().hex}"
        run_id = _submit(c, marker, None)
        _until(lambda: _holding(c, run_id, marker), 90, lambda: _logs(c, worker))
        worker.signal_group(signal.SIGTERM)  # what systemd sends on stop
        # The component was running when the signal came (it runs until let go); it ends
        # now, well within the grace.
        assert worker.alive(), _logs(c, worker)
        _let_go(c, run_id)
        assert worker.wait(90) == 0, _logs(c, worker)
        run = _run(c, run_id)  # no other process runs KFP runs: the worker finished it
        assert run["state"] == "SUCCEEDED", (run, _logs(c, worker))
        assert "handed back" not in worker.log()
        assert not _marked(marker)
    finally:
        worker.stop()


def test_sigterm_hands_a_long_run_back_to_another_worker(cluster):
    # A lease far longer than the test: only the hand-back can let another worker take it.
    env = {**ENV, "PIPELINES_SHUTDOWN_GRACE_SECONDS": "1", "PIPELINES_KFP_LEASE_SECONDS": "600"}
    c = cluster(servers=1, workers=0, env=env)
    first = _start_worker(c, "kfp0")
    second = None
    try:
        marker = f"marker-{uuid.uuid4().hex}"
        run_id = _submit(c, marker, None)  # runs until let go: past any grace
        _until(lambda: _holding(c, run_id, marker), 90, lambda: _logs(c, first))
        first.signal_group(signal.SIGTERM)
        assert first.wait(60) == 0, _logs(c, first)
        assert f"KFP run {run_id} handed back" in first.log(), first.log()
        assert not _marked(marker)
        assert _ran_to_the_end(c, run_id) == []
        assert _run(c, run_id)["state"] == "RUNNING"

        second = _start_worker(c, "kfp1")

        def finished():
            _let_go(c, run_id)
            r = _run(c, run_id)
            return r["state"] in ("SUCCEEDED", "FAILED", "CANCELED") and r

        run = _until(finished, 120, lambda: _logs(c, first, second))
        assert run["state"] == "SUCCEEDED", (run, _logs(c, first, second))
        assert f"KFP run {run_id} (RUNNING, attempt 1) handed back" in second.log()
    finally:
        for p in (first, second):
            if p is not None:
                p.stop()


def test_a_worker_that_lost_its_lease_discards_its_result(cluster):
    # The first worker is frozen (SIGSTOP) past its lease: its component runs to its end
    # meanwhile, another worker takes the run over, and when the first one wakes up it
    # finds the run no longer its own and writes nothing of it.
    env = {**ENV, "PIPELINES_KFP_LEASE_SECONDS": "3"}
    c = cluster(servers=1, workers=0, env=env)
    first = _start_worker(c, "kfp0")
    second = None
    try:
        marker = f"marker-{uuid.uuid4().hex}"
        run_id = _submit(c, marker, 2.0)
        _until(lambda: _marked(marker), 90, lambda: _logs(c, first))
        os.kill(first.pid, signal.SIGSTOP)
        second = _start_worker(c, "kfp1")
        _until(
            lambda: f"KFP run {run_id} taken over" in second.log(),
            90,
            lambda: _logs(c, first, second),
        )
        os.kill(first.pid, signal.SIGCONT)
        run = _finished(c, run_id, 120, lambda: _logs(c, first, second))
        assert run["state"] == "SUCCEEDED", (run, _logs(c, first, second))
        _until(
            lambda: (
                f"KFP run {run_id} was taken over by another process" in first.log()
                or f"KFP run {run_id} ended SUCCEEDED here, but this runner no longer holds it"
                in first.log()
            ),
            60,
            lambda: _logs(c, first, second),
        )
        assert first.alive()
    finally:
        for p in (first, second):
            if p is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(p.pid, signal.SIGCONT)
                p.stop()


def test_a_worker_cut_off_from_the_database_stops_its_components(cluster):
    # The worker reaches PostgreSQL through a proxy that is cut: it cannot renew its lease,
    # so it kills the run's processes before the lease lapses (another process could take
    # the run over then), instead of running on beside the new holder.
    from .cluster import TcpProxy

    c = cluster(servers=1, workers=0, env={**ENV, "PIPELINES_KFP_LEASE_SECONDS": "4"})
    url = c.database_url
    proxy = TcpProxy(("127.0.0.1", int(url.split("@")[1].split("/")[0].split(":")[1])))
    host = url.split("@")[1].split("/")[0]
    worker = _start_worker(c, "kfp0", {"PIPELINES_DATABASE_URL": url.replace(host, proxy.address)})
    try:
        marker = f"marker-{uuid.uuid4().hex}"
        run_id = _submit(c, marker, 600.0)
        _until(lambda: _marked(marker), 90, lambda: _logs(c, worker))
        proxy.down()
        _until(lambda: not _marked(marker), 60, lambda: _logs(c, worker))
        assert f"KFP run {run_id}: its lease (4 s) could not be renewed" in worker.log()
        assert _ran_to_the_end(c, run_id) == []
        # The database back: the run is handed back, not ended (nobody canceled it), and
        # taken up again.
        proxy.up()
        _until(
            lambda: (
                (
                    f"KFP run {run_id} handed back unfinished (its lease could not be renewed)"
                    in worker.log()
                )
                or f"KFP run {run_id} taken over" in worker.log()
            ),
            60,
            lambda: _logs(c, worker),
        )
        _until(lambda: _marked(marker), 90, lambda: _logs(c, worker))
        assert _run(c, run_id)["state"] == "RUNNING"
    finally:
        proxy.down()
        worker.stop()


def test_a_run_failing_of_a_unit_wide_sigterm_is_handed_back_not_failed(cluster):
    # systemd's default KillMode=control-group: the SIGTERM reaches the component processes
    # (in sessions of their own) too, and the run's task fails of it. A run that fails while
    # its process stops is handed back, and another worker runs it to its end.
    env = {**ENV, "PIPELINES_KFP_LEASE_SECONDS": "600"}  # only a hand-back lets another take it
    c = cluster(servers=1, workers=0, env=env)
    first = _start_worker(c, "kfp0")
    second = None
    try:
        marker = f"marker-{uuid.uuid4().hex}"
        run_id = _submit(c, marker, None)  # runs until let go
        _until(lambda: _holding(c, run_id, marker), 90, lambda: _logs(c, first))
        # systemd signals them all at once; here the worker goes first and the components
        # once it is stopping, so that the test does not depend on which the machine gets to
        # first.
        first.process.send_signal(signal.SIGTERM)
        _until(lambda: "KFP runner stopping" in first.log(), 60, lambda: _logs(c, first))
        for pid in _marked(marker):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        assert first.wait(90) is not None, _logs(c, first)
        assert "failed while this process stops" in first.log(), first.log()
        assert _run(c, run_id)["state"] == "RUNNING", _logs(c, first)

        second = _start_worker(c, "kfp1")

        def finished():
            _let_go(c, run_id)
            r = _run(c, run_id)
            return r["state"] in ("SUCCEEDED", "FAILED", "CANCELED") and r

        run = _until(finished, 120, lambda: _logs(c, first, second))
        assert run["state"] == "SUCCEEDED", (run, _logs(c, first, second))
    finally:
        for p in (first, second):
            if p is not None:
                p.stop()
