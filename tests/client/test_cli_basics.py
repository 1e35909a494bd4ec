"""pipectl as a program: help on every command, usage errors, exit codes by failure, profiles
(login with a key or the CLI-login approval flow, the 0600 file, the keyring, the environment
winning over the profile), whoami and logout; each run is the installed entry point."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.client.cli_support import ROOT, Pipectl, logged_in, pipectl_command, source_path


def _command_paths() -> list[list[str]]:
    """Every command and group of the Typer app, walked as Click sees it."""
    import typer.main

    from pipelines_client.cli import app

    paths: list[list[str]] = []

    def walk(command, prefix: list[str]) -> None:
        paths.append(prefix)
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


def test_help_works_on_every_command(tmp_path):
    paths = _command_paths()
    assert ["tasks", "watch"] in paths and ["kfp", "runs", "logs"] in paths
    assert len(paths) > 40
    # In-process through Typer's runner (one subprocess per command would take minutes on a
    # busy machine); the subprocess tests below run the installed script itself.
    from typer.testing import CliRunner

    from pipelines_client.cli import app

    runner = CliRunner()
    for path in paths:
        done = runner.invoke(app, [*path, "--help"])
        assert done.exit_code == 0, (path, done.output)
        assert "Usage:" in done.output, path
    assert "Usage:" in Pipectl(tmp_path).ok("tasks", "watch", "--help")


def test_version_and_usage_errors_exit_2(tmp_path):
    cli = Pipectl(tmp_path)
    assert cli.ok("--version").strip() == cli.ok("version").strip() != ""
    bad = cli.run("projects", "get", "not-a-number")
    assert bad.returncode == 2 and "Usage:" in bad.stderr
    assert cli.run("no-such-command").returncode == 2
    assert cli.run("projects", "list", "--output", "xml").returncode == 2


def test_shell_completion_script_is_offered(tmp_path):
    # Typer finds the shell from the parent processes (shellingham): run it from bash
    cli = Pipectl(tmp_path)
    command = " ".join(f"'{part}'" for part in pipectl_command())
    done = subprocess.run(
        ["bash", "-c", f"{command} --show-completion; exit $?"],
        env=cli.environ(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "complete" in done.stdout and "pipectl" in done.stdout.lower()


def test_python_dash_m_runs_the_same_cli_from_this_checkout(tmp_path):
    env = Pipectl(tmp_path).environ()

    def python(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "my-work" in python("-m", "pipelines_client.cli", "--help")
    # The script and `python -m` are one program: the same version and the same commands.
    cli = Pipectl(tmp_path)
    assert python("-m", "pipelines_client.cli", "--version") == cli.ok("--version")
    usage, _, rest = python("-m", "pipelines_client.cli", "--help").partition("\n")
    assert usage.endswith("[OPTIONS] COMMAND [ARGS]...")
    assert cli.ok("--help").partition("\n")[2] == rest
    # The code they run is this checkout's (source_path() comes first on PYTHONPATH).
    where = python("-c", "import pipelines_client.cli as c; print(c.__file__)").strip()
    assert Path(where).resolve().is_relative_to(ROOT / "client"), (where, source_path())


def test_exit_codes_say_what_failed(server, tmp_path):
    cli = logged_in(server, tmp_path)
    missing = cli.run("projects", "get", "987654")
    assert missing.returncode == 4 and "404" in missing.stderr and missing.stdout == ""
    bad_key = cli.run("whoami", env={"PIPELINES_API_KEY": "pk_live_" + "0" * 40})
    assert bad_key.returncode == 3 and "401" in bad_key.stderr
    no_key = cli.run("projects", "list", env={"PIPELINES_API_KEY": None})
    assert no_key.returncode == 3
    invalid = cli.run("projects", "create", "")
    assert invalid.returncode == 1 and "422" in invalid.stderr
    closed = httpx.URL(server.base_url).copy_with(port=_closed_port())
    down = cli.run("--timeout", "5", "whoami", env={"PIPELINES_BASE_URL": str(closed).rstrip("/")})
    assert down.returncode == 6, down.stderr


def _closed_port() -> int:
    from tests.server import free_port

    return free_port()


def test_login_with_a_key_writes_a_0600_profile_and_the_env_wins(server, tmp_path):
    cli = Pipectl(tmp_path)
    done = cli.run(
        "--profile",
        "work",
        "login",
        "--base-url",
        server.base_url,
        "--api-key",
        "-",
        input=server.seed.api_key + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert server.seed.api_key not in done.stdout + done.stderr
    mode = stat.S_IMODE(cli.config.stat().st_mode)
    assert mode == 0o600
    saved = json.loads(cli.config.read_text())
    assert saved["current"] == "work"
    assert saved["profiles"]["work"] == {
        "base_url": server.base_url,
        "api_key": server.seed.api_key,
    }
    me = cli.json("whoami")
    assert me["org_id"] == server.seed.org_id and me["email"] == "admin@localhost"
    assert cli.json("--profile", "work", "whoami")["user_id"] == server.seed.user_id
    profiles = cli.json("profiles")
    assert profiles == [
        {"name": "work", "current": True, "base_url": server.base_url, "key": "file"}
    ]
    # the environment wins over the profile: a wrong key there is used, and refused
    assert cli.run("whoami", env={"PIPELINES_API_KEY": "pk_live_" + "1" * 40}).returncode == 3
    assert cli.run("--profile", "nope", "whoami").returncode == 1
    cli.ok("logout")
    assert json.loads(cli.config.read_text())["profiles"] == {}
    assert cli.run("whoami", env={"PIPELINES_BASE_URL": server.base_url}).returncode == 3


def test_login_with_keyring_keeps_the_key_out_of_the_file(server, tmp_path):
    ring = tmp_path / "ring.json"
    cli = Pipectl(
        tmp_path,
        {
            "PYTHON_KEYRING_BACKEND": "tests.client.cli_keyring.FileKeyring",
            "PIPECTL_TEST_KEYRING": str(ring),
        },
    )
    cli.ok("login", "--base-url", server.base_url, "--api-key", server.seed.api_key, "--keyring")
    assert server.seed.api_key not in cli.config.read_text()
    assert json.loads(cli.config.read_text())["profiles"]["default"]["keyring"] is True
    assert json.loads(ring.read_text()) == {"pipectl/default": server.seed.api_key}
    assert cli.json("whoami")["org_id"] == server.seed.org_id
    cli.ok("logout")
    assert json.loads(ring.read_text()) == {}


def test_login_without_a_key_waits_for_the_approval(server, tmp_path):
    cli = Pipectl(tmp_path)
    proc = subprocess.Popen(
        [*pipectl_command(), "login", "--base-url", server.base_url, "--wait", "120"],
        env=cli.environ(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        code = None
        seen = ""
        deadline = time.monotonic() + 60
        while code is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            seen += line
            found = re.search(r"\b([A-Z0-9]{4}-[A-Z0-9]{4})\b", line)
            code = found.group(1) if found else None
        assert code, seen
        assert "/cli-login" in seen
        approved = httpx.post(
            server.base_url + "/api/cli-login/approve",
            json={"user_code": code},
            headers={"Authorization": f"Bearer {server.seed.api_key}"},
        )
        assert approved.status_code == 200, approved.text
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    key = json.loads(cli.config.read_text())["profiles"]["default"]["api_key"]
    assert key.startswith("pk_live_") and key != server.seed.api_key
    assert key not in out + err
    assert cli.json("whoami")["user_id"] == server.seed.user_id


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_global_and_per_command_output(server, tmp_path, fmt):
    import yaml

    cli = logged_in(server, tmp_path)
    per_command = cli.ok("projects", "list", "--output", fmt)
    global_ = cli.ok("--output", fmt, "projects", "list")
    assert per_command == global_
    rows = yaml.safe_load(per_command)
    assert any(p["id"] == server.seed.project_id for p in rows)
    table = cli.ok("projects", "list")
    assert table.splitlines()[0].split()[:3] == ["ID", "NAME", "DESCRIPTION"]
