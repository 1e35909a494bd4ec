"""The README's "Run your kfp pipelines here" script, run as written (with the test
server's address and key) in a fresh Python process."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("kfp")

README = Path(__file__).resolve().parents[2] / "README.md"


def _script() -> str:
    text = README.read_text()
    section = text.split("## Run your kfp pipelines here", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_kfp_script_runs_as_written(server, tmp_path):
    script = _script()
    assert 'HOST, KEY = "http://127.0.0.1:8000", "pk_live_..."' in script
    script = script.replace("http://127.0.0.1:8000", server.base_url).replace(
        "pk_live_...", server.seed.api_key
    )
    path = tmp_path / "readme_kfp.py"
    path.write_text(script)
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "state: SUCCEEDED" in out
    assert "add-twice SUCCEEDED {'Output': 16}" in out  # (3 + 3) + 10
    assert "report SUCCEEDED" in out
