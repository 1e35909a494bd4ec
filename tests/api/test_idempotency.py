"""Idempotency-Key on creating POSTs, over real HTTP: replay, 409 on another body, one piece
of work for parallel requests, scoped to the organization, not kept for failures."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from pipelines_server.store.models import Project, Task
from tests.api.helpers import TEXT_FIELDS, database, make_workflow, native, v1
from tests.server import seed_database

GOOD = {"input_text": "Hello", "target_language": "French"}
REUSED = "The same Idempotency-Key was reused with a different request body"


def _tasks_of(server, workflow_id: int) -> int:
    with database(server) as session:
        return session.scalar(select(func.count()).where(Task.workflow_id == workflow_id))


def test_twenty_parallel_v1_batches_with_one_key_create_one_batch(server):
    wf = make_workflow(server, TEXT_FIELDS)
    body = {"tasks": [{"fields": GOOD}, {"fields": GOOD}, {"fields": {"input_text": 1}}]}
    headers = {"Idempotency-Key": "parallel-batch-1"}

    def post(_):
        with v1(server) as api:
            return api.post(f"/workflows/{wf['id']}/tasks", json=body, headers=headers)

    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(post, range(20)))
    assert {r.status_code for r in replies} == {200}, [r.text for r in replies]
    bodies = [r.json() for r in replies]
    assert all(b == bodies[0] for b in bodies)
    assert bodies[0]["success_count"] == 2 and bodies[0]["error_count"] == 1
    assert _tasks_of(server, wf["id"]) == 2
    # All but the first say they are replays.
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in replies) == 19
    # v1 replies keep their deprecation headers on a replay too.
    assert all(r.headers.get("Deprecation") == "true" for r in replies)


def test_same_key_other_body_is_409_with_the_reference_wording(server):
    wf = make_workflow(server, TEXT_FIELDS)
    headers = {"Idempotency-Key": "other-body"}
    with v1(server) as api:
        first = api.post(
            f"/workflows/{wf['id']}/tasks", json={"tasks": [{"fields": GOOD}]}, headers=headers
        )
        assert first.status_code == 200
        again = api.post(
            f"/workflows/{wf['id']}/tasks",
            json={"tasks": [{"fields": GOOD}, {"fields": GOOD}]},
            headers=headers,
        )
    assert again.status_code == 409
    assert again.json()["error"] == "api_error"
    assert REUSED in again.json()["message"]
    assert _tasks_of(server, wf["id"]) == 1


def test_native_create_replays_status_and_body_and_keys_are_per_organization(server):
    other = seed_database(server.database_url)
    headers = {"Idempotency-Key": "project-key"}
    with native(server) as api:
        first = api.post("/projects", json={"name": "idem"}, headers=headers)
        second = api.post("/projects", json={"name": "idem"}, headers=headers)
        conflict = api.post("/projects", json={"name": "idem2"}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert conflict.status_code == 409 and REUSED in conflict.json()["detail"]
    # Another organization's identical key is its own.
    with native(server, other.api_key) as api:
        theirs = api.post("/projects", json={"name": "idem"}, headers=headers)
    assert theirs.status_code == 201 and theirs.json()["id"] != first.json()["id"]
    with database(server) as session:
        assert session.scalar(select(func.count()).where(Project.name == "idem")) == 2


def test_a_failed_request_does_not_keep_its_key(server):
    headers = {"Idempotency-Key": "fails-first"}
    with native(server) as api:
        failed = api.post("/projects/999999999/workflows", json={"name": "x"}, headers=headers)
        assert failed.status_code == 404
        project = api.post("/projects", json={"name": "later"}).json()
        ok = api.post(f"/projects/{project['id']}/workflows", json={"name": "x"}, headers=headers)
    assert ok.status_code == 201, ok.text


def test_a_key_over_255_characters_is_refused(server):
    with native(server) as api:
        r = api.post("/projects", json={"name": "k"}, headers={"Idempotency-Key": "k" * 256})
    assert r.status_code in (400, 422)


def test_every_creating_post_of_the_native_and_v1_specs_takes_an_idempotency_key():
    """A POST answering 201 or 202 creates something: it must take the key. Exceptions: an
    API key and a CLI login session (start_cli_login, without a key, so without an
    organization to keep idempotency keys in), whose replies hold a secret shown only once
    (keeping it to replay would store the secret), and v1's upload confirm, which creates
    nothing (it moves an upload on; a second confirm is 409 by the v1 reference)."""
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2] / "openapi"
    missing = []
    for name in ("pipelines.yaml", "external-v1.yaml"):
        spec = yaml.safe_load((root / name).read_text())
        for path, item in spec["paths"].items():
            op = item.get("post")
            if not op or not {"201", "202"} & set(op["responses"]):
                continue
            params = [p.get("$ref", "") for p in op.get("parameters", [])]
            if op["operationId"] in ("create_api_key", "start_cli_login", "confirm_upload"):
                continue
            if "#/components/parameters/IdempotencyKey" not in params:
                missing.append(f"{name} POST {path}")
            elif "409" not in op["responses"]:
                missing.append(f"{name} POST {path} (no 409)")
    assert missing == []


def test_a_v1_upload_and_a_credential_replay_for_their_key(server):
    wf = make_workflow(server, [{"name": "doc", "type": "file_upload", "required": True}])
    headers = {"Idempotency-Key": "upload-1"}
    with v1(server) as api:
        first = api.post(
            f"/workflows/{wf['id']}/tasks/upload", json={"file_size_bytes": 100}, headers=headers
        )
        again = api.post(
            f"/workflows/{wf['id']}/tasks/upload", json={"file_size_bytes": 100}, headers=headers
        )
    assert first.status_code == again.status_code == 202
    assert first.json()["upload_id"] == again.json()["upload_id"]
    body = {"name": "idem-cred", "base_url": "http://127.0.0.1:9/v1", "api_key": "sk-secret-1"}
    with native(server) as api:
        url = f"/organizations/{server.seed.org_id}/credentials"
        one = api.post(url, json=body, headers={"Idempotency-Key": "cred-1"})
        two = api.post(url, json=body, headers={"Idempotency-Key": "cred-1"})
    assert one.status_code == two.status_code == 201 and one.json() == two.json()
    assert "sk-secret-1" not in two.text
