"""The SDK's behaviour against real servers: errors by status with the server's message,
retries (429 with Retry-After, connection refused), idempotent creates across a lost reply,
the three paging styles, and the event stream with its resume."""

from __future__ import annotations

import threading
import time

import pytest
from kfp_v2beta1_api.api.experiment_service import (
    experiment_service_create_experiment,
    experiment_service_list_experiments,
)
from kfp_v2beta1_api.models import V2Beta1Experiment
from pipelines_api.api.tags import list_workflow_tasks

from pipelines_client import (
    Client,
    Conflict,
    ConnectionFailed,
    Forbidden,
    NotFound,
    RateLimited,
    Unauthorized,
    ValidationFailed,
)
from tests.server import free_port

from .conftest import human_definition, member_key, quick_retries, unique
from .proxy import Proxy

# --- errors -------------------------------------------------------------------------------------


def test_errors_by_status_with_the_servers_message(sdk, server, human_wf):
    pid = server.seed.project_id
    with Client(server.base_url, "pk_live_" + "0" * 40, retry=quick_retries()) as stranger:
        with pytest.raises(Unauthorized) as e401:
            stranger.whoami()
    assert e401.value.status == 401 and e401.value.message
    with Client(server.base_url, member_key(server), retry=quick_retries()) as member:
        with pytest.raises(Forbidden) as e403:
            member.keys.list(server.seed.org_id)
    assert e403.value.message == "Only organization admins can manage API keys"
    with pytest.raises(NotFound) as e404:
        sdk.projects.get(987654321)
    assert e404.value.status == 404 and e404.value.message == "Project not found"
    archived = sdk.projects.create(unique("closed"))
    sdk.projects.archive(archived.id)
    with pytest.raises(Conflict) as e409:
        sdk.workflows.create(archived.id, human_definition())
    assert "archived" in e409.value.message
    with pytest.raises(ValidationFailed) as e422:
        sdk.workflows.create(
            pid,
            {
                "name": unique("bad"),
                "graph": {
                    "nodes": [{"id": "start", "kind": "start"}],
                    "edges": [{"source": "start", "target": "ghost"}],
                },
            },
        )
    assert e422.value.status == 422 and e422.value.issues
    assert e422.value.message


# --- retries ------------------------------------------------------------------------------------


def test_429_is_retried_after_the_wait_the_server_asked_then_raised(make_server):
    # One call a minute: whatever the machine's speed, the second call within the minute is
    # refused. The policy's sleep only records the wait, so each retry is refused again.
    server = make_server(env={"PIPELINES_RATE_LIMIT_PER_KEY": "1/minute"})
    retries, slept = [], []
    policy = quick_retries(
        retries=2, on_retry=lambda *a: retries.append(a), sleep=slept.append, max_wait=120
    )
    with Client(server.base_url, server.seed.api_key, retry=policy) as sdk:
        assert sdk.whoami().org_id == server.seed.org_id
        with pytest.raises(RateLimited) as caught:
            sdk.whoami()
    assert caught.value.status == 429 and caught.value.message
    asked = caught.value.retry_after
    assert asked is not None and 1 <= asked <= 60
    assert [(a[0], a[2]) for a in retries] == [(1, "HTTP 429"), (2, "HTTP 429")]
    # The backoff of this policy is at most 0.5 s: each wait is the server's Retry-After.
    assert len(slept) == 2 and all(w >= 1 and w == int(w) for w in slept), slept


def test_a_retry_after_beyond_max_wait_is_raised_at_once(make_server):
    server = make_server(env={"PIPELINES_RATE_LIMIT_PER_KEY": "1/minute"})
    retries = []
    policy = quick_retries(retries=5, max_wait=0.5, on_retry=lambda *a: retries.append(a))
    with Client(server.base_url, server.seed.api_key, retry=policy) as sdk:
        sdk.whoami()
        with pytest.raises(RateLimited) as caught:
            sdk.whoami()
    assert caught.value.retry_after >= 1 and retries == []


def test_connection_refused_is_retried_then_connection_failed():
    retries = []
    policy = quick_retries(retries=2, on_retry=lambda *a: retries.append(a))
    with Client(f"http://127.0.0.1:{free_port()}", "pk_x", retry=policy) as sdk:
        with pytest.raises(ConnectionFailed):
            sdk.whoami()
    assert [a[0] for a in retries] == [1, 2]
    assert all("ConnectError" in a[2] for a in retries)


