"""Run `pipectl` as a user does: the installed entry point in a subprocess, with a throwaway
HOME and config file (never the real ones) and the keyring switched off unless a test
chooses a backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pipectl_command() -> list[str]:
    """The installed `pipectl` script beside this Python; `python -m` only where absent."""
    script = Path(sys.executable).with_name("pipectl")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "pipelines_client.cli"]


def source_path() -> str:
    """This checkout's packages first, so the code under test is this tree's."""
    paths = [ROOT / "client", ROOT / "generated", ROOT / "server", ROOT]
    return os.pathsep.join(str(p) for p in paths)


@dataclass
class Pipectl:
    home: Path
    env: dict = field(default_factory=dict)

    @property
    def config(self) -> Path:
        return self.home / "pipectl-config.json"

    def environ(self, extra: dict | None = None) -> dict:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PIPELINES_", "PIPECTL_")) and k != "XDG_CONFIG_HOME"
        }
        env.update(
            HOME=str(self.home),
            PIPECTL_CONFIG=str(self.config),
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
            PYTHONPATH=source_path(),
            COLUMNS="200",
            TERM="dumb",
            NO_COLOR="1",
        )
        env.update(self.env)
        env.update(extra or {})
        return {k: v for k, v in env.items() if v is not None}

    def run(
        self, *args: str, input: str | None = None, env: dict | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*pipectl_command(), *map(str, args)],
            env=self.environ(env),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.home,
        )

    def follow(self, *args: str, until, timeout: float = 300) -> list[str]:
        """Run a command that keeps printing (`events tail`), reading its stdout lines until
        `until(lines)` holds; then stop it. Fails if it ends or `timeout` passes first."""
        proc = subprocess.Popen(
            [*pipectl_command(), *map(str, args)],
            env=self.environ(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.home,
        )
        lines: list[str] = []
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            for line in proc.stdout:
                lines.append(line.rstrip("\n"))
                if until(lines):
                    return lines
            raise AssertionError(
                f"{args} ended (exit {proc.wait()}) before the expected output: "
                f"{lines[-20:]} {proc.stderr.read()[-2000:]}"
            )
        finally:
            timer.cancel()
            if proc.poll() is None:
                proc.terminate()
            proc.wait(60)
            proc.stdout.close()
            proc.stderr.close()

    def ok(self, *args: str, **kwargs) -> str:
        done = self.run(*args, **kwargs)
        assert done.returncode == 0, (args, done.returncode, done.stdout, done.stderr)
        return done.stdout

    def json(self, *args: str, **kwargs):
        return json.loads(self.ok(*args, "--output", "json", **kwargs))


def logged_in(server, home: Path) -> Pipectl:
    """A pipectl whose environment points at `server` with its seeded key."""
    home.mkdir(parents=True, exist_ok=True)
    return Pipectl(
        home, {"PIPELINES_BASE_URL": server.base_url, "PIPELINES_API_KEY": server.seed.api_key}
    )
