"""pipectl's commands and options no other test runs, its exit codes for every kind of failure
(one `error:` line, never a traceback), progress on stderr, and PIPECTL_PROFILE for login and
logout; each run is the installed entry point against a real server."""

from __future__ import annotations

import json
import re
import time

import pytest
import yaml

from pipelines_client import Client
from tests.client.cli_support import Pipectl, logged_in

from .conftest import human_definition, plain_definition, quick_retries, unique


@pytest.fixture
def cli(server, tmp_path):
    return logged_in(server, tmp_path / "home")


@pytest.fixture
def sdk(server):
    with Client(server.base_url, server.seed.api_key, retry=quick_retries()) as client:
        yield client


def _workflow(sdk, pid: int, definition: dict) -> int:
    wf = sdk.workflows.create(pid, definition)
    sdk.workflows.activate(pid, wf.id)
    return wf.id


def _no_traceback(done) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    # After any progress bar, one line says what failed.
    assert done.stderr.strip().splitlines()[-1].startswith("error"), done.stderr


# --- commands and options ----------------------------------------------------------------------


def test_tasks_create_with_rejected_rows_exits_1_and_shows_progress(cli, sdk, server, tmp_path):
    pid = str(server.seed.project_id)
    wf = str(_workflow(sdk, server.seed.project_id, human_definition()))
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"text": "good"}) + "\n" + json.dumps({"other": 1}) + "\n")
    table = cli.run("tasks", "create", "-P", pid, "-w", wf, "-f", rows)
    assert table.returncode == 1, table.stderr
    assert "creating 2 tasks" in table.stderr and "2/2" in table.stderr  # the progress bar
    assert "Created 1 of 2 tasks." in table.stderr and "row 1:" in table.stderr
    [created] = table.stdout.split()
    as_json = cli.run("tasks", "create", "-P", pid, "-w", wf, "-f", rows, "--output", "json")
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    assert data["created"] == 1 and data["rows"] == 2 and len(data["task_ids"]) == 1
    assert {e["index"] for e in data["errors"]} == {1}  # the row without `text`
    listed = {t["id"] for t in cli.json("tasks", "list", "-P", pid, "-w", wf)}
    assert listed == {int(created), data["task_ids"][0]}


def test_progress_of_import_and_export_is_on_stderr(cli, sdk, server, tmp_path):
    pid = str(server.seed.project_id)
    data = tmp_path / "people.csv"
    data.write_text("name\nada\nalan\n")
    imported = cli.run("datasets", "import", "-f", data, "--output", "json")
    assert imported.returncode == 0, imported.stderr
    assert "importing people.csv" in imported.stderr
    assert json.loads(imported.stdout)["row_count"] == 2  # stdout is the data alone
    wf = str(_workflow(sdk, server.seed.project_id, human_definition()))
    sdk.tasks.create(server.seed.project_id, int(wf), [{"text": "a"}, {"text": "b"}])
    out = tmp_path / "tasks.jsonl"
    exported = cli.run("tasks", "export", "-P", pid, "-w", wf, "-o", out)
    assert exported.returncode == 0, exported.stderr
    assert "exporting" in exported.stderr and f"Wrote {out}" in exported.stderr
    assert exported.stdout == "" and len(out.read_text().splitlines()) == 2