def test_a_create_whose_reply_was_lost_is_retried_and_creates_once(server, human_wf):
    proxy = Proxy(int(server.base_url.rsplit(":", 1)[1]))
    retries = []
    try:
        policy = quick_retries(on_retry=lambda *a: retries.append(a))
        with Client(proxy.url, server.seed.api_key, retry=policy) as sdk:
            pid = server.seed.project_id
            proxy.drop_next_reply = True
            ids = sdk.tasks.create(pid, human_wf, [{"text": "only once"}])
            assert proxy.dropped == 1 and len(retries) == 1
            assert "RemoteProtocolError" in retries[0][2] or "ReadError" in retries[0][2]
            # Both attempts went out with the same key (as the proxy saw them), so the server
            # replayed its first reply instead of creating again.
            keys = proxy.header_values("Idempotency-Key")
            assert len(keys) == 2 and keys[0] == keys[1] and len(keys[0]) >= 16, keys
            texts = [t.id for t in sdk.tasks.list(pid, human_wf)]
            assert texts == ids and len(ids) == 1
    finally:
        proxy.close()


# --- paging ------------------------------------------------------------------------------------


def test_native_pages_walk_every_item_once(sdk, server, human_wf):
    pid = server.seed.project_id
    ids = sdk.tasks.create(pid, human_wf, [{"text": str(i)} for i in range(7)])
    walked = [
        t.id
        for t in sdk.paginate(
            list_workflow_tasks, page_size=2, project_id=pid, workflow_id=human_wf
        )
    ]
    assert sorted(walked) == sorted(ids) and len(walked) == 7


def test_v1_cursor_walks_every_item_once(sdk, server, human_wf):
    created = sdk.v1.create_tasks(human_wf, [{"text": str(i)} for i in range(5)])
    walked = [t.id for t in sdk.v1.list_tasks(human_wf, limit=2)]
    assert len(walked) == 5 and len(set(walked)) == 5
    assert set(walked) == set(created.task_ids)


def test_kfp_page_token_walks_every_item_once(sdk):
    names = {unique("kfp-exp") for _ in range(5)}
    for name in names:
        sdk.call(experiment_service_create_experiment, body=V2Beta1Experiment(display_name=name))
    walked = [
        e.display_name
        for e in sdk.paginate_token(
            experiment_service_list_experiments, key="experiments", page_size=2
        )
    ]
    assert len(walked) == len(set(walked))
    assert names <= set(walked)


# --- events --------------------------------------------------------------------------------------


def test_events_of_a_task_as_it_runs(sdk, server, human_wf):
    pid = server.seed.project_id
    [task_id] = sdk.tasks.create(pid, human_wf, [{"text": "watch me"}])
    events = []
    # Read until the event waited for (a generous bound, never a window it must fit in).
    for event in sdk.events.stream(task_id=task_id, after=0, max_seconds=300):
        events.append(event)
        if event["type"] == "task.started":
            break
    assert events and all(e["data"]["task_id"] == task_id for e in events)
    ids = [int(e["id"]) for e in events]
    assert ids == sorted(set(ids))
    assert "task.started" in {e["type"] for e in events}


def test_events_resume_after_the_connection_drops(sdk, server, human_wf):
    pid = server.seed.project_id
    proxy = Proxy(int(server.base_url.rsplit(":", 1)[1]))
    try:
        with Client(proxy.url, server.seed.api_key, retry=quick_retries()) as watcher:
            got: list[dict] = []
            done = threading.Event()
            [first] = sdk.tasks.create(pid, human_wf, [{"text": "before the drop"}])

            def read():
                for event in watcher.events.stream(workflow_id=human_wf, after=0, max_seconds=120):
                    got.append(event)
                    if len({e["data"]["task_id"] for e in got}) >= 2:
                        break
                done.set()

            reader = threading.Thread(target=read, daemon=True)
            reader.start()
            _wait(lambda: any(e["data"]["task_id"] == first for e in got))
            before = proxy.connections
            proxy.cut()
            [second] = sdk.tasks.create(pid, human_wf, [{"text": "after the drop"}])
            assert done.wait(120), got
            assert proxy.connections > before  # it reconnected
            ids = [e["id"] for e in got]
            assert len(ids) == len(set(ids))  # nothing twice
            assert {first, second} <= {e["data"]["task_id"] for e in got}
    finally:
        proxy.close()


def _wait(predicate, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline
        time.sleep(0.05)
