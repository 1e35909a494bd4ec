"""schemathesis against every spec, over HTTP, against a fresh server.

Fixed seed, deterministic generation, bounded examples, every check, stateful sequences along
the links the specs declare. Zero failures; the summary (operations and cases covered) is
printed (`make fuzz` or `pytest tests/contract -s` shows it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pipelines_server.domain import keys
from pipelines_server.store.models import ApiKey
from tests.api.helpers import database, make_workflow, native, v1
from tests.server import start_server, stop_server

MAX_EXAMPLES = os.environ.get("PIPELINES_FUZZ_EXAMPLES", "25")
# The fuzzing key gets an id that generated ids will not hit, so that a generated
# "revoke key N" cannot revoke the key the run itself uses.
FUZZ_KEY_ID = 987_654_321

# Business rules the schemas cannot express answer schema-valid requests with the documented
# 400 (a cursor that is not one of ours, a revoked key's expiry) or 422 (task fields against
# the workflow's own field schema, a workflow in the wrong state): schemathesis accepts those.
CONFIG = """\
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "422", "429"]

[dictionaries.workflow_ids]
values = {workflow_ids}
[dictionaries.project_ids]
values = {project_ids}
[dictionaries.org_ids]
values = {org_ids}
[dictionaries.task_ids]
values = {task_ids}
[dictionaries.node_db_ids]
values = {node_db_ids}

[dictionaries.chain_ids]
values = {chain_ids}

[dictionaries.tag_ids]
values = {tag_ids}

[dictionaries.instruction_ids]
values = {instruction_ids}

[dictionaries.template_ids]
values = {template_ids}

[dictionaries.notification_ids]
values = {notification_ids}

[dictionaries.file_ids]
values = {file_ids}

[dictionaries.cli_session_ids]
values = {cli_session_ids}

[dictionaries.cli_user_codes]
values = {cli_user_codes}

[dictionaries.attempt_numbers]
values = {attempt_numbers}

[dictionaries.pipelit_slugs]
values = {pipelit_slugs}
[dictionaries.pipelit_execution_ids]
values = {pipelit_execution_ids}
[dictionaries.pipelit_credential_ids]
values = {pipelit_credential_ids}
[dictionaries.pipelit_edge_ids]
values = {pipelit_edge_ids}
[dictionaries.pipelit_job_ids]
values = {pipelit_job_ids}
[dictionaries.pipelit_workspace_ids]
values = {pipelit_workspace_ids}
[dictionaries.pipelit_epic_ids]
values = {pipelit_epic_ids}
[dictionaries.pipeline_ids]
values = {pipeline_ids}
[dictionaries.pipeline_version_ids]
values = {pipeline_version_ids}
[dictionaries.experiment_ids]
values = {experiment_ids}
[dictionaries.run_ids]
values = {run_ids}
[dictionaries.recurring_run_ids]
values = {recurring_run_ids}
[dictionaries.kfp_node_ids]
values = {kfp_node_ids}
[dictionaries.artifact_names]
values = {artifact_names}
[dictionaries.prompt_ids]
values = {prompt_ids}
[dictionaries.criterion_ids]
values = {criterion_ids}
[dictionaries.evaluation_ids]
values = {evaluation_ids}
[dictionaries.library_versions]
values = [1, 2]
[dictionaries.dataset_ids]
values = {dataset_ids}
[dictionaries.dataset_field_ids]
values = {dataset_field_ids}

