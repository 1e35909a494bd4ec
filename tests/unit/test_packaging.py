"""What each install brings: `make serve` only the server's run-time dependencies (the test and
developer tools come with `make test` / `make install`), and the client distribution none of the
server's (a caller on another machine installs neither kfp, Celery nor SQLAlchemy)."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib

from tests.server import ROOT

DEV_TOOLS = {
    "pytest",
    "pytest-xdist",
    "schemathesis",
    "hypothesis",
    "ruff",
    "openapi-python-client",
}


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[=<>!~ ;]", r, maxsplit=1)[0].lower() for r in requirements}


def test_make_serve_installs_only_the_server():
    # (under `make test` the outer make's flags would add "Entering directory" lines)
    outer = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
    plan = subprocess.run(
        ["make", "--no-print-directory", "-n", "-B", "serve"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k not in outer},
    ).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line]
    assert any(line.rstrip().endswith("-e .") for line in installs), plan
    assert plan.rstrip().splitlines()[-1].endswith("pipelines-server serve"), plan
    assert not any("[dev]" in line or "./client" in line for line in installs), plan
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not names(project["dependencies"]) & DEV_TOOLS


def test_the_client_needs_none_of_the_servers_dependencies():
    client = tomllib.loads((ROOT / "client" / "pyproject.toml").read_text())["project"]
    assert not names(client["dependencies"]) & {"kfp", "celery", "sqlalchemy", "alembic", "flask"}
    server = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # Pinned, and on the same versions as the server where both use a library.
    pins = dict(r.split("==", 1) for r in server["dependencies"] if "==" in r)
    for requirement in client["dependencies"]:
        name, _, version = requirement.partition("==")
        assert version, f"{requirement} is not pinned"
        if name in pins:
            assert pins[name] == version, f"{name}: client {version}, server {pins[name]}"