def test_experiments_create_watch_and_cancel(cli, sdk, server, tmp_path):
    pid = server.seed.project_id
    spec = tmp_path / "experiment.yaml"
    spec.write_text(
        yaml.safe_dump({"count": 1, "tasks": [{"fields": {"text": "x"}}], "variants": [{}]})
    )
    # create --watch: a workflow that finishes on its own, waited on in the same command
    plain = str(_workflow(sdk, pid, plain_definition()))
    watched = cli.run(
        "experiments", "create", "-P", pid, "-w", plain, "-f", spec, "--watch", "--output", "yaml"
    )
    assert watched.returncode == 0, watched.stderr
    assert yaml.safe_load(watched.stdout)["status"] == "completed", watched.stdout
    assert "completed" in watched.stderr  # the note after the wait
    # cancel: a workflow that waits for a person never ends by itself
    human = str(_workflow(sdk, pid, human_definition()))
    started = cli.json("experiments", "create", "-P", pid, "-w", human, "-f", spec)
    eid = started["experiment_id"]
    cancelled = cli.json("experiments", "cancel", eid, "-P", pid, "-w", human)
    assert cancelled["experiment_id"] == eid
    ended = cli.run("experiments", "watch", eid, "-P", pid, "-w", human, "--output", "json")
    assert ended.returncode == 1, ended.stderr  # it ended, and not completed
    assert json.loads(ended.stdout)["status"] == "cancelled"


def test_my_work_get_and_release(cli, sdk, server):
    pid = server.seed.project_id
    wf = _workflow(sdk, pid, human_definition())
    [task_id] = sdk.tasks.create(pid, wf, [{"text": "for a person"}])
    deadline = time.monotonic() + 300
    while not (items := [i for i in cli.json("my-work", "list") if i["task_id"] == task_id]):
        assert time.monotonic() < deadline, "the form never reached my-work"
        time.sleep(0.5)
    [item] = items
    assert item in cli.json("my-work", "list", "--kind", "subtask")
    assert item not in cli.json("my-work", "list", "--kind", "review")
    node = str(item["node_db_id"])
    shown = cli.json("my-work", "get", node)
    assert shown["node_db_id"] == item["node_db_id"] and shown["status"] != "claimed"
    claimed = cli.json("my-work", "open", node)
    assert claimed["status"] == "claimed"
    released = cli.json("my-work", "release", node)
    assert released["node_db_id"] == item["node_db_id"] and released["status"] != "claimed"
    assert cli.json("my-work", "get", node)["status"] != "claimed"
    assert cli.run("my-work", "release", "987654321").returncode == 4


def test_events_tail_as_a_table_and_as_yaml(cli, sdk, server):
    pid = server.seed.project_id
    wf = _workflow(sdk, pid, plain_definition())
    [task_id] = sdk.tasks.create(pid, wf, [{"text": "x"}])
    sdk.tasks.wait_for(pid, wf, task_id, timeout=300, poll=0.2)
    finished = re.compile(rf'^\d+  task\.finished  \{{.*"task_id": {task_id}\b')
    lines = cli.follow(
        "events",
        "tail",
        "--workflow",
        wf,
        "--after",
        "0",
        until=lambda lines: any(finished.match(line) for line in lines),
    )
    assert re.match(r"^\d+  [a-z_.]+  [{\[]", lines[0]), lines
    lines = cli.follow(
        "events",
        "tail",
        "--task",
        task_id,
        "--after",
        "0",
        "--output",
        "yaml",
        until=lambda lines: "type: task.finished" in lines,
    )
    assert lines[0] == "---"
    docs = [d for d in yaml.safe_load_all("\n".join(lines)) if d is not None]
    assert docs[-1]["type"] == "task.finished" and all("id" in d for d in docs)
    assert all(d["data"]["task_id"] == task_id for d in docs[:-1])


def test_kfp_runs_logs_of_one_task(cli, sdk, server):
    kfp = pytest.importorskip("kfp")
    from tests.compat import kfp_pipelines as P

    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    run_id = client.create_run_from_pipeline_func(
        P.loud, arguments={"text": "one-task"}, run_name=unique("logs")
    ).run_id
    sdk.kfp.runs.wait_for(run_id, timeout=600, poll=0.5)
    shout = next(t for t in sdk.kfp.runs.tasks(run_id) if t["display_name"] == "shout")
    logs = cli.ok("kfp", "runs", "logs", run_id, "--task", shout["task_id"])
    assert "shouting one-task" in logs and "==>" not in logs  # that task's log alone


# --- exit codes ------------------------------------------------------------------------------


