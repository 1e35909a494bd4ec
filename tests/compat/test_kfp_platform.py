"""kfp-kubernetes platform features and the run workspace, through the real kfp SDK (2.17.0,
with kfp-kubernetes 2.17.0) on a real sandboxed server: secrets (organization credentials) as
variables and as files, pod labels and annotations read through field paths, CreatePVC /
mount_pvc / DeletePVC volumes, the per-run workspace, and a second organization that can
reach neither the first's secret nor its volume."""

from __future__ import annotations

import json
import shutil
import time

import httpx
import pytest

from pipelines_server.domain import orgs
from tests.api.helpers import database
from tests.server import start_server, stop_server

kfp = pytest.importorskip("kfp")
pytest.importorskip("kfp.kubernetes")

from tests.compat import kfp_platform_pipelines as P  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap not installed")
TIMEOUT = 240
SECRETS = {
    "kfp-secret-one": {"user": "alice"},
    "kfp-secret-two": {"token": "token-a"},
    "kfp-secret-three": {"token": "token-b"},
}


@pytest.fixture(scope="module")
def boxed(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("kfp-platform"), env={"PIPELINES_SANDBOX": "bwrap"})
    for name, data in SECRETS.items():
        _credential(srv, srv.seed.api_key, srv.seed.org_id, name, data)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def client(boxed):
    return kfp.Client(host=boxed.base_url, existing_token=boxed.seed.api_key)


def _credential(server, key: str, org_id: int, name: str, data: dict) -> None:
    r = httpx.post(
        f"{server.base_url}/api/organizations/{org_id}/credentials",
        headers={"Authorization": f"Bearer {key}"},
        json={"name": name, "base_url": "https://kfp-secret.invalid", "api_key": json.dumps(data)},
    )
    assert r.status_code == 201, r.text


def _run(client, server, key: str, pipeline, **arguments) -> dict:
    run = client.create_run_from_pipeline_func(pipeline, arguments=arguments)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        r = httpx.get(
            f"{server.base_url}/apis/v2beta1/runs/{run.run_id}",
            headers={"Authorization": f"Bearer {key}"},
        )
        assert r.status_code == 200, r.text
        raw = r.json()
        if raw["state"] in ("SUCCEEDED", "FAILED", "CANCELED"):
            return raw
        time.sleep(0.2)
    raise AssertionError(f"run {run.run_id} did not end: {raw['state']}")


def _tasks(raw: dict) -> list[dict]:
    return raw["run_details"]["task_details"]


def _root_output(raw: dict):
    root = next(t for t in _tasks(raw) if t.get("kind") == "root")
    return root["output_parameters"]["Output"]


def _failure(raw: dict) -> str:
    return json.dumps(raw.get("error")) + json.dumps(_tasks(raw))


def test_secrets_become_variables_by_constant_parameter_and_upstream_output(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.secret_as_env)
    assert raw["state"] == "SUCCEEDED", _failure(raw)
    assert _root_output(raw) == "env ok"
    details = json.dumps(raw["run_details"])  # (the IR holds the component's own source)
    for data in SECRETS.values():  # never in the run's details
        for value in data.values():
            assert value not in details
    assert "token-a" not in boxed.log()


def test_a_secret_becomes_files_at_the_mount_path(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.secret_as_volume)
    assert raw["state"] == "SUCCEEDED", _failure(raw)
    assert _root_output(raw) == "alice"


def test_a_missing_secret_fails_the_task_with_a_clear_message(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.missing_secret)
    assert raw["state"] == "FAILED"
    task = next(t for t in _tasks(raw) if t["display_name"] == "print-env-secret")
    message = task["error"]["message"]
    assert "Secret 'kfp-no-such-secret' cannot be read" in message
    assert "credential" in message


def test_pod_labels_and_annotations_are_read_through_field_paths(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.pod_metadata)
    assert raw["state"] == "SUCCEEDED", _failure(raw)
    outputs = {t["display_name"]: t.get("output_parameters") for t in _tasks(raw)}
    assert outputs["read-pod-metadata"] == {"Output": "metadata ok"}
    assert outputs["read-no-pod-metadata"] == {"Output": "no metadata ok"}
    task = next(t for t in _tasks(raw) if t["display_name"] == "read-pod-metadata")
    assert task["pod_labels"] == {"task-label-1": "one", "task-label-2": "two"}
    assert task["pod_annotations"] == {"task-annotation": "note"}
    bare = next(t for t in _tasks(raw) if t["display_name"] == "read-no-pod-metadata")
    assert "pod_labels" not in bare and "pod_annotations" not in bare


