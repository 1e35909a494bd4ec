"""isolation/sandbox.py without a server: the probe's outcomes, the refusal rule, the command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from pipelines_server.isolation.sandbox import Sandbox, SandboxUnavailable, _outermost


def test_bwrap_required_but_missing_raises_with_the_reason():
    with pytest.raises(SandboxUnavailable, match="/nonexistent does not exist"):
        Sandbox(mode="bwrap", bwrap="/nonexistent").probe()


def test_auto_without_bwrap_falls_back_and_refuses_a_second_organization():
    count = [1]
    box = Sandbox(mode="auto", bwrap="/nonexistent", count_orgs=lambda: count[0])
    box.probe()
    assert not box.active and "/nonexistent" in box.reason
    assert box.refusal() is None
    count[0] = 2
    assert "User code is refused" in box.refusal()
    box.allow_shared = True
    assert box.refusal() is None


def test_none_never_probes():
    box = Sandbox(mode="none", bwrap="/nonexistent", count_orgs=lambda: 1)
    box.probe()
    assert not box.active and box.reason == "PIPELINES_SANDBOX=none"


def test_outermost_drops_nested_paths():
    assert _outermost(["/usr/lib", "/usr", "/a/b", "/a/bc"]) == ["/a/b", "/a/bc", "/usr"]


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap not installed")
def test_the_sandbox_hides_the_host_and_its_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINES_UNIT_MARKER", "leak")
    secret = tmp_path / "secret"
    secret.write_text("s")
    box = Sandbox(mode="bwrap")
    box.probe()
    assert box.active
    script = (
        "import json, os\n"
        f"print(json.dumps([os.path.exists({str(secret)!r}), 'PIPELINES_UNIT_MARKER' in os.environ,"
        " [p for p in os.listdir('/proc') if p.isdigit()]]))"
    )
    argv = box.wrap([sys.executable, "-I", "-S", "-c", script], env={"PATH": "/usr/bin:/bin"})
    done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    exists, marker, pids = json.loads(done.stdout)
    assert not exists and not marker
    assert len(pids) <= 2, pids  # bwrap's init and this python: nothing of the host
