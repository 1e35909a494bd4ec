"""Experiments that swap in library configs: a variant's llm node runs a library prompt
version and a model slug, another variant's evaluation node a library evaluation, each in
its own copy; unknown library ids or versions are 422 before anything is created, a model
slug the organization cannot use is 403."""

from __future__ import annotations

import uuid

from tests.api.engine.helpers import chain, flow, node, nodes_by_id, wait_task
from tests.api.helpers import native
from tests.api.native.test_experiments import base, wait_experiment, workflow_count
from tests.support.fake_openai import FakeOpenAI

FIELDS = [{"name": "text", "type": "short_text", "required": True}]


def _u(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def post(server, path: str, body: dict) -> dict:
    with native(server) as api:
        r = api.post(path, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def credential(server, llm: FakeOpenAI, models: list[str]) -> dict:
    return post(
        server,
        f"/organizations/{server.seed.org_id}/credentials",
        {"name": _u("cred"), "base_url": llm.base_url, "api_key": llm.api_key, "models": models},
    )


def llm_flow(server, cred: str) -> dict:
    return flow(
        server,
        [
            node("start", "start"),
            node(
                "ask",
                "llm",
                credential=cred,
                model="base-model",
                prompt="Translate {{ task.text }}",
            ),
            node("end", "end"),
        ],
        chain("start", "ask", "end"),
        FIELDS,
    )


def test_prompt_and_model_swaps_run_in_the_variant_copy_only(server):
    fast = _u("fast")
    with FakeOpenAI() as llm:
        cred = credential(server, llm, [fast])
        wf = llm_flow(server, cred["name"])
        prompt = post(
            server, "/prompts", {"name": _u("p"), "prompt_text": "Summarize {{ task.text }}"}
        )
        with native(server) as api:  # version 2 exists; the variant pins version 1
            r = api.put(f"/prompts/{prompt['id']}", json={"prompt_text": "Ignore {{ task.text }}"})
            assert r.status_code == 200 and r.json()["version"] == 2
            before = api.get(base(server, wf["id"])).json()
            r = api.post(
                base(server, wf["id"]) + "/experiments",
                json={
                    "name": "swap",
                    "count": 2,
                    "tasks": [{"fields": {"text": "hello"}}],
                    "variants": [
                        {"name": "baseline", "configOverrides": {}},
                        {
                            "name": "library",
                            "configOverrides": {
                                "prompts": [
                                    {
                                        "nodeId": "ask",
                                        "fieldId": "prompt",
                                        "promptId": prompt["id"],
                                        "version": 1,
                                    }
                                ],
                                "models": [{"nodeId": "ask", "modelSlug": fast}],
                            },
                        },
                    ],
                },
            )
            assert r.status_code == 202, r.text
            url = base(server, wf["id"]) + f"/experiments/{r.json()['experiment_id']}"
            done = wait_experiment(api, url)
            assert done["status"] == "completed", done
            baseline, swapped = done["variants"]
            for v, content, model in (
                (baseline, "TRANSLATE HELLO", "base-model"),
                (swapped, "SUMMARIZE HELLO", fast),
            ):
                assert v["tasks_finished"] == 2, v
                for task_id in v["task_ids"]:
                    out = nodes_by_id(wait_task(server, v["workflow_id"], task_id))["ask"]["output"]
                    assert out["content"] == content and out["model"] == model
            sent = sorted(
                (r["json"]["model"], r["json"]["messages"][-1]["content"]) for r in llm.requests
            )
            assert sent == sorted(
                [("base-model", "Translate hello")] * 2 + [(fast, "Summarize hello")] * 2
            )
            copy = api.get(base(server, swapped["workflow_id"]) + "/configurable-fields").json()
            fields = {f["fieldId"]: f["current"] for f in copy["nodes"][0]["fields"]}
            assert fields["prompt"] == {
                "source": "library",
                "prompt_id": prompt["id"],
                "version": 1,
            }
            assert fields["model"] == {"source": "library", "model_slug": fast}
            assert api.get(base(server, wf["id"])).json() == before  # the source is untouched


def test_evaluation_swap_runs_the_library_evaluation(server):
    crit = post(
        server,
        "/criteria",
        {"name": _u("c"), "type": "programmatic", "config": {"subtype": "regex", "pattern": "^ok"}},
    )
    ev = post(server, "/evaluations", {"name": _u("e"), "criteria": [{"criterion_id": crit["id"]}]})
    wf = flow(
        server,
        [
            node("start", "start"),
            node(
                "check",
                "evaluation",
                output_path="task.text",
                checks=[{"type": "regex", "path": "task.text", "pattern": ".+"}],
            ),
            node("end", "end"),
        ],
        chain("start", "check", "end"),
        FIELDS,
    )
    with native(server) as api:
        r = api.post(
            base(server, wf["id"]) + "/experiments",
            json={
                "count": 1,
                "tasks": [{"fields": {"text": "not ok"}}],
                "variants": [
                    {"name": "inline"},
                    {
                        "name": "library",
                        "configOverrides": {
                            "evaluations": [
                                {
                                    "nodeId": "check",
                                    "fieldId": "evaluation",
                                    "evaluationId": ev["id"],
                                    "version": 1,
                                }
                            ]
                        },
                    },
                ],
            },
        )
        assert r.status_code == 202, r.text
        url = base(server, wf["id"]) + f"/experiments/{r.json()['experiment_id']}"
        # the inline checks pass; the library regex fails (quarantined: not ended)
        done = wait_experiment(api, url, lambda e: e["variants"][0]["status"] == "completed")
        inline, library = done["variants"]
        assert inline["tasks_finished"] == 1
        (task_id,) = library["task_ids"]
        task = wait_task(
            server,
            library["workflow_id"],
            task_id,
            until=lambda t: nodes_by_id(t)["check"]["status"] == "quarantined",
        )
        assert nodes_by_id(task)["check"]["output"]["passed"] is False
        assert api.post(url + "/cancel").json()["status"] == "cancelled"


def test_unknown_library_versions_are_422_and_unusable_models_403(server):
    with FakeOpenAI() as llm:
        cred = credential(server, llm, [_u("ok")])
        wf = llm_flow(server, cred["name"])
    prompt = post(server, "/prompts", {"name": _u("p"), "prompt_text": "Hi {{ task.text }}"})
    url = base(server, wf["id"]) + "/experiments"
    count = workflow_count(server)

    def launch(overrides):
        with native(server) as api:
            return api.post(
                url,
                json={
                    "count": 1,
                    "tasks": [{"fields": {"text": "x"}}],
                    "variants": [{"name": "b"}, {"name": "s", "configOverrides": overrides}],
                },
            )

    loc = ["body", "variants", 1, "configOverrides"]
    r = launch(
        {"prompts": [{"nodeId": "ask", "fieldId": "prompt", "promptId": 999999999, "version": 1}]}
    )
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == [*loc, "prompts", 0, "promptId"]
    r = launch(
        {
            "prompts": [
                {"nodeId": "ask", "fieldId": "system", "promptId": prompt["id"], "version": 9}
            ]
        }
    )
    assert r.status_code == 422 and "version 9" in r.text, r.text
    r = launch({"models": [{"nodeId": "ask", "modelSlug": _u("nobody-serves")}]})
    assert r.status_code == 403, r.text
    assert "nobody-serves" in r.json()["detail"]
    with native(server) as api:
        r = api.post(
            base(
                server,
                flow(
                    server,
                    [
                        node("start", "start"),
                        node(
                            "check",
                            "evaluation",
                            checks=[{"type": "regex", "path": "task.text", "pattern": "."}],
                        ),
                        node("end", "end"),
                    ],
                    chain("start", "check", "end"),
                    FIELDS,
                )["id"],
            )
            + "/experiments",
            json={
                "count": 1,
                "tasks": [{"fields": {"text": "x"}}],
                "variants": [
                    {
                        "configOverrides": {
                            "evaluations": [
                                {
                                    "nodeId": "check",
                                    "fieldId": "evaluation",
                                    "evaluationId": 999999999,
                                    "version": 1,
                                }
                            ]
                        }
                    }
                ],
            },
        )
        assert r.status_code == 422, r.text
        assert r.json()["detail"][0]["loc"][-1] == "evaluationId"
    assert workflow_count(server) == count + 1  # only the evaluation workflow made here


def test_the_library_rules_on_references_hold_for_swaps(server):
    judge = post(
        server,
        "/criteria",
        {
            "name": _u("j"),
            "type": "llm_judge",
            "config": {"prompt_text": "{{output}}", "model_slug": "m"},
        },
    )
    ev = post(
        server, "/evaluations", {"name": _u("e"), "criteria": [{"criterion_id": judge["id"]}]}
    )
    checks = [{"type": "regex", "path": "task.text", "pattern": "."}]
    wf = flow(
        server,
        [node("start", "start"), node("check", "evaluation", checks=checks), node("end", "end")],
        chain("start", "check", "end"),
        FIELDS,
    )
    swap = {"evaluations": [{"nodeId": "check", "fieldId": "evaluation", "evaluationId": ev["id"]}]}
    with native(server) as api:
        r = api.post(
            base(server, wf["id"]) + "/experiments",
            json={
                "count": 1,
                "tasks": [{"fields": {"text": "x"}}],
                "variants": [{"configOverrides": swap}],
            },
        )
    assert r.status_code == 422, r.text
    (issue,) = r.json()["detail"]
    assert issue["loc"] == ["body", "variants", 0, "configOverrides"]
    assert "variants[0]" in issue["msg"] and "llm_judge" in issue["msg"]
