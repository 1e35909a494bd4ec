"""Experiments that swap in library configs: a variant's llm node runs a library prompt
version and a model slug, another variant's evaluation node a library evaluation, each in
its own copy; unknown library ids or versions are 422 before anything is created, a model
slug the organization cannot use is 403."""

from __future__ import annotations

import uuid

from tests.api.engine.helpers import chain, flow, node
from tests.api.helpers import native
from tests.api.native.test_experiments import base, workflow_count
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