def test_a_created_volume_is_shared_by_tasks_and_deleted(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.volume)
    assert raw["state"] == "SUCCEEDED", _failure(raw)
    assert _root_output(raw) == "Hello world"
    created = next(t for t in _tasks(raw) if t["display_name"] == "createpvc")
    name = created["output_parameters"]["name"]
    assert name.endswith("-my-pvc") and len(name) == 36 + len("-my-pvc")
    folder = boxed.data_dir / "kfp-volumes" / str(boxed.seed.org_id) / "pvc" / name
    assert not folder.exists()  # DeletePVC removed it


def test_the_workspace_is_shared_by_the_runs_tasks_and_removed_after_success(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.workspace)
    assert raw["state"] == "SUCCEEDED", _failure(raw)
    assert _root_output(raw) == "Hello from workspace!"
    written = next(t for t in _tasks(raw) if t["display_name"] == "write-to-workspace")
    assert written["output_parameters"]["Output"] == "/kfp-workspace/data/test_file.txt"
    assert "local.init" not in json.dumps(raw)
    folder = boxed.data_dir / "kfp-volumes" / str(boxed.seed.org_id) / "workspaces"
    assert not (folder / raw["run_id"]).exists()


def test_a_second_organization_reaches_neither_the_first_ones_secret_nor_its_volume(boxed, client):
    first = _run(client, boxed, boxed.seed.api_key, P.named_volume, text="first org's text")
    assert first["state"] == "SUCCEEDED", _failure(first)
    again = _run(client, boxed, boxed.seed.api_key, P.mount_existing_volume)
    assert again["state"] == "SUCCEEDED", _failure(again)
    assert _root_output(again) == "first org's text"

    with database(boxed) as session:
        second = orgs.bootstrap(session, org_name="Second organization")
    other = kfp.Client(host=boxed.base_url, existing_token=second.api_key)
    secret = _run(other, boxed, second.api_key, P.secret_as_volume)
    assert secret["state"] == "FAILED"
    assert "Secret 'kfp-secret-one' cannot be read" in _failure(secret)
    assert "alice" not in json.dumps(secret["run_details"])
    volume = _run(other, boxed, second.api_key, P.mount_existing_volume)
    assert volume["state"] == "FAILED"
    assert "there is no volume 'kept-volume' in this organization" in _failure(volume)
    # Its own volume of the same name is its own folder.
    own = _run(other, boxed, second.api_key, P.named_volume, text="second org's text")
    assert own["state"] == "SUCCEEDED", _failure(own)
    mine = _run(client, boxed, boxed.seed.api_key, P.mount_existing_volume)
    assert _root_output(mine) == "first org's text"


def test_a_failed_runs_workspace_is_kept_until_the_run_is_deleted(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.workspace_then_failure)
    assert raw["state"] == "FAILED"
    folder = boxed.data_dir / "kfp-volumes" / str(boxed.seed.org_id) / "workspaces" / raw["run_id"]
    assert (folder / "data" / "test_file.txt").read_text() == "Hello from workspace!"
    client.delete_run(raw["run_id"])
    assert not folder.exists()


def test_a_task_config_input_receives_what_upstreams_driver_gives(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.task_config)
    assert raw["state"] == "SUCCEEDED", _failure(raw)
    config = json.loads(_root_output(raw))
    assert config == {
        "affinity": None,
        "env": [{"name": "GREETING", "value": "hi"}],
        "node_selector": {"disktype": "ssd"},
        "resources": {"limits": {"cpu": "100m"}, "requests": {"memory": "100Mi"}},
        "tolerations": [{"effect": "NoExecute", "key": "k", "operator": "Exists"}],
        "volume_mounts": [
            {"mountPath": "/kfp-workspace", "name": "kfp-workspace"},
            {"mountPath": "/data", "name": "task-config-volume"},
        ],
        "volumes": [
            {
                "name": "kfp-workspace",
                "persistentVolumeClaim": {"claimName": f"{raw['run_id']}-kfp-workspace"},
            },
            {
                "name": "task-config-volume",
                "persistentVolumeClaim": {"claimName": "task-config-volume"},
            },
        ],
    }


def test_a_volume_cannot_cover_what_the_sandbox_runs(boxed, client):
    raw = _run(client, boxed, boxed.seed.api_key, P.volume_over_the_interpreter)
    assert raw["state"] == "FAILED"
    task = next(t for t in _tasks(raw) if t["display_name"] == "read-text")
    assert "/usr/lib would cover /usr, which the sandbox needs" in task["error"]["message"]