[parameters]
"path.workflow_id" = {{ dictionary = "workflow_ids", probability = 0.7 }}
"path.project_id" = {{ dictionary = "project_ids", probability = 0.7 }}
"path.org_id" = {{ dictionary = "org_ids", probability = 0.7 }}
"path.task_id" = {{ dictionary = "task_ids", probability = 0.7 }}
"path.node_db_id" = {{ dictionary = "node_db_ids", probability = 0.7 }}
"path.pipeline_id" = {{ dictionary = "pipeline_ids", probability = 0.7 }}
"path.pipeline_version_id" = {{ dictionary = "pipeline_version_ids", probability = 0.7 }}
"path.experiment_id" = {{ dictionary = "experiment_ids", probability = 0.7 }}
"path.run_id" = {{ dictionary = "run_ids", probability = 0.7 }}
"path.recurring_run_id" = {{ dictionary = "recurring_run_ids", probability = 0.7 }}
"path.node_id" = {{ dictionary = "kfp_node_ids", probability = 0.7 }}
"path.artifact_name" = {{ dictionary = "artifact_names", probability = 0.7 }}
"path.prompt_id" = {{ dictionary = "prompt_ids", probability = 0.7 }}
"path.criterion_id" = {{ dictionary = "criterion_ids", probability = 0.7 }}
"path.evaluation_id" = {{ dictionary = "evaluation_ids", probability = 0.7 }}
"path.version" = {{ dictionary = "library_versions", probability = 0.7 }}
"path.dataset_id" = {{ dictionary = "dataset_ids", probability = 0.7 }}
"path.field_id" = {{ dictionary = "dataset_field_ids", probability = 0.7 }}
"path.chain_id" = {{ dictionary = "chain_ids", probability = 0.7 }}
"path.tag_id" = {{ dictionary = "tag_ids", probability = 0.7 }}
"path.instruction_id" = {{ dictionary = "instruction_ids", probability = 0.7 }}
"path.template_id" = {{ dictionary = "template_ids", probability = 0.7 }}
"path.notification_id" = {{ dictionary = "notification_ids", probability = 0.7 }}
"path.file_id" = {{ dictionary = "file_ids", probability = 0.7 }}
"path.session_id" = {{ dictionary = "cli_session_ids", probability = 0.7 }}
"path.user_code" = {{ dictionary = "cli_user_codes", probability = 0.7 }}
"path.attempt_number" = {{ dictionary = "attempt_numbers", probability = 0.7 }}
"path.slug" = {{ dictionary = "pipelit_slugs", probability = 0.7 }}
"path.execution_id" = {{ dictionary = "pipelit_execution_ids", probability = 0.7 }}
"path.credential_id" = {{ dictionary = "pipelit_credential_ids", probability = 0.7 }}
"path.edge_id" = {{ dictionary = "pipelit_edge_ids", probability = 0.7 }}
"path.job_id" = {{ dictionary = "pipelit_job_ids", probability = 0.7 }}
"path.workspace_id" = {{ dictionary = "pipelit_workspace_ids", probability = 0.7 }}
"path.epic_id" = {{ dictionary = "pipelit_epic_ids", probability = 0.7 }}
# The event stream (GET /api/events) stays open until max_seconds: every generated request
# gets a short one, so that each case ends and its response can be checked.
"query.max_seconds" = 0.2

