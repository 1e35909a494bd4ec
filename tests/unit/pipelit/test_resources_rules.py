"""The pure rules of the resources area: epic/task ids and filters, dependencies, memory
success rates, URL redaction, the setup gate, workspace paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines_server.domain.pipelit import epics, memories, settings_view, workspaces
from pipelines_server.shared.errors import BadRequest


def test_ids():
    assert re.fullmatch(r"ep-[0-9a-f]{12}", epics.new_id("ep"))
    assert re.fullmatch(r"tk-[0-9a-f]{12}", epics.new_id("tk"))
    assert epics.new_id("tk") != epics.new_id("tk")


def test_tags_are_a_csv_or_filter():
    assert epics.parse_tags(" a, ,b ,") == ["a", "b"]
    assert epics.parse_tags(None) == []
    assert epics.has_any_tag(["x", "b"], ["a", "b"])
    assert not epics.has_any_tag(["x"], ["a"])
    assert not epics.has_any_tag(None, ["a"])


def test_dependencies():
    assert epics.all_done([], set())
    assert epics.all_done(["a"], {"a", "b"})
    assert not epics.all_done(["a", "c"], {"a"})


def test_success_rate():
    assert memories.success_rate(0, 0) == 0.5
    assert memories.success_rate(4, 3) == 0.75


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgresql+psycopg://u:pw@h:5432/db", "postgresql+psycopg://u:***@h:5432/db"),
        ("redis://:pw@h/0", "redis://:***@h/0"),
        ("sqlite:////var/x.db", "sqlite:////var/x.db"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("", ""),
    ],
)
def test_redact_url(url, expected):
    assert settings_view.redact_url(url) == expected


def test_gate():
    assert settings_view.gate("Linux", None, True) == {"passed": True, "blocked_reason": None}
    assert settings_view.gate("Linux", "docker", False)["passed"] is True
    assert settings_view.gate("Linux", None, False)["passed"] is False
    assert settings_view.gate("Darwin", None, True)["passed"] is False


def test_workspace_paths(tmp_path):
    root = workspaces.root_for(tmp_path, 7)
    assert root == (tmp_path / "pipelit-workspaces" / "7").resolve()
    assert workspaces.resolve_path(root, "w", None) == root / "w"
    assert workspaces.resolve_path(root, "w", str(root)) == root
    assert workspaces.resolve_path(root, "w", "sub/dir") == root / "sub" / "dir"
    for name, path in (("../x", None), ("w", "/etc"), ("w", str(root) + "2"), ("w", "../8")):
        with pytest.raises(BadRequest) as err:
            workspaces.resolve_path(root, name, path)
        assert err.value.message == f"Workspace path must be under {root}/"
    assert isinstance(root, Path)
