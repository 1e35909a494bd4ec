"""The real `pipelines-sdk` 0.1.15 (the public Python SDK and `pipelines` CLI of the native
API), pointed at a test server: the judge of `/api`, used unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pipelines import PipelinesClient


def sdk(server, key: str | None = None) -> PipelinesClient:
    """The SDK's client with the server's seeded admin key (or `key`); no retries, so that a
    test sees the first answer."""
    return PipelinesClient(
        api_key=key or server.seed.api_key, base_url=server.base_url, max_retries=0, timeout=120
    )


def cli(server, *args: str, key: str | None = None, tmp: Path | None = None, check=True):
    """Runs the SDK's `pipelines` command against the server, as a user would with
    PIPELINES_BASE_URL and PIPELINES_API_KEY set; returns the CompletedProcess. Its config
    file goes to `tmp` (never the developer's home)."""
    env = {
        **os.environ,
        "PIPELINES_BASE_URL": server.base_url,
        "PIPELINES_API_KEY": key or server.seed.api_key,
        "PIPELINES_CONFIG_FILE": str((tmp or server.data_dir) / "pipelines-cli.json"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    exe = Path(sys.executable).with_name("pipelines")
    proc = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(
            f"pipelines {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


def cli_json(server, *args: str, **kwargs):
    """`pipelines -o json ...`, parsed."""
    proc = cli(server, "-o", "json", *args, **kwargs)
    return json.loads(proc.stdout)
