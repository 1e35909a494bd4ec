"""Experiments over the native API: configurable fields, variants run in copies of the
workflow (the source never changes), the checks made before anything is created, status
read live from the copies' tasks, cancel, and Idempotency-Key."""

from __future__ import annotations

import time
import uuid

from tests.api.engine.helpers import chain, flow, node, nodes_by_id, wait_task
from tests.api.helpers import database, native
from tests.api.native.conftest import as_org
from tests.support.fake_openai import FakeOpenAI

FIELDS = [
    {"name": "text", "type": "short_text", "required": True},
    {"name": "lang", "type": "short_text", "required": True},
]
FORM = {
    "instructions": "Label the text",
    "fields": [{"name": "label", "type": "select", "options": ["spam", "ham"], "required": True}],
}


def base(server, wf_id: int) -> str:
    return f"/projects/{server.seed.project_id}/workflows/{wf_id}"


def add_credential(server, llm: FakeOpenAI) -> str:
    name = f"llm-{uuid.uuid4().hex[:6]}"
    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/credentials",
            json={"name": name, "base_url": llm.base_url, "api_key": llm.api_key},
        )
        assert r.status_code == 201, r.text
    return name


def llm_flow(server, credential: str) -> dict:
    return flow(
        server,
        [
            node("start", "start"),
            node(
                "ask",
                "llm",
                credential=credential,
                model="base-model",
                system="You translate.",
                prompt="Translate {{ task.text }} into {{ task.lang }}",
            ),
            node("end", "end"),
        ],
        chain("start", "ask", "end"),
        FIELDS,
    )


def human_flow(server) -> dict:
    return flow(
        server,
        [node("start", "start"), node("label", "subtask", **FORM), node("end", "end")],
        chain("start", "label", "end"),
        [{"name": "text", "type": "short_text"}],
    )


def wait_experiment(api, url: str, until=None, timeout: float = 180) -> dict:
    until = until or (lambda e: e["status"] in ("completed", "failed", "cancelled"))
    deadline = time.monotonic() + timeout
    while True:
        r = api.get(url)
        assert r.status_code == 200, r.text
        body = r.json()
        if until(body):
            return body
        assert time.monotonic() < deadline, body
        time.sleep(0.2)


def workflow_count(server) -> int:
    with native(server) as api:
        return api.get(f"/projects/{server.seed.project_id}/workflows").json()["total"]


def test_configurable_fields_list_the_swappable_nodes(server):
    wf = flow(
        server,
        [
            node("start", "start"),
            node("ask", "llm", credential="c", model="m", prompt="Say {{ task.text }}"),
            node(
                "check",
                "evaluation",
                checks=[{"type": "regex", "path": "ask.content", "pattern": ".+"}],
            ),
            node("end", "end"),
        ],
        chain("start", "ask", "check", "end"),
        [{"name": "text", "type": "short_text"}],
    )
    with native(server) as api:
        r = api.get(base(server, wf["id"]) + "/configurable-fields")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["workflow_id"] == wf["id"]
        ask, check = body["nodes"]
        assert ask["nodeId"] == "ask" and ask["kind"] == "llm"
        assert {f["fieldId"]: f["override"] for f in ask["fields"]} == {
            "prompt": "prompts",
            "system": "prompts",
            "model": "models",
        }
        assert ask["fields"][0]["current"] == {"source": "inline", "text": "Say {{ task.text }}"}
        assert check["fields"][0]["fieldId"] == "evaluation"
        assert api.get(base(server, 999999) + "/configurable-fields").status_code == 404


