"""Mounts a caller adds to a sandbox (KFP volumes, secrets, the workspace) may not cover what
the sandbox binds itself, nor the caller's own paths."""

from __future__ import annotations

import sys

from pipelines_server.isolation.sandbox import SANDBOX_EXEC, Sandbox


def test_mounts_over_the_sandboxes_own_binds_are_refused():
    box = Sandbox(mode="bwrap")
    for target in ("/usr", "/usr/lib/x", "/", "/proc", "/dev/shm", "/tmp", SANDBOX_EXEC):
        assert box.mount_conflict(target), target
    assert box.mount_conflict(sys.base_prefix + "/lib")
    assert box.mount_conflict("/srv/task", own=["/srv/task/sub"])


def test_mounts_elsewhere_are_allowed():
    box = Sandbox(mode="bwrap")
    for target in ("/data", "/mnt/my_vol", "/kfp-workspace", "/run/kfp/volume"):
        assert box.mount_conflict(target, own=["/srv/task"]) is None, target
