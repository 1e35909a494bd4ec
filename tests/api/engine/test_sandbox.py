"""Code nodes run in the sandbox (isolation/sandbox.py), over real HTTP on real servers: code that
tries to reach the server's process, files, environment, database or port fails; a setsid()
child dies with its node; a fork bomb stops at the process limit. Without bwrap, a server
that hosts several organizations refuses user code; PIPELINES_SANDBOX=bwrap without a
working bwrap refuses to start."""

from __future__ import annotations

import shutil
import uuid

import pytest

from pipelines_server.domain import orgs
from tests.api.engine.helpers import chain, create_tasks, flow, node, nodes_by_id, wait_task
from tests.api.helpers import database
from tests.server import start_server, stop_server
from tests.support import sandbox_probe as probe

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap not installed")

MARKER_ENV = "PIPELINES_TEST_SANDBOX_MARKER"


@pytest.fixture(scope="module")
def boxed(tmp_path_factory):
    """A server with a marker in its environment (the code must not see it)."""
    marker = "marker-" + uuid.uuid4().hex
    srv = start_server(
        tmp_path_factory.mktemp("sandboxed"), env={MARKER_ENV: marker, "PIPELINES_SANDBOX": "bwrap"}
    )
    srv.marker = marker
    yield srv
    stop_server(srv)


def run_code(server, source: str, timeout: float = 60, **config) -> dict:
    wf = flow(
        server,
        [node("start", "start"), node("code", "code", source=source, **config), node("end", "end")],
        chain("start", "code", "end"),
    )
    (task_id,) = create_tasks(server, wf["id"], [{}])
    task = wait_task(server, wf["id"], task_id, timeout=timeout)
    return nodes_by_id(task)["code"]


def test_code_node_cannot_reach_the_servers_process_files_environment_or_sockets(boxed):
    targets = probe.targets(boxed)
    result = run_code(boxed, probe.probe_source(targets))
    assert result["status"] == "finished", result
    probe.assert_contained(result["output"], targets, boxed.marker)


def test_a_setsid_child_dies_with_its_timed_out_node(boxed):
    marker = "setsid-" + uuid.uuid4().hex
    wf = flow(
        boxed,
        [
            node("start", "start"),
            node("code", "code", source=probe.setsid_source(marker), timeout_seconds=30),
            node("end", "end"),
        ],
        chain("start", "code", "end"),
    )
    (task_id,) = create_tasks(boxed, wf["id"], [{}])
    task = wait_task(boxed, wf["id"], task_id, timeout=300)
    code = nodes_by_id(task)["code"]
    assert code["status"] == "failed" and "timed out" in code["error"], code
    assert probe.STARTED in (code.get("log") or ""), code  # the child ran until then
    # The node is recorded failed only once its sandbox is gone: nothing of it is left.
    assert probe.processes_with(marker) == []


def test_a_fork_bomb_stops_at_the_process_limit(boxed):
    result = run_code(boxed, probe.FORK_BOMB)
    assert result["status"] == "finished", result
    out = result["output"]
    assert out["error"] and "Resource temporarily unavailable" in out["error"], out
    assert 0 < out["forked"] < 256  # PIPELINES_SANDBOX_MAX_PROCESSES (default 256)


def test_the_sandbox_keeps_a_code_node_working(boxed):
    source = (
        "import os, tempfile, json\n"
        "def main(data):\n"
        "    with tempfile.NamedTemporaryFile('w', delete=False) as f:\n"
        "        f.write('x')\n"
        "    import jinja2\n"  # an installed package imports
        "    return {'cwd': os.getcwd(), 'tmp': os.path.exists(f.name), 'uid': os.getuid()}\n"
    )
    result = run_code(boxed, source)
    assert result["status"] == "finished", result
    out = result["output"]
    assert out["cwd"] == "/tmp" and out["tmp"] is True
    assert out["uid"] != 0  # the server runs as root here; its code does not


def test_bwrap_required_but_missing_refuses_to_start(tmp_path):
    with pytest.raises(RuntimeError) as info:
        start_server(
            tmp_path, env={"PIPELINES_SANDBOX": "bwrap", "PIPELINES_SANDBOX_BWRAP": "/nonexistent"}
        )
    assert "PIPELINES_SANDBOX=bwrap" in str(info.value)
    assert "/nonexistent does not exist" in str(info.value)


def test_without_bwrap_code_runs_for_one_organization_and_is_refused_for_two(make_server):
    server = make_server(env={"PIPELINES_SANDBOX_BWRAP": "/nonexistent"})  # auto, no bwrap
    assert "USER CODE RUNS WITHOUT A SANDBOX" in server.log()
    ok = run_code(server, "def main(data):\n    return 1\n")
    assert ok["status"] == "finished", ok
    with database(server) as session:
        orgs.bootstrap(session, org_name="Second organization")
    refused = run_code(server, "def main(data):\n    return 1\n")
    assert refused["status"] == "failed"
    assert "User code is refused" in refused["error"]
    assert "PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED" in refused["error"]


def test_without_bwrap_the_operator_can_allow_several_organizations(make_server):
    server = make_server(
        env={
            "PIPELINES_SANDBOX_BWRAP": "/nonexistent",
            "PIPELINES_SANDBOX_ALLOW_SHARED_UNSANDBOXED": "1",
        }
    )
    with database(server) as session:
        orgs.bootstrap(session, org_name="Second organization")
    ok = run_code(server, "def main(data):\n    return 1\n")
    assert ok["status"] == "finished", ok