def test_each_variant_runs_in_its_own_copy_and_the_source_is_untouched(server):
    with FakeOpenAI() as llm:
        wf = llm_flow(server, add_credential(server, llm))
        with native(server) as api:
            before = api.get(base(server, wf["id"])).json()
            r = api.post(
                base(server, wf["id"]) + "/experiments",
                json={
                    "name": "two baselines",
                    "count": 3,
                    "tasks": [
                        {"fields": {"text": "hello", "lang": "French"}},
                        {"fields": {"text": "bye", "lang": "German"}},
                    ],
                    "variants": [{"name": "a", "configOverrides": {}}, {"name": "b"}],
                },
            )
            assert r.status_code == 202, r.text
            started = r.json()
            assert started["status"] in ("queued", "running")
            assert started["experiment_id"] == started["job_id"]
            url = base(server, wf["id"]) + f"/experiments/{started['experiment_id']}"
            done = wait_experiment(api, url)
            assert done["status"] == "completed", done
            assert done["done"] == done["total"] == 6
            copies = [v["workflow_id"] for v in done["variants"]]
            assert len(set(copies)) == 2 and wf["id"] not in copies
            for v in done["variants"]:
                assert v["status"] == "completed"
                assert v["tasks_created"] == v["success_count"] == 3 == len(v["task_ids"])
                assert v["tasks_finished"] == 3 and v["tasks_failed"] == 0
                copy = api.get(base(server, v["workflow_id"])).json()
                assert copy["status"] == "ACTIVE"
                assert copy["name"] == f"{wf['name']} · two baselines · {v['name']}"
                assert copy["graph"] == before["graph"] and copy["fields"] == before["fields"]
            # rows cycled: task k of a variant got row k mod 2
            first = done["variants"][0]
            texts = []
            for task_id in first["task_ids"]:
                task = wait_task(server, first["workflow_id"], task_id)
                texts.append(nodes_by_id(task)["ask"]["output"]["content"])
            assert texts == ["TRANSLATE HELLO INTO FRENCH", "TRANSLATE BYE INTO GERMAN"] + [
                "TRANSLATE HELLO INTO FRENCH"
            ]
            after = api.get(base(server, wf["id"])).json()
            assert after == before
            tasks = api.get(base(server, wf["id"]) + "/tasks")
            if tasks.status_code == 200:  # the source got no task
                assert tasks.json().get("total", 0) == 0
        assert len(llm.requests) == 6


def test_bad_overrides_are_422_naming_variant_node_and_field_and_create_nothing(server):
    wf = llm_flow(server, "some-credential")
    url = base(server, wf["id"]) + "/experiments"
    count = workflow_count(server)
    row = [{"fields": {"text": "x", "lang": "y"}}]

    def post(overrides):
        with native(server) as api:
            return api.post(
                url,
                json={
                    "count": 1,
                    "tasks": row,
                    "variants": [{"name": "base"}, {"name": "swap", "configOverrides": overrides}],
                },
            )

    r = post({"prompts": [{"nodeId": "nope", "fieldId": "prompt", "promptId": 1, "version": 1}]})
    assert r.status_code == 422, r.text
    (issue,) = r.json()["detail"]
    assert issue["loc"] == ["body", "variants", 1, "configOverrides", "prompts", 0, "nodeId"]
    assert "variants[1]" in issue["msg"] and "'nope'" in issue["msg"] and "'prompt'" in issue["msg"]

    r = post({"prompts": [{"nodeId": "ask", "fieldId": "bogus", "promptId": 1, "version": 1}]})
    assert r.status_code == 422, r.text
    (issue,) = r.json()["detail"]
    assert issue["loc"] == ["body", "variants", 1, "configOverrides", "prompts", 0, "fieldId"]
    assert "'bogus'" in issue["msg"] and "'ask'" in issue["msg"]

    r = post({"models": [{"nodeId": "start", "modelSlug": "fast"}]})
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"][-1] == "nodeId"
    assert "start node" in r.json()["detail"][0]["msg"]

    r = post(
        {
            "evaluations": [
                {"nodeId": "ask", "fieldId": "evaluation", "evaluationId": 1, "version": 1}
            ]
        }
    )
    assert r.status_code == 422, r.text

    with native(server) as api:
        for body, loc in (
            ({"count": 0, "variants": [{}]}, ["body", "count"]),
            ({"count": 1, "variants": []}, ["body", "variants"]),
            ({"count": 1, "variants": [{"name": "x"}]}, ["body", "tasks"]),  # required inputs
            ({"count": 1, "tasks": [{"fields": {"text": "x"}}], "variants": [{}]}, None),
            ({"count": 1, "tasks": row, "variants": [{"name": "a"}, {"name": "a"}]}, None),
        ):
            r = api.post(url, json=body)
            assert r.status_code == 422, (body, r.text)
            if loc:
                assert r.json()["detail"][0]["loc"] == loc, r.text
    assert workflow_count(server) == count


