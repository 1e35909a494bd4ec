"""Every pipectl command group against a real server, as a user runs them: a workflow applied
from YAML, validated, shown as a graph, tasks from CSV and JSONL, watched to the end, a human
step done through my-work, export, keys, events, datasets, experiments and KFP runs."""

from __future__ import annotations

import json
import time

import pytest
import yaml

from tests.client.cli_support import logged_in

from .conftest import unique

SCORING = {
    "name": "CLI scoring",
    "fields": [{"name": "text", "type": "short_text", "required": True}],
    "graph": {
        "nodes": [
            {"id": "start", "kind": "start"},
            {
                "id": "score",
                "kind": "code",
                "config": {
                    "source": 'def main(data):\n    return {"len": len(data["task"]["text"])}'
                },
            },
            {
                "id": "gate",
                "kind": "logic_gate",
                "config": {
                    "routes": [
                        {"port": "long", "when": {"path": "input.len", "op": "gt", "value": 10}}
                    ],
                    "default": "short",
                },
            },
            {
                "id": "label",
                "kind": "subtask",
                "config": {
                    "fields": [
                        {
                            "name": "label",
                            "type": "select",
                            "options": ["good", "bad"],
                            "required": True,
                        }
                    ]
                },
            },
            {"id": "end", "kind": "end"},
        ],
        "edges": [
            {"source": "start", "target": "score"},
            {"source": "score", "target": "gate"},
            {"source": "gate", "target": "label", "source_port": "long"},
            {"source": "gate", "target": "end", "source_port": "short"},
            {"source": "label", "target": "end"},
        ],
    },
}


@pytest.fixture
def cli(server, tmp_path):
    return logged_in(server, tmp_path)


def test_projects_list_get_create(cli, server):
    made = cli.json("projects", "create", "cli project", "--description", "from pipectl")
    assert made["name"] == "cli project"
    assert cli.json("projects", "get", made["id"])["description"] == "from pipectl"
    assert made["id"] in [p["id"] for p in cli.json("projects", "list")]
    assert "cli project" in cli.ok("projects", "list")


def test_workflow_tasks_watch_my_work_and_export(cli, server, tmp_path):
    project = str(server.seed.project_id)
    path = tmp_path / "scoring.yaml"
    # `apply` matches by name, and the session's server is shared: a name of this test's own.
    name = unique("CLI scoring")
    path.write_text(yaml.safe_dump({**SCORING, "name": name}))
    assert cli.ok("workflows", "validate", "-f", path, "-P", project).strip() == "valid"
    broken = {"fields": "not a list", "graph": {"nodes": {}}}
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    bad = cli.run("workflows", "validate", "-f", tmp_path / "broken.json", "-P", project)
    assert bad.returncode == 1 and bad.stdout.startswith("- "), bad.stdout + bad.stderr

    wf = cli.json("workflows", "apply", "-f", path, "-P", project, "--activate")
    assert wf["status"] == "ACTIVE" and wf["name"] == name
    wf_id = str(wf["id"])
    again = cli.json("workflows", "apply", "-f", path, "-P", project)  # same name: an update
    assert again["id"] == wf["id"]
    graph = cli.ok("workflows", "graph", wf_id, "-P", project)
    assert "nodes (5):" in graph and "gate --long--> label" in graph and "score  code" in graph
    assert wf["id"] in [w["id"] for w in cli.json("workflows", "list", "-P", project)]
    assert cli.json("workflows", "get", wf_id, "-P", project)["graph"]["edges"]

    (tmp_path / "rows.csv").write_text("text\nshort\n")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "a much longer text"}) + "\n")
    first = cli.json("tasks", "create", "-P", project, "-w", wf_id, "-f", tmp_path / "rows.csv")
    second = cli.json("tasks", "create", "-P", project, "-w", wf_id, "-f", tmp_path / "rows.jsonl")
    assert first["created"] == second["created"] == 1
    short_id, long_id = first["task_ids"][0], second["task_ids"][0]

    done = cli.json("tasks", "watch", short_id, "-P", project, "-w", wf_id, "--timeout", "240")
    assert done["status"] == "finished"
    shown = cli.ok("tasks", "get", short_id, "-P", project, "-w", wf_id)
    assert "finished" in shown and "score" in shown
    assert {t["id"] for t in cli.json("tasks", "list", "-P", project, "-w", wf_id)} == {
        short_id,
        long_id,
    }
    assert cli.json("tasks", "timeline", short_id, "-P", project, "-w", wf_id)

    # the long text waits for a person: my-work list, open, submit from a file
    waiting = cli.run(
        "tasks", "watch", long_id, "-P", project, "-w", wf_id, "--timeout", "3", "--interval", "1"
    )
    assert waiting.returncode == 5, waiting.stderr
    item = None
    for _ in range(240):
        items = [i for i in cli.json("my-work", "list") if i["task_id"] == long_id]
        if items:
            item = items[0]
            break
        time.sleep(1)
    assert item, "the form never reached my-work"
    node = str(item["node_db_id"])
    assert cli.json("my-work", "open", node)
    (tmp_path / "answer.yaml").write_text("label: good\n")
    cli.ok("my-work", "submit", node, "-f", tmp_path / "answer.yaml")
    whole = cli.run("tasks", "watch", "-P", project, "-w", wf_id, "--timeout", "240")
    assert whole.returncode == 0, whole.stderr
    assert "2/2 tasks done" in whole.stdout

    out = tmp_path / "export.jsonl"
    cli.ok("tasks", "export", "-P", project, "-w", wf_id, "-o", out)
    assert len(out.read_text().splitlines()) == 2

    # Both tasks are done: their whole history is kept, so the stream replays it from 0.
    def both_finished(lines: list[str]) -> bool:
        got = [json.loads(line) for line in lines]
        return {e["data"]["task_id"] for e in got if e["type"] == "task.finished"} == {
            short_id,
            long_id,
        }

    tail = ("events", "tail", "--workflow", wf_id, "--after", "0", "--output", "json")
    lines = cli.follow(*tail, until=both_finished)
    got = [json.loads(line) for line in lines]
    assert {e["data"]["task_id"] for e in got} == {short_id, long_id}
    ids = [int(e["id"]) for e in got]
    assert ids == sorted(set(ids))

    paused = cli.json("workflows", "pause", wf_id, "-P", project)
    assert paused["status"] == "PAUSED"
    assert cli.json("workflows", "activate", wf_id, "-P", project)["status"] == "ACTIVE"
    made = cli.json("tasks", "create", "-P", project, "-w", wf_id, "-f", tmp_path / "rows.jsonl")
    cancelled = cli.json("tasks", "cancel", made["task_ids"][0], "-P", project, "-w", wf_id)
    assert cancelled["id"] == made["task_ids"][0]