# Pipelit's gateway credentials: this server has no msg-gateway, and activating or
# deactivating one answers Pipelit's documented gateway failure, 502 with the reason.
[[operations]]
include-operation-id = [
  "pipelines_server.api.pipelit.credentials.activate_credential",
  "pipelines_server.api.pipelit.credentials.deactivate_credential",
]
checks.not_a_server_error.expected-statuses = ["2xx", "3xx", "4xx", "502"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "422", "502"]
"""


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory):
    srv = start_server(
        tmp_path_factory.mktemp("fuzz"), env={"PIPELINES_PIPELIT_GATEWAY_TOKEN": "fuzz-gateway"}
    )
    # Real resources for the generated cases to reach: an active workflow with text fields,
    # one with file fields, and a second project.
    text = make_workflow(srv, [{"name": "text", "type": "short_text", "required": True}])
    files = make_workflow(srv, [{"name": "doc", "type": "file_upload", "required": True}])
    with native(srv) as api:
        extra = api.post("/projects", json={"name": "fuzz"}).json()
    raw = keys.generate_key()
    with database(srv) as s:
        s.add(
            ApiKey(
                id=FUZZ_KEY_ID,
                org_id=srv.seed.org_id,
                name="fuzz",
                key_hash=keys.hash_key(raw),
                last4=raw[-4:],
                created_by_id=srv.seed.user_id,
            )
        )
    srv.fuzz_key = raw
    # Tasks whose human nodes are open, so that node work and task reads reach real rows.
    graph = {
        "nodes": [
            {"id": "start", "kind": "start"},
            {
                "id": "form",
                "kind": "subtask",
                "config": {
                    "fields": [
                        {"name": "text", "type": "short_text", "source": "input"},
                        {"name": "ok", "type": "boolean", "required": True},
                    ]
                },
            },
            {"id": "check", "kind": "review"},
            {"id": "end", "kind": "end"},
        ],
        "edges": [
            {"source": "start", "target": "form"},
            {"source": "form", "target": "check"},
            {"source": "check", "target": "end"},
        ],
    }
    with native(srv) as api:
        r = api.post(
            f"/projects/{srv.seed.project_id}/workflows",
            json={
                "name": "work",
                "fields": [{"name": "text", "type": "short_text"}],
                "graph": graph,
            },
        )
        work = r.json()
        api.post(f"/projects/{srv.seed.project_id}/workflows/{work['id']}/activate")
    with v1(srv) as api:
        task_ids = api.post(
            f"/workflows/{work['id']}/tasks",
            json={"tasks": [{"fields": {"text": "a"}}, {"fields": {"text": "b"}}]},
        ).json()["task_ids"]
    node_ids = []
    with native(srv) as api:
        for task_id in task_ids:
            url = f"/projects/{srv.seed.project_id}/workflows/{work['id']}/tasks/{task_id}"
            for _ in range(100):
                nodes = api.get(url).json()["nodes"]
                if all(n["node_db_id"] for n in nodes):
                    break
                time.sleep(0.1)
            node_ids += [n["node_db_id"] for n in nodes if n["kind"] in ("subtask", "review")]
    # A KFP pipeline with two versions (compiled IR inline), for the v2beta1 operations.
    ir = {"pipelineInfo": {"name": "fuzz"}, "root": {"dag": {"tasks": {}}}, "components": {}}
    kfp_headers = {"Authorization": f"Bearer {srv.seed.api_key}"}
    with httpx.Client(base_url=srv.base_url + "/apis/v2beta1", headers=kfp_headers) as api:
        pipeline = api.post(
            "/pipelines/create",
            json={"pipeline": {"name": "fuzz"}, "pipeline_version": {"pipeline_spec": ir}},
        ).json()
        second = api.post(
            f"/pipelines/{pipeline['pipeline_id']}/versions",
            json={"name": "fuzz-2", "pipeline_spec": ir},
        ).json()
        version_ids = [
            v["pipeline_version_id"]
            for v in api.get(f"/pipelines/{pipeline['pipeline_id']}/versions").json()[
                "pipeline_versions"
            ]
        ]
        # A finished KFP run (a real compiled pipeline) and a disabled recurring run, for the
        # run operations, the log and the artifact read.
        import kfp  # noqa: PLC0415 - only this fixture needs the SDK
        import yaml  # noqa: PLC0415

        from tests.compat import kfp_pipelines  # noqa: PLC0415

        package = tmp_path_factory.mktemp("kfp") / "model.yaml"
        kfp.compiler.Compiler().compile(kfp_pipelines.model_out, str(package))
        real_ir = yaml.safe_load(package.read_text())
        run = api.post("/runs", json={"display_name": "fuzz-run", "pipeline_spec": real_ir}).json()
        for _ in range(600):
            run = api.get(f"/runs/{run['run_id']}").json()
            if run["state"] not in ("PENDING", "RUNNING"):
                break
            time.sleep(0.1)
        assert run["state"] == "SUCCEEDED", run
        recurring = api.post(
            "/recurringruns",
            json={
                "display_name": "fuzz-recurring",
                "pipeline_spec": real_ir,
                "mode": "DISABLE",
                "trigger": {"cron_schedule": {"cron": "0 0 0 1 1 *"}},
            },
        ).json()
    assert second["pipeline_version_id"] in version_ids
    # Library items (two of each kind, one with two versions), for the library operations.
    library: dict[str, list[int]] = {"prompt_ids": [], "criterion_ids": [], "evaluation_ids": []}
    with native(srv) as api:
        for i in range(2):
            p = api.post("/prompts", json={"name": f"fuzz {i}", "prompt_text": "Hi {{x}}"})
            c = api.post(
                "/criteria",
                json={
                    "name": f"fuzz {i}",
                    "type": "programmatic",
                    "config": {"subtype": "regex", "pattern": "a"},
                },
            )
            e = api.post(
                "/evaluations",
                json={"name": f"fuzz {i}", "criteria": [{"criterion_id": c.json()["id"]}]},
            )
            for key, r in (("prompt_ids", p), ("criterion_ids", c), ("evaluation_ids", e)):
                library[key].append(r.json()["id"])
        api.put(f"/prompts/{library['prompt_ids'][0]}", json={"description": "v2"})
        api.put(f"/criteria/{library['criterion_ids'][0]}", json={"description": "v2"})
        api.put(f"/evaluations/{library['evaluation_ids'][0]}", json={"description": "v2"})
    # A small imported dataset, for the dataset reads, charts and seeding.
    with native(srv) as api:
        started = api.post(
            "/datasets/import/file",
            files={"file": ("fuzz.csv", b"text,n,flag\na,1,true\nb,2.5,false\nc,,true\n")},
            data={"name": "fuzz"},
        ).json()
        for _ in range(600):
            job = api.get(f"/datasets/import/jobs/{started['job_id']}").json()
            if job["status"] not in ("queued", "running"):
                break
            time.sleep(0.1)
        assert job["status"] == "completed", job
    tasks = run["run_details"]["task_details"]
    people = _people_side(srv, work, text)
    pipelit_ids = _pipelit(srv)
    srv.ids = {
        "pipeline_ids": [pipeline["pipeline_id"]],
        "pipeline_version_ids": version_ids,
        "experiment_ids": [run["experiment_id"]],
        "run_ids": [run["run_id"]],
        "recurring_run_ids": [recurring["recurring_run_id"]],
        # path.node_id names KFP task ids and the main API's submission view (a node_db_id)
        "kfp_node_ids": [t["task_id"] for t in tasks] + [str(n) for n in node_ids],
        "artifact_names": sorted(
            {a["name"] for t in tasks for a in t.get("artifacts", [])} | {"Output"}
        ),
        "task_ids": task_ids,
        "node_db_ids": node_ids,
        "workflow_ids": [text["id"], files["id"], work["id"]],
        "project_ids": [srv.seed.project_id, extra["id"]],
        "org_ids": [srv.seed.org_id],
        **library,
        "dataset_ids": [started["dataset_id"]],
        "dataset_field_ids": ["text", "n", "flag"],
        **people,
        **pipelit_ids,
    }
    yield srv
    stop_server(srv)


def _people_side(srv, work: dict, text: dict) -> dict:
    """Real rows of the main API's people side for the generated cases to reach: a tag, an
    instruction, a template, a chain, a confirmed project file, a CLI login session, and the
    notifications the fixture's own jobs left its user."""
    p = srv.seed.project_id
    with native(srv) as api:

        def made(response) -> dict:
            assert response.status_code in (200, 201), response.text
            return response.json()

        tag = made(api.post(f"/projects/{p}/workflows/{work['id']}/tags", json={"name": "fuzz"}))
        instruction = made(api.post(f"/projects/{p}/instructions", json={"title": "fuzz"}))
        templates = f"/organizations/{srv.seed.org_id}/templates"
        template = made(api.post(templates, json={"workflow_id": work["id"]}))
        chain = made(
            api.post(
                f"/projects/{p}/workflow-chains",
                json={
                    "source_workflow_id": work["id"],
                    "target_workflow_id": text["id"],
                    "field_mapping": {"text": "fields.text"},
                },
            )
        )
        upload = made(api.post(f"/projects/{p}/files/upload-url", json={"filename": "f.txt"}))
        put = httpx.put(upload["upload_url"], content=b"fuzz", headers=upload.get("headers"))
        assert put.is_success, put.text
        made(api.post(f"/projects/{p}/files/{upload['file_id']}/confirm", json={}))
        notifications = [n["id"] for n in made(api.get("/notifications"))["items"]]
        login = made(api.post("/cli-login", json={"hostname": "fuzz"}))
    return {
        "chain_ids": [chain["id"]],
        "tag_ids": [tag["id"]],
        "instruction_ids": [instruction["id"]],
        "template_ids": [template["id"]],
        "notification_ids": notifications or [1],
        "file_ids": [upload["file_id"]],
        "cli_session_ids": [login["session_id"]],
        "cli_user_codes": [login["user_code"]],
        "attempt_numbers": [1, 2],
    }