def test_a_base_url_without_a_scheme_exits_1_with_a_message(tmp_path):
    cli = Pipectl(tmp_path, {"PIPELINES_BASE_URL": "127.0.0.1:8000", "PIPELINES_API_KEY": "pk_x"})
    done = cli.run("whoami")
    assert done.returncode == 1, (done.returncode, done.stderr)
    _no_traceback(done)
    assert "http:// or https://" in done.stderr


def test_an_unreadable_or_bad_input_file_is_a_usage_error(cli, server, tmp_path):
    pid = str(server.seed.project_id)
    missing = cli.run("tasks", "create", "-P", pid, "-w", "1", "-f", tmp_path / "nope.csv")
    assert missing.returncode == 2 and "cannot read" in missing.stderr, missing.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    invalid = cli.run("workflows", "validate", "-f", bad, "-P", pid)
    assert invalid.returncode == 2 and "not valid YAML or JSON" in invalid.stderr
    lines = tmp_path / "rows.jsonl"
    lines.write_text("{not json}\n")
    assert cli.run("tasks", "create", "-P", pid, "-w", "1", "-f", lines).returncode == 2
    assert cli.run("datasets", "import", "-f", tmp_path / "nope.csv").returncode == 2
    assert "2 usage (bad option, unreadable or unparsable input file)" in re.sub(
        r"\s+", " ", cli.ok("--help")
    )


def test_a_file_that_cannot_be_written_exits_1(cli, sdk, server, tmp_path):
    pid = server.seed.project_id
    wf = _workflow(sdk, pid, human_definition())
    target = tmp_path / "no-such-folder" / "tasks.jsonl"
    done = cli.run("tasks", "export", "-P", pid, "-w", wf, "-o", target)
    assert done.returncode == 1, (done.returncode, done.stderr)
    _no_traceback(done)
    assert "no-such-folder" in done.stderr


def test_no_system_keyring_exits_1_and_says_what_to_do(server, tmp_path):
    cli = Pipectl(tmp_path, {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    done = cli.run(
        "login",
        "--base-url",
        server.base_url,
        "--api-key",
        "-",
        "--keyring",
        input=server.seed.api_key + "\n",
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    _no_traceback(done)
    assert "without --keyring" in done.stderr and server.seed.api_key not in done.stderr
    assert (
        not cli.config.exists() or "default" not in json.loads(cli.config.read_text())["profiles"]
    )
    # A profile that keeps its key in a keyring, used where there is none.
    cli.config.write_text(
        json.dumps(
            {"current": "k", "profiles": {"k": {"base_url": server.base_url, "keyring": True}}}
        )
    )
    used = cli.run("whoami")
    assert used.returncode == 1 and "PIPELINES_API_KEY" in used.stderr, used.stderr
    _no_traceback(used)


# --- profiles ------------------------------------------------------------------------------------


def test_pipectl_profile_is_honoured_by_login_and_logout(server, tmp_path):
    cli = Pipectl(tmp_path)
    key = server.seed.api_key + "\n"
    cli.ok("login", "--base-url", server.base_url, "--api-key", "-", input=key)
    as_ci = {"PIPECTL_PROFILE": "ci"}
    cli.ok("login", "--base-url", server.base_url, "--api-key", "-", input=key, env=as_ci)
    saved = json.loads(cli.config.read_text())
    assert set(saved["profiles"]) == {"default", "ci"} and saved["current"] == "ci"
    # Logging in again to the same profile keeps its server: no --base-url needed.
    again = cli.run("login", "--api-key", "-", input=key, env=as_ci)
    assert again.returncode == 0 and server.base_url in again.stderr, again.stderr
    assert cli.json("whoami", env=as_ci)["user_id"] == server.seed.user_id
    # logout forgets the profile PIPECTL_PROFILE names, not the current one.
    cli.ok("logout", env={"PIPECTL_PROFILE": "default"})
    assert set(json.loads(cli.config.read_text())["profiles"]) == {"ci"}
    cli.ok("logout", env=as_ci)
    assert json.loads(cli.config.read_text())["profiles"] == {}
