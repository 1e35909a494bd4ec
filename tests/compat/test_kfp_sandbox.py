"""KFP components run in the sandbox, through the real kfp SDK on a real server: the same
leaks a code node tries (tests/api/engine/test_sandbox.py) fail from a component; a component
sees its input artifacts but not other runs' folders; a setsid() child dies on terminate and
on the task time limit; a fork bomb stops at the process limit; pip without network fails
fast with a line saying so; without bwrap, a second organization's run is refused."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import uuid

import httpx
import pytest

from pipelines_server.domain import orgs
from tests.api.helpers import database
from tests.server import start_server, stop_server
from tests.support import sandbox_probe as probe

kfp = pytest.importorskip("kfp")

from tests.compat import sandbox_pipelines as S  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap not installed")
TIMEOUT = 240
TASK_TIMEOUT = 45  # long enough for any component here to start on a busy machine


@pytest.fixture(scope="module")
def boxed(tmp_path_factory):
    marker = "marker-" + uuid.uuid4().hex
    srv = start_server(
        tmp_path_factory.mktemp("kfp-sandboxed"),
        env={
            "PIPELINES_TEST_SANDBOX_MARKER": marker,
            "PIPELINES_SANDBOX": "bwrap",
            "PIPELINES_KFP_TASK_TIMEOUT_SECONDS": str(TASK_TIMEOUT),
        },
    )
    srv.marker = marker
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def client(boxed):
    return kfp.Client(host=boxed.base_url, existing_token=boxed.seed.api_key)


def _raw_run(server, run_id: str) -> dict:
    r = httpx.get(
        f"{server.base_url}/apis/v2beta1/runs/{run_id}",
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    )
    assert r.status_code == 200, r.text
    return r.json()


def _wait(server, run_id: str, states: set[str], timeout: float = TIMEOUT) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = _raw_run(server, run_id)
        if run["state"] in states:
            return run
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} never reached {states}: {run['state']}")


def _output(raw: dict) -> dict:
    root = next(t for t in raw["run_details"]["task_details"] if t.get("kind") == "root")
    return json.loads(root["output_parameters"]["Output"])


def _run(client, server, pipeline, **args) -> dict:
    result = client.create_run_from_pipeline_func(pipeline, arguments=args)
    return _wait(server, result.run_id, {"SUCCEEDED", "FAILED", "CANCELED"})


def test_component_cannot_reach_the_servers_process_files_environment_or_sockets(boxed, client):
    targets = probe.targets(boxed)
    raw = _run(client, boxed, S.run_source_pipeline, source=probe.probe_source(targets))
    assert raw["state"] == "SUCCEEDED", raw.get("error")
    probe.assert_contained(_output(raw), targets, boxed.marker)


def test_component_reads_its_input_artifact_but_no_other_task_folder(boxed, client):
    # Another run's folder (and the pipeline root's listing) is out of sight.
    first = _run(client, boxed, S.run_source_pipeline, source="def main(d):\n    return 1\n")
    root = boxed.data_dir / "kfp-artifacts"
    other = next((root / first["run_id"]).iterdir())
    assert other.is_dir()
    source = (
        "import os\n"
        "def main(d):\n"
        f"    out = {{'cwd': os.getcwd(), 'writable_root': os.access({str(root)!r}, os.W_OK)}}\n"
        "    for name, path in (('other', %r), ('root', %r)):\n"
        "        try:\n"
        "            out[name] = os.listdir(path)\n"
        "        except OSError as exc:\n"
        "            out[name] = type(exc).__name__\n"
        "    return out\n"
    ) % (str(other), str(root))
    raw = _run(client, boxed, S.artifact_pipeline, source=source)
    assert raw["state"] == "SUCCEEDED", raw.get("error")
    out = _output(raw)
    assert out["input"] == "upstream"  # its input artifact, read-only
    assert out["probe"]["other"] == "FileNotFoundError"
    assert first["run_id"] not in out["probe"]["root"]  # only this run's folder is there
    assert out["probe"]["cwd"].startswith(str(root / raw["run_id"]))
    assert out["probe"]["writable_root"] is False


def _running_marker(marker: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not probe.processes_with(marker):
        assert time.monotonic() < deadline, "the setsid child never started"
        time.sleep(0.1)


def test_terminate_kills_a_components_setsid_child(boxed, client):
    marker = "setsid-" + uuid.uuid4().hex
    result = client.create_run_from_pipeline_func(
        S.run_source_pipeline, arguments={"source": probe.setsid_source(marker)}
    )
    _running_marker(marker)
    client.terminate_run(result.run_id)
    _wait(boxed, result.run_id, {"CANCELED"}, timeout=60)
    assert probe.processes_with(marker) == []


def test_the_task_time_limit_kills_a_components_setsid_child(boxed, client):
    marker = "setsid-" + uuid.uuid4().hex
    result = client.create_run_from_pipeline_func(
        S.run_source_pipeline, arguments={"source": probe.setsid_source(marker)}
    )
    raw = _wait(boxed, result.run_id, {"FAILED", "SUCCEEDED"}, timeout=TASK_TIMEOUT + 300)
    assert raw["state"] == "FAILED"
    assert f"longer than {TASK_TIMEOUT} s" in raw["error"]["message"]
    task = next(t for t in raw["run_details"]["task_details"] if t.get("kind") == "component")
    log = httpx.get(
        f"{boxed.base_url}/apis/v1alpha1/runs/{raw['run_id']}/nodes/{task['task_id']}/log",
        headers={"Authorization": f"Bearer {boxed.seed.api_key}"},
    ).text
    assert probe.STARTED in log  # the child was alive when the time limit came
    assert probe.processes_with(marker) == []


def test_a_components_fork_bomb_stops_at_the_process_limit(boxed, client):
    raw = _run(client, boxed, S.run_source_pipeline, source=probe.FORK_BOMB)
    assert raw["state"] == "SUCCEEDED", raw.get("error")
    out = _output(raw)
    assert "Resource temporarily unavailable" in out["error"], out
    assert 0 < out["forked"] < 256


def test_pip_without_network_fails_fast_and_says_why(boxed, client):
    raw = _run(client, boxed, S.pip_pipeline)  # fails (within TIMEOUT), does not hang
    assert raw["state"] == "FAILED"
    assert "network is disabled in the sandbox" in raw["error"]["message"]
    tasks = raw["run_details"]["task_details"]
    task = next(t for t in tasks if t["display_name"] == "needs-a-missing-package")
    assert "PIPELINES_SANDBOX_NETWORK" in (task.get("error") or {}).get("message", "")


def test_without_bwrap_a_second_organizations_run_is_refused(make_server):
    server = make_server(env={"PIPELINES_SANDBOX_BWRAP": "/nonexistent"})
    c = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    ok = _run(c, server, S.run_source_pipeline, source="def main(d):\n    return 1\n")
    assert ok["state"] == "SUCCEEDED", ok.get("error")
    with database(server) as session:
        orgs.bootstrap(session, org_name="Second organization")
    refused = _run(c, server, S.run_source_pipeline, source="def main(d):\n    return 1\n")
    assert refused["state"] == "FAILED"
    assert "User code is refused" in refused["error"]["message"]
    assert os.path.exists(server.data_dir / "secret_key")


# -- what the server reads or runs around a component --------------------------------------------


def _secret(server) -> str:
    return (server.data_dir / "secret_key").read_text().strip()


def test_an_output_parameter_linked_to_a_server_file_is_not_read(boxed, client):
    raw = _run(client, boxed, S.link_output_pipeline, path=str(boxed.data_dir / "secret_key"))
    assert _secret(boxed) not in json.dumps(raw)


def test_a_log_linked_to_a_server_file_is_not_quoted(boxed, client):
    raw = _run(client, boxed, S.link_log_pipeline, path=str(boxed.data_dir / "secret_key"))
    assert raw["state"] == "FAILED"
    assert _secret(boxed) not in json.dumps(raw)
    task = next(t for t in raw["run_details"]["task_details"] if t.get("kind") == "component")
    log = httpx.get(
        f"{boxed.base_url}/apis/v1alpha1/runs/{raw['run_id']}/nodes/{task['task_id']}/log",
        headers={"Authorization": f"Bearer {boxed.seed.api_key}"},
    )
    assert _secret(boxed) not in log.text


def test_a_retry_does_not_write_its_log_through_a_planted_link(boxed, client, tmp_path):
    target = tmp_path / "server-owned.txt"
    target.write_text("untouched\n")
    raw = _run(client, boxed, S.link_log_retry_pipeline, target=str(target))
    assert target.read_text() == "untouched\n"
    assert raw["state"] == "SUCCEEDED", raw.get("error")


def test_an_artifact_linked_to_the_database_is_not_given_to_the_next_task(boxed, client):
    db_file = boxed.database_url.removeprefix("sqlite:///")
    if not boxed.database_url.startswith("sqlite:///"):
        db_file = str(boxed.data_dir / "secret_key")
    raw = _run(client, boxed, S.link_artifact_pipeline, path=db_file)
    assert "SQLite format" not in json.dumps(raw)
    assert _secret(boxed) not in json.dumps(raw)


@pytest.fixture(scope="module")
def preload_library(tmp_path_factory):
    """A shared library whose constructor appends the uid and effective capabilities of
    every process it is loaded into to ./preload.log."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build the LD_PRELOAD library")
    folder = tmp_path_factory.mktemp("preload")
    source = folder / "preload.c"
    source.write_text(
        "#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n"
        "__attribute__((constructor)) static void seen(void) {\n"
        '  char line[256], caps[64] = "?"; FILE *s = fopen("/proc/self/status", "r");\n'
        "  while (s && fgets(line, sizeof line, s))\n"
        '    if (!strncmp(line, "CapEff:", 7)) sscanf(line + 7, "%63s", caps);\n'
        "  if (s) fclose(s);\n"
        '  FILE *f = fopen("preload.log", "a");\n'
        '  if (f) { fprintf(f, "uid=%d caps=%s\\n", (int)getuid(), caps); fclose(f); }\n'
        "}\n"
    )
    library = folder / "preload.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return base64.b64encode(library.read_bytes()).decode()


def test_the_components_environment_reaches_nothing_that_runs_with_privileges(
    boxed, client, preload_library
):
    """LD_PRELOAD from the pipeline's spec is applied only after the drop to the sandbox's
    uid: no process it is loaded into runs as root or holds a capability."""
    raw = _run(client, boxed, S.preload_pipeline, library_b64=preload_library)
    assert raw["state"] == "SUCCEEDED", raw.get("error")
    task = next(t for t in raw["run_details"]["task_details"] if t.get("kind") == "component")
    log = httpx.get(
        f"{boxed.base_url}/apis/v1alpha1/runs/{raw['run_id']}/nodes/{task['task_id']}/log",
        headers={"Authorization": f"Bearer {boxed.seed.api_key}"},
    ).text
    line = next(x for x in log.splitlines() if x.startswith("PRELOAD-LOG"))
    seen = [x for x in line.removeprefix("PRELOAD-LOG").strip().split(";") if x]
    assert seen, log  # the library was loaded (by the component's own processes)
    for entry in seen:
        uid, caps = entry.split()
        assert uid != "uid=0", seen
        assert caps == "caps=0000000000000000", seen