def _pipelit(srv) -> dict:
    """Real rows of the Pipelit surface for the generated cases to reach: a workflow with a
    manual trigger, a code step and an edge between them, one execution of it, a credential,
    a schedule, a workspace and an epic with a task."""
    headers = {"Authorization": f"Bearer {srv.seed.api_key}"}
    with httpx.Client(base_url=srv.base_url + "/pipelit/api/v1", headers=headers) as api:

        def made(response) -> dict:
            assert response.status_code in (200, 201), response.text
            return response.json()

        made(api.post("/workflows/", json={"name": "fuzz", "slug": "fuzz"}))
        for node in (
            {"node_id": "start", "component_type": "trigger_manual"},
            {"node_id": "step", "component_type": "code", "config": {"extra_config": {}}},
        ):
            made(api.post("/workflows/fuzz/nodes/", json=node))
        edge = made(
            api.post(
                "/workflows/fuzz/edges/", json={"source_node_id": "start", "target_node_id": "step"}
            )
        )
        execution = made(api.post("/workflows/fuzz/execute/", json={"text": "hi"}))
        credential = made(
            api.post(
                "/credentials/",
                json={"name": "fuzz", "credential_type": "tool", "detail": {"tool_type": "api"}},
            )
        )
        workflow_id = made(api.get("/workflows/fuzz/"))["id"]
        schedule = made(
            api.post(
                "/schedules/",
                json={"name": "fuzz", "workflow_id": workflow_id, "interval_seconds": 86400},
            )
        )
        workspace = made(api.post("/workspaces/", json={"name": "fuzz"}))
        epic = made(api.post("/epics/", json={"title": "fuzz"}))
        made(api.post("/tasks/", json={"epic_id": epic["id"], "title": "fuzz"}))
    return {
        "pipelit_slugs": ["fuzz"],
        "pipelit_execution_ids": [execution["execution_id"]],
        "pipelit_credential_ids": [credential["id"]],
        "pipelit_edge_ids": [edge["id"]],
        "pipelit_job_ids": [schedule["id"]],
        "pipelit_workspace_ids": [workspace["id"]],
        "pipelit_epic_ids": [epic["id"]],
    }