def test_status_and_cancel_are_scoped(server, org):
    wf = human_flow(server)
    with native(server) as api:
        r = api.post(base(server, wf["id"]) + "/experiments", json={"count": 1, "variants": [{}]})
        assert r.status_code == 202, r.text
        eid = r.json()["experiment_id"]
        assert r.json()["variants"][0]["name"] == "variant-1"
        assert api.get(base(server, wf["id"]) + "/experiments/nope").status_code == 404
        other = human_flow(server)
        assert api.get(base(server, other["id"]) + f"/experiments/{eid}").status_code == 404
    stranger = as_org(server, org)
    with native(stranger) as api:
        assert api.get(base(server, wf["id"]) + f"/experiments/{eid}").status_code == 404
        assert api.post(base(server, wf["id"]) + f"/experiments/{eid}/cancel").status_code == 404


def test_cancel_stops_the_experiment_and_cancels_the_copies_open_tasks(server):
    wf = human_flow(server)
    with native(server) as api:
        r = api.post(
            base(server, wf["id"]) + "/experiments",
            json={"count": 2, "tasks": [{"fields": {"text": "t"}}], "variants": [{}, {}]},
        )
        assert r.status_code == 202, r.text
        url = base(server, wf["id"]) + f"/experiments/{r.json()['experiment_id']}"
        running = wait_experiment(api, url, lambda e: e["job_status"] == "completed")
        assert running["status"] == "running"  # human tasks wait for a person
        assert all(v["status"] == "running" for v in running["variants"])
        r = api.post(url + "/cancel")
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "cancelled"
        again = api.get(url).json()
        assert again["status"] == "cancelled"
        for v in again["variants"]:
            assert v["status"] == "cancelled"
            assert v["tasks_cancelled"] == 2 and v["tasks_pending"] == 0
            for task_id in v["task_ids"]:
                assert wait_task(server, v["workflow_id"], task_id)["status"] == "cancelled"
        assert api.post(url + "/cancel").json()["status"] == "cancelled"


def test_cancel_while_creating_stops_the_job(server):
    wf = human_flow(server)
    with native(server) as api:
        r = api.post(
            base(server, wf["id"]) + "/experiments",
            json={"count": 5000, "tasks": [{"fields": {"text": "t"}}], "variants": [{}, {}, {}]},
        )
        assert r.status_code == 202, r.text
        url = base(server, wf["id"]) + f"/experiments/{r.json()['experiment_id']}"
        assert api.post(url + "/cancel").json()["status"] == "cancelled"
        ended = wait_experiment(api, url, lambda e: e["job_status"] == "cancelled")
        assert ended["done"] < 15000
        for v in ended["variants"]:
            assert v["tasks_pending"] == 0
            assert v["tasks_created"] == v["tasks_cancelled"]


def test_idempotency_key_replays_the_launch(server):
    wf = human_flow(server)
    url = base(server, wf["id"]) + "/experiments"
    body = {"count": 1, "variants": [{"name": "only"}]}
    key = {"Idempotency-Key": f"exp-{uuid.uuid4().hex}"}
    with native(server) as api:
        first = api.post(url, json=body, headers=key)
        assert first.status_code == 202, first.text
        again = api.post(url, json=body, headers=key)
        assert again.status_code == 202
        assert again.headers.get("Idempotent-Replayed") == "true"
        assert again.json()["experiment_id"] == first.json()["experiment_id"]
        other = api.post(url, json={**body, "count": 2}, headers=key)
        assert other.status_code == 409
    with database(server) as session:
        from sqlalchemy import func, select

        from pipelines_server.store.models import Job

        n = session.scalar(
            select(func.count())
            .select_from(Job)
            .where(Job.kind == "experiment", Job.workflow_id == wf["id"])
        )
    assert n == 1
