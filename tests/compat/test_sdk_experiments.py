"""The real `pipelines-sdk` 0.1.15 on experiments and configurable fields: its methods
(`get_configurable_fields`, `create_experiment`, `get_experiment_status`,
`wait_for_experiment`, `cancel_experiment`, `push_artifact_bundle`'s experiments) and its CLI
(`workflow configurable-fields`, `workflow experiment create/status/cancel`)."""

from __future__ import annotations

import json
import uuid

import pytest
from pipelines.errors import ForbiddenError, NotFoundError, ValidationError

from tests.api.engine.helpers import chain, flow, node, nodes_by_id, wait_task
from tests.api.helpers import native
from tests.compat.sdk import cli, cli_json, sdk
from tests.support.fake_openai import FakeOpenAI

FIELDS = [{"name": "text", "type": "short_text", "required": True}]
FORM = {
    "instructions": "Label the text",
    "fields": [{"name": "label", "type": "select", "options": ["spam", "ham"], "required": True}],
}


def llm_flow(server, llm: FakeOpenAI, models: list[str] | None = None) -> dict:
    name = f"llm-{uuid.uuid4().hex[:6]}"
    cred = {"name": name, "base_url": llm.base_url, "api_key": llm.api_key}
    if models:
        cred["models"] = models  # the model slugs it serves (GET /orgs/{id}/models)
    with native(server) as api:
        r = api.post(f"/organizations/{server.seed.org_id}/credentials", json=cred)
        assert r.status_code == 201, r.text
    return flow(
        server,
        [
            node("start", "start"),
            node("ask", "llm", credential=name, model="base-model", prompt="Shout {{ task.text }}"),
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


def test_sdk_runs_an_experiment_to_the_end(server):
    pid = server.seed.project_id
    client = sdk(server)
    with FakeOpenAI() as llm:
        wf = llm_flow(server, llm)
        fields = client.get_configurable_fields(pid, wf["id"])
        (ask,) = fields["nodes"]
        assert ask["nodeId"] == "ask"
        assert [f["fieldId"] for f in ask["fields"]] == ["prompt", "system", "model"]

        started = client.create_experiment(
            pid,
            wf["id"],
            {
                "name": "sdk",
                "count": 2,
                "tasks": [{"fields": {"text": "one"}}, {"fields": {"text": "two"}}],
                "variants": [{"name": "baseline-copy", "configOverrides": {}}, {"name": "again"}],
            },
        )
        eid = started["experiment_id"]
        status = client.get_experiment_status(pid, wf["id"], eid)
        assert status["experiment_id"] == eid
        done = client.wait_for_experiment(pid, wf["id"], eid, poll_interval=0.2, timeout=180)
        assert done["status"] == "completed"
        for v in done["variants"]:
            assert v["success_count"] == 2 and v["tasks_finished"] == 2
            outputs = sorted(
                nodes_by_id(wait_task(server, v["workflow_id"], t))["ask"]["output"]["content"]
                for t in v["task_ids"]
            )
            assert outputs == ["SHOUT ONE", "SHOUT TWO"]
        assert {r["json"]["model"] for r in llm.requests} == {"base-model"}

        with pytest.raises(ValidationError) as bad:
            client.create_experiment(
                pid,
                wf["id"],
                {
                    "count": 1,
                    "tasks": [{"fields": {"text": "x"}}],
                    "variants": [
                        {
                            "configOverrides": {
                                "prompts": [
                                    {
                                        "nodeId": "nope",
                                        "fieldId": "prompt",
                                        "promptId": 1,
                                        "version": 1,
                                    }
                                ]
                            }
                        }
                    ],
                },
            )
        assert bad.value.status_code == 422
        assert "nope" in json.dumps(bad.value.body)
        with pytest.raises(NotFoundError):
            client.get_experiment_status(pid, wf["id"], "no-such-experiment")


def test_sdk_cancels_an_experiment(server):
    pid = server.seed.project_id
    client = sdk(server)
    wf = human_flow(server)
    started = client.create_experiment(pid, wf["id"], {"count": 2, "variants": [{"name": "v"}]})
    eid = started["experiment_id"]
    cancelled = client.cancel_experiment(pid, wf["id"], eid)
    assert cancelled["status"] == "cancelled"
    # the SDK's wait helper stops on it
    ended = client.wait_for_experiment(pid, wf["id"], eid, poll_interval=0.2, timeout=60)
    assert ended["status"] == "cancelled"


def test_push_artifact_bundle_launches_its_experiments(server):
    pid = server.seed.project_id
    client = sdk(server)
    wf = human_flow(server)
    bundle = {
        "artifact_type": "pipelines.artifact.bundle.v1",
        "name": "exp-bundle",
        "experiments": [
            {
                "name": "Bundle Experiment",
                "project_id": pid,
                "workflow_id": wf["id"],
                "payload": {"count": 1, "variants": [{"name": "baseline-copy"}]},
            }
        ],
    }
    prefix = f"bundle-{uuid.uuid4().hex[:8]}"
    first = client.push_artifact_bundle(bundle, idempotency_key_prefix=prefix)
    (created,) = first["created"]["experiments"]
    assert created["name"] == "Bundle Experiment" and created["experiment_id"]
    # pushed again with the same prefix: the same experiment, not a second one
    again = client.push_artifact_bundle(bundle, idempotency_key_prefix=prefix)
    assert again["created"]["experiments"][0]["experiment_id"] == created["experiment_id"]
    status = client.get_experiment_status(pid, wf["id"], created["experiment_id"])
    assert status["variants"][0]["name"] == "baseline-copy"
    client.cancel_experiment(pid, wf["id"], created["experiment_id"])


def test_cli_experiment_commands(server, tmp_path):
    pid = str(server.seed.project_id)
    with FakeOpenAI() as llm:
        wf = llm_flow(server, llm)
        wid = str(wf["id"])
        fields = cli_json(
            server,
            "workflow",
            "configurable-fields",
            "--project-id",
            pid,
            "--workflow-id",
            wid,
            tmp=tmp_path,
        )
        assert fields["nodes"][0]["nodeId"] == "ask"

        spec = tmp_path / "experiment.json"
        spec.write_text(
            json.dumps(
                {
                    "name": "cli",
                    "count": 2,
                    "tasks": [{"fields": {"text": "hi"}}],
                    "variants": [
                        {"name": "baseline-copy", "configOverrides": {}},
                        {"name": "second"},
                    ],
                }
            )
        )
        key = f"cli-{uuid.uuid4().hex}"
        args = ["workflow", "experiment", "create", "--project-id", pid, "--workflow-id", wid]
        args += ["--file", str(spec), "--idempotency-key", key]
        summary = cli_json(
            server,
            *args,
            "--wait",
            "--poll-interval",
            "0.2",
            "--timeout",
            "180",
            "--summary",
            tmp=tmp_path,
        )
        assert summary["status"] == "completed"
        assert summary["variant_count"] == 2 and summary["total_success_count"] == 4
        names = [v["name"] for v in summary["variants"]]
        assert names == ["baseline-copy", "second"]
        for v in summary["variants"]:
            assert v["status"] == "completed" and v["success_count"] == 2
            assert len(v["task_ids"]) == 2 and v["workflow_id"] not in (None, wf["id"])
        # the same key and file: the first launch replayed, no second experiment
        replay = cli_json(server, *args, tmp=tmp_path)
        assert replay["experiment_id"] == summary["experiment_id"]
        assert len(llm.requests) == 4

        status = cli_json(
            server,
            "workflow",
            "experiment",
            "status",
            "--project-id",
            pid,
            "--workflow-id",
            wid,
            "--experiment-id",
            summary["experiment_id"],
            "--wait",
            "--poll-interval",
            "0.2",
            "--summary",
            tmp=tmp_path,
        )
        assert status == summary
        quiet = cli(
            server,
            "--quiet",
            "workflow",
            "experiment",
            "status",
            "--project-id",
            pid,
            "--workflow-id",
            wid,
            "--experiment-id",
            summary["experiment_id"],
            tmp=tmp_path,
        )
        assert quiet.stdout.strip() == summary["experiment_id"]

    hw = human_flow(server)
    spec.write_text(json.dumps({"count": 1, "variants": [{"name": "v"}]}))
    started = cli_json(
        server,
        "workflow",
        "experiment",
        "create",
        "--project-id",
        pid,
        "--workflow-id",
        str(hw["id"]),
        "--file",
        str(spec),
        tmp=tmp_path,
    )
    cancelled = cli_json(
        server,
        "workflow",
        "experiment",
        "cancel",
        "--project-id",
        pid,
        "--workflow-id",
        str(hw["id"]),
        "--experiment-id",
        started["experiment_id"],
        tmp=tmp_path,
    )
    assert cancelled["status"] == "cancelled"
    bad = cli(
        server,
        "workflow",
        "experiment",
        "status",
        "--project-id",
        pid,
        "--workflow-id",
        str(hw["id"]),
        "--experiment-id",
        "missing",
        tmp=tmp_path,
        check=False,
    )
    assert bad.returncode != 0 and "404" in bad.stderr


def test_sdk_experiment_with_a_prompt_swap_and_a_model_swap(server):
    """The issue's walkthrough: a baseline and a variant that runs a library prompt version
    on another model, waited for with the SDK; each variant's tasks ran in its own copy with
    its prompt and model; the source is untouched; 403 for a model the org cannot use."""
    pid = server.seed.project_id
    client = sdk(server)
    fast = f"fast-{uuid.uuid4().hex[:6]}"
    with FakeOpenAI() as llm:
        wf = llm_flow(server, llm, models=[fast])
        assert fast in [m["slug"] for m in client.list_models(server.seed.org_id)["items"]]
        prompt = client.create_prompt(
            {"name": f"p-{uuid.uuid4().hex[:6]}", "prompt_text": "Whisper {{ task.text }}"}
        )
        before = client.request("GET", f"/api/projects/{pid}/workflows/{wf['id']}")
        swap = {
            "prompts": [
                {"nodeId": "ask", "fieldId": "prompt", "promptId": prompt["id"], "version": 1}
            ],
            "models": [{"nodeId": "ask", "modelSlug": fast}],
        }
        payload = {
            "name": "walkthrough",
            "count": 1,
            "tasks": [{"fields": {"text": "hi"}}],
            "variants": [
                {"name": "baseline-copy", "configOverrides": {}},
                {"name": "prompt-and-model-swap", "configOverrides": swap},
            ],
        }
        started = client.create_experiment(
            pid, wf["id"], payload, idempotency_key=f"k-{uuid.uuid4().hex}"
        )
        done = client.wait_for_experiment(
            pid, wf["id"], started["experiment_id"], poll_interval=0.2, timeout=180
        )
        assert done["status"] == "completed"
        baseline, swapped = done["variants"]
        (b,) = baseline["task_ids"]
        (s,) = swapped["task_ids"]
        out = nodes_by_id(wait_task(server, baseline["workflow_id"], b))["ask"]["output"]
        assert out["content"] == "SHOUT HI" and out["model"] == "base-model"
        out = nodes_by_id(wait_task(server, swapped["workflow_id"], s))["ask"]["output"]
        assert out["content"] == "WHISPER HI" and out["model"] == fast
        assert sorted(r["json"]["model"] for r in llm.requests) == sorted(["base-model", fast])
        assert client.request("GET", f"/api/projects/{pid}/workflows/{wf['id']}") == before

        denied = {"models": [{"nodeId": "ask", "modelSlug": "not-served"}]}
        with pytest.raises(ForbiddenError) as refused:
            client.create_experiment(
                pid, wf["id"], {**payload, "variants": [{"configOverrides": denied}]}
            )
        assert refused.value.status_code == 403