def test_keys_create_list_revoke(cli):
    created = cli.run("keys", "create", "ci", "--expires-in-days", "30", "--output", "json")
    assert created.returncode == 0, created.stderr
    key = json.loads(created.stdout)
    assert key["key"].startswith("pk_live_") and "only this once" in created.stderr
    listed = cli.ok("keys", "list")
    assert key["key"] not in listed and key["last4"] in listed
    revoked = cli.json("keys", "revoke", key["id"])
    assert revoked["status"] == "revoked"
    assert cli.run("whoami", env={"PIPELINES_API_KEY": key["key"]}).returncode == 3


def test_datasets_import_list_get(cli, tmp_path):
    data = tmp_path / "people.csv"
    data.write_text("name,age\nada,36\nalan,41\n")
    imported = cli.json("datasets", "import", "-f", data, "--name", "people")
    assert imported["name"] == "people" and imported["row_count"] == 2
    assert imported["id"] in [d["id"] for d in cli.json("datasets", "list")]
    assert "people" in cli.ok("datasets", "get", imported["id"])


def test_experiment_create_watch_get(cli, server, tmp_path):
    project = str(server.seed.project_id)
    flow = {
        "name": unique("CLI experiment source"),
        "fields": [{"name": "text", "type": "short_text", "required": True}],
        "graph": {
            "nodes": [
                {"id": "start", "kind": "start"},
                {
                    "id": "score",
                    "kind": "code",
                    "config": {"source": "def main(data):\n    return {'ok': True}"},
                },
                {"id": "end", "kind": "end"},
            ],
            "edges": [{"source": "start", "target": "score"}, {"source": "score", "target": "end"}],
        },
    }
    (tmp_path / "flow.json").write_text(json.dumps(flow))
    wf = cli.json("workflows", "apply", "-f", tmp_path / "flow.json", "-P", project, "--activate")
    spec = tmp_path / "experiment.yaml"
    spec.write_text(
        yaml.safe_dump(
            {
                "name": "cli",
                "count": 1,
                "tasks": [{"fields": {"text": "x"}}],
                "variants": [{"name": "a"}],
            }
        )
    )
    started = cli.json("experiments", "create", "-P", project, "-w", wf["id"], "-f", spec)
    exp_id = started["experiment_id"]
    done = cli.json(
        "experiments", "watch", exp_id, "-P", project, "-w", wf["id"], "--timeout", "240"
    )
    assert done["status"] == "completed", done
    assert cli.json("experiments", "get", exp_id, "-P", project, "-w", wf["id"])["variants"]


def test_kfp_runs_list_get_logs_artifacts(cli, server):
    """For users without the kfp SDK: a run started by a kfp user, read with pipectl."""
    kfp = pytest.importorskip("kfp")
    from tests.compat import kfp_pipelines as P

    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(
        P.loud, arguments={"text": "cli-marker"}, run_name="pipectl-run"
    ).run_id
    client.wait_for_run_completion(run_id, timeout=300)

    listed = cli.json("kfp", "runs", "list")
    assert run_id in [r["run_id"] for r in listed]
    assert f"{run_id}" in cli.ok("kfp", "runs", "list")  # the table
    run = cli.json("kfp", "runs", "get", run_id)
    assert run["state"] == "SUCCEEDED" and run["display_name"] == "pipectl-run"
    logs = cli.ok("kfp", "runs", "logs", run_id)
    assert "==> shout" in logs and "shouting cli-marker" in logs
    artifacts = cli.json("kfp", "runs", "artifacts", run_id)
    assert any(a["task"] == "shout" and a["name"] == "data" for a in artifacts), artifacts
    assert cli.run("kfp", "runs", "get", "no-such-run").returncode == 4
