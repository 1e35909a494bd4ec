"""Workflow nodes that reference the library: llm nodes with prompt_ref/system_ref/model_slug,
evaluation nodes with evaluation_ref. References are checked on save and activation and
resolved into the workflow version that tasks run with."""

from __future__ import annotations

import uuid

from tests.api.engine.helpers import chain, create_tasks, flow, node, nodes_by_id, wait_task
from tests.api.helpers import native
from tests.support.fake_openai import FakeOpenAI

FIELDS = [{"name": "text", "type": "short_text", "required": True}]


def _u(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def post(server, path: str, body: dict) -> dict:
    with native(server) as api:
        r = api.post(path, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def credential(server, base_url: str, key: str, models: list[str]) -> dict:
    return post(
        server,
        f"/organizations/{server.seed.org_id}/credentials",
        {"name": _u("cred"), "base_url": base_url, "api_key": key, "models": models},
    )


def prompt(server, text: str, **extra) -> dict:
    return post(server, "/prompts", {"name": _u("prompt"), "prompt_text": text, **extra})


def save_workflow(server, nodes: list[dict], edges: list[dict]):
    with native(server) as api:
        return api.post(
            f"/projects/{server.seed.project_id}/workflows",
            json={"name": _u("wf"), "fields": FIELDS, "graph": {"nodes": nodes, "edges": edges}},
        )


def test_llm_node_with_a_library_prompt_and_a_model_slug(server):
    slug = _u("model")
    with FakeOpenAI(api_key="sk-lib-nodes") as llm:
        credential(server, llm.base_url, "sk-lib-nodes", [slug])
        user = prompt(server, "Translate {{ task.text }}")
        system = prompt(server, "You translate.", role="system")
        wf = flow(
            server,
            [
                node("start", "start"),
                node(
                    "ask",
                    "llm",
                    prompt_ref={"prompt_id": user["id"], "version": 1},
                    system_ref={"prompt_id": system["id"]},
                    model_slug=slug,
                ),
                node("end", "end"),
            ],
            chain("start", "ask", "end"),
            FIELDS,
        )
        (first,) = create_tasks(server, wf["id"], [{"text": "hello"}])
        task = wait_task(server, wf["id"], first)
        assert task["status"] == "finished", task
        sent = llm.requests[-1]["json"]
        assert sent["model"] == slug
        assert sent["messages"] == [
            {"role": "system", "content": "You translate."},
            {"role": "user", "content": "Translate hello"},
        ]
        assert nodes_by_id(task)["ask"]["output"]["content"] == "TRANSLATE HELLO"
        # A new version of the system prompt (referenced without a version) does not change
        # the workflow version already in use: it was resolved into its snapshot.
        with native(server) as api:
            r = api.put(f"/prompts/{system['id']}", json={"prompt_text": "Be terse."})
            assert r.status_code == 200 and r.json()["version"] == 2
        (second,) = create_tasks(server, wf["id"], [{"text": "again"}])
        assert wait_task(server, wf["id"], second)["status"] == "finished"
        assert llm.requests[-1]["json"]["messages"][0]["content"] == "You translate."
        # and the workflow still reads as it was written
        with native(server) as api:
            got = api.get(f"/projects/{server.seed.project_id}/workflows/{wf['id']}").json()
        ask = next(n for n in got["graph"]["nodes"] if n["id"] == "ask")
        assert "prompt" not in ask["config"] and ask["config"]["model_slug"] == slug


def test_bad_references_are_refused_naming_node_and_field(server):
    p = prompt(server, "Hi {{ task.text }}")
    slug = _u("model")
    credential(server, "http://127.0.0.1:9/v1", "sk-x", [slug])
    end = [node("end", "end")]

    def llm(**config):
        return [node("start", "start"), node("ask", "llm", **config), *end]

    edges = chain("start", "ask", "end")
    r = save_workflow(server, llm(prompt_ref={"prompt_id": 999999999}, model_slug=slug), edges)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"][0]
    assert detail["loc"] == ["body", "graph", "nodes", 1, "config", "prompt_ref"]
    assert "'ask'" in detail["msg"] and "999999999" in detail["msg"]
    r = save_workflow(
        server, llm(prompt_ref={"prompt_id": p["id"], "version": 7}, model_slug=slug), edges
    )
    assert r.status_code == 422 and "version 7" in r.text
    r = save_workflow(
        server, llm(prompt_ref={"prompt_id": p["id"]}, model_slug=_u("unserved")), edges
    )
    assert r.status_code == 403 and "model_slug" in r.text and "'ask'" in r.text
    r = save_workflow(
        server, llm(prompt="x", prompt_ref={"prompt_id": p["id"]}, model_slug=slug), edges
    )
    assert r.status_code == 422 and "not both" in r.text
    r = save_workflow(server, llm(prompt_ref={"prompt_id": p["id"]}), edges)
    assert r.status_code == 422 and "model_slug" in r.text
    # another organization's prompt is unknown here
    from tests.server import seed_database

    other = seed_database(server.database_url)
    with native(server, other.api_key) as api:
        r = api.post("/prompts", json={"name": "theirs", "prompt_text": "x"})
        theirs = r.json()["id"]
    r = save_workflow(server, llm(prompt_ref={"prompt_id": theirs}, model_slug=slug), edges)
    assert r.status_code == 422
    # a good one is accepted; deleting the prompt later keeps it working, but a new
    # reference to the deleted prompt is refused
    wf = save_workflow(server, llm(prompt_ref={"prompt_id": p["id"]}, model_slug=slug), edges)
    assert wf.status_code == 201, wf.text
    with native(server) as api:
        assert api.delete(f"/prompts/{p['id']}").status_code == 204
        base = f"/projects/{server.seed.project_id}/workflows/{wf.json()['id']}"
        assert api.post(f"{base}/activate").status_code == 200
    r = save_workflow(server, llm(prompt_ref={"prompt_id": p["id"]}, model_slug=slug), edges)
    assert r.status_code == 422 and "deleted" in r.text


def test_evaluation_node_runs_a_library_evaluation(server):
    crit = post(
        server,
        "/criteria",
        {
            "name": _u("kw"),
            "type": "programmatic",
            "config": {"subtype": "contains_keywords", "keywords": ["ok"], "mode": "any"},
        },
    )
    exact = post(
        server,
        "/criteria",
        {
            "name": _u("len"),
            "type": "programmatic",
            "config": {"subtype": "regex", "pattern": "^.{1,10}$"},
        },
    )
    ev = post(
        server,
        "/evaluations",
        {
            "name": _u("ev"),
            "criteria": [{"criterion_id": crit["id"]}, {"criterion_id": exact["id"]}],
        },
    )
    wf = flow(
        server,
        [
            node("start", "start"),
            node(
                "check",
                "evaluation",
                evaluation_ref={"evaluation_id": ev["id"], "version": 1},
                output_path="task.text",
            ),
            node("end", "end"),
        ],
        chain("start", "check", "end"),
        FIELDS,
    )
    good, bad = create_tasks(server, wf["id"], [{"text": "ok then"}, {"text": "no, not at all"}])
    done = wait_task(server, wf["id"], good)
    assert done["status"] == "finished", done
    out = nodes_by_id(done)["check"]["output"]
    assert out["passed"] is True and len(out["checks"]) == 2
    failed = wait_task(
        server, wf["id"], bad, until=lambda t: nodes_by_id(t)["check"]["status"] == "quarantined"
    )
    checks = nodes_by_id(failed)["check"]["output"]["checks"]
    assert [c["passed"] for c in checks] == [False, False]


def test_evaluation_ref_is_checked(server):
    judge = post(
        server,
        "/criteria",
        {
            "name": _u("judge"),
            "type": "llm_judge",
            "config": {"prompt_text": "{{output}}", "model_slug": "m"},
        },
    )
    ev = post(
        server, "/evaluations", {"name": _u("ev"), "criteria": [{"criterion_id": judge["id"]}]}
    )
    edges = chain("start", "check", "end")
    for ref, text in (
        ({"evaluation_id": 999999999}, "999999999"),
        ({"evaluation_id": ev["id"]}, "llm_judge"),
    ):
        r = save_workflow(
            server,
            [
                node("start", "start"),
                node("check", "evaluation", evaluation_ref=ref),
                node("end", "end"),
            ],
            edges,
        )
        assert r.status_code == 422 and text in r.text, r.text
    r = save_workflow(
        server, [node("start", "start"), node("check", "evaluation"), node("end", "end")], edges
    )
    assert r.status_code == 422 and "evaluation_ref" in r.text


def test_review_node_shows_and_records_a_library_evaluation(server):
    from tests.api.engine.helpers import node_ready, node_url, user_key

    crit = post(
        server,
        "/criteria",
        {
            "name": _u("label"),
            "type": "programmatic",
            "config": {"subtype": "exact_match", "path": "output.label", "expected": "spam"},
        },
    )
    ev = post(
        server, "/evaluations", {"name": _u("ev"), "criteria": [{"criterion_id": crit["id"]}]}
    )
    form = {"fields": [{"name": "label", "type": "short_text", "required": True}]}
    wf = flow(
        server,
        [
            node("start", "start"),
            node("label", "subtask", **form),
            node("check", "review", evaluation_ref={"evaluation_id": ev["id"]}),
            node("end", "end"),
        ],
        chain("start", "label", "check", "end"),
        FIELDS,
    )
    (task_id,) = create_tasks(server, wf["id"], [{"text": "buy now"}])
    task = wait_task(server, wf["id"], task_id, until=node_ready("label"))
    label = nodes_by_id(task)["label"]["node_db_id"]
    _, worker = user_key(server)
    _, reviewer = user_key(server)
    with native(server, worker) as api:
        assert api.get(node_url(server, wf["id"], label) + "/subtask").status_code == 200
        r = api.post(
            node_url(server, wf["id"], label) + "/submit-subtask",
            json={"values": {"label": "spam"}},
        )
        assert r.status_code == 200, r.text
    task = wait_task(server, wf["id"], task_id, until=node_ready("check"))
    check = nodes_by_id(task)["check"]["node_db_id"]
    with native(server, reviewer) as api:
        r = api.get(node_url(server, wf["id"], check) + "/review")
        assert r.status_code == 200, r.text
        evaluation = r.json()["evaluation"]
        assert evaluation["passed"] is True and evaluation["criteria"][0]["name"] == crit["name"]
        r = api.post(
            node_url(server, wf["id"], check) + "/submit-review", json={"decision": "pass"}
        )
        assert r.status_code == 200, r.text
    done = wait_task(server, wf["id"], task_id)
    assert nodes_by_id(done)["check"]["output"]["evaluation"]["passed"] is True