# The native spec is fuzzed in parts, one test file each, so that its ~170 operations spread
# over both cores instead of holding one for most of a run. A part is a regular expression
# over the spec's paths (as written in openapi/pipelines.yaml, without /api); every path is in
# exactly one part (tests/contract/test_spec_guarantees.py checks it), and each of the spec's
# links joins two operations of the same part, so the stateful phase keeps every link.
NATIVE_PARTS = {
    # projects themselves (create_project links to get_project and create_workflow), workflows
    # and everything under them: tasks, nodes, chains, tags, experiments
    "workflows": r"^/projects($|/\{project_id\}($|/workflows))",
    # the rest of a project (instructions, files, ...) and the data library
    "data": (
        r"^/(projects/\{project_id\}/(?!workflows)|datasets|evaluations|prompts|criteria"
        r"|library|models)"
    ),
    # organizations, users, keys, notifications, the CLI login, health, ...
    "rest": r"^/(?!projects|datasets|evaluations|prompts|criteria|library|models)",
}


def run_schemathesis(
    server, spec_path: str, work: Path, path_regex: str | None = None
) -> subprocess.CompletedProcess:
    config = work / "schemathesis.toml"
    config.write_text(CONFIG.format(**{k: json.dumps(v) for k, v in server.ids.items()}))
    exe = Path(sys.executable).parent / "schemathesis"
    cmd = [
        str(exe),
        "--config-file",
        str(config),
        "run",
        f"{server.base_url}{spec_path}",
        "--checks",
        "all",
        "--max-examples",
        MAX_EXAMPLES,
        "--generation-deterministic",
        "--workers",
        "1",
        "--request-timeout",
        "60",
        "--suppress-health-check",
        "all",
        "--report",
        "junit",
        "--report-dir",
        str(work),
        "-H",
        f"Authorization: Bearer {server.fuzz_key}",
        *(["--include-path-regex", path_regex] if path_regex else []),
    ]
    # The timeout only stops a hung run; it is far above any run's length on a slow machine.
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=5400, env={**os.environ, "NO_COLOR": "1"}
    )


def check_spec(server, spec_path: str, work: Path, path_regex: str | None = None) -> None:
    """Schemathesis over one spec of the fuzz server (or the part of it whose paths match
    `path_regex`): no failure of any check."""
    result = run_schemathesis(server, spec_path, work, path_regex)
    out = result.stdout
    summary = out[out.find("SUMMARY") :] if "SUMMARY" in out else out[-3000:]
    print(f"\n--- schemathesis {spec_path} ---\n{summary}")
    assert result.returncode == 0, out[-12000:] + result.stderr[-4000:]
    assert "Tested: " in out
