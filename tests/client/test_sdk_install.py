"""The SDK installs on its own: `pip install ./client` in a fresh virtual environment brings
none of the server's dependencies, and the README's five-line example and that environment's
own `pipectl` run there against a real server (nothing of this checkout on the path)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_example() -> str:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Python SDK", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_fresh_venv_installs_the_client_alone_and_runs_the_readme_example(server, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV") and not k.startswith(("PIPELINES_", "PIPECTL_"))
    }
    env["HOME"] = str(tmp_path)  # no profile of the machine's user
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(ROOT / "client")],
        check=True,
        env=env,
        timeout=900,
    )
    probe = (
        "import importlib.util as u, sys; "
        "print([m for m in ('kfp', 'celery', 'sqlalchemy', 'pipelines_server') if u.find_spec(m)])"
    )
    found = subprocess.run(
        [str(python), "-c", probe], check=True, env=env, capture_output=True, text=True
    )
    assert found.stdout.strip() == "[]", found.stdout
    example = readme_example()
    assert len(example.strip().splitlines()) <= 6  # an import, a blank line and five lines at most
    run_env = {
        **env,
        "PIPELINES_BASE_URL": server.base_url,
        "PIPELINES_API_KEY": server.seed.api_key,
    }
    result = subprocess.run(
        [str(python), "-c", example],
        env=run_env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Translations" in result.stdout

    # The fresh environment's own pipectl: its version, whoami and a list as JSON.
    pipectl = venv / "bin" / "pipectl"
    assert pipectl.exists()

    def run(*args: str) -> str:
        done = subprocess.run(
            [str(pipectl), *args],
            env=run_env,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert done.returncode == 0, (args, done.stderr)
        return done.stdout

    version = subprocess.run(
        [str(python), "-c", "import pipelines_client; print(pipelines_client.__version__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert run("--version").strip() == version != ""
    assert f"org_id    {server.seed.org_id}" in run("whoami")
    projects = json.loads(run("projects", "list", "--output", "json"))
    assert "Translations" in [p["name"] for p in projects]
