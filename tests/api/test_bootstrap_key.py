"""The bootstrap's API key reaches its owner and never a service's log: written to a 0600 file,
printed only to a terminal."""

from __future__ import annotations

import os
import pty
import stat
import subprocess
import sys

import httpx

from tests.server import ROOT, start_server, stop_server


def _bootstrap(tmp, *, tty: bool) -> tuple[str, str]:
    env = {
        **os.environ,
        "PIPELINES_DATA_DIR": str(tmp),
        "PIPELINES_DATABASE_URL": f"sqlite:///{tmp / 'pipelines.db'}",
        "PIPELINES_LOG_LEVEL": "info",
    }
    argv = [sys.executable, "-m", "pipelines_server", "bootstrap"]
    if not tty:
        done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.decode(), done.stderr.decode()
    main, child = pty.openpty()
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=child, stderr=subprocess.PIPE)
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        out += chunk
    _, err = proc.communicate(timeout=120)
    os.close(main)
    assert proc.returncode == 0, err
    return out.decode(errors="replace"), err.decode()


def test_without_a_terminal_the_key_is_only_in_a_0600_file(tmp_path):
    out, err = _bootstrap(tmp_path, tty=False)
    key_file = tmp_path / "bootstrap-api-key"
    key = key_file.read_text().strip()
    assert key.startswith("pk_")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key not in out and key not in err  # a service's stdout and stderr are its log
    assert str(key_file) in err  # the log says where to find it

    server = start_server(
        tmp_path / "srv", database_url=f"sqlite:///{tmp_path / 'pipelines.db'}", seed=False
    )
    try:
        me = httpx.get(server.base_url + "/api/auth/me", headers={"X-API-Key": key})
        assert me.status_code == 200, me.text
    finally:
        stop_server(server)


def test_on_a_terminal_the_key_is_shown_once(tmp_path):
    out, err = _bootstrap(tmp_path, tty=True)
    key = (tmp_path / "bootstrap-api-key").read_text().strip()
    assert out.count(key) == 1
    assert key not in err
