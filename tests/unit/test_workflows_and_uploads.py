from pathlib import Path

from pipelines_server.domain import uploads, workflows


def test_graph_check_lists_every_reason():
    errors = workflows.check_graph(
        {
            "nodes": [
                {"id": "s", "kind": "start"},
                {"id": "s2", "kind": "start"},
                {"id": "x", "kind": "teleport"},
                {"id": "x", "kind": "subtask"},
            ],
            "edges": [{"source": "s", "target": "ghost"}, {"source": "x", "target": "x"}],
        }
    )
    messages = " | ".join(e.message for e in errors)
    assert "Duplicate node id 'x'" in messages
    assert "unknown kind 'teleport'" in messages
    assert "'ghost' is not a node" in messages
    assert "to itself" in messages
    assert "exactly one start node, found 2" in messages
    assert "exactly one end node, found 0" in messages


def test_default_graph_is_valid():
    assert workflows.check_graph(workflows.DEFAULT_GRAPH) == []


def cfg(**kw):
    return uploads.UploadConfig(uploads_dir=Path("/tmp"), secret_key="k", **kw)


def test_upload_expiry_default_scaled_and_clamped():
    c = cfg(bytes_per_second=1000)
    assert uploads.expiry_seconds(None, c) == 3600
    assert uploads.expiry_seconds(10, c) == 3600
    assert uploads.expiry_seconds(7_200_000, c) == 7200
    assert uploads.expiry_seconds(10**12, c) == 12 * 3600


def test_signature_binds_upload_and_expiry():
    c = cfg()
    sig = uploads.sign(c, "u1", 100)
    assert sig == uploads.sign(c, "u1", 100)
    assert sig != uploads.sign(c, "u2", 100) and sig != uploads.sign(c, "u1", 101)
    other_secret = uploads.UploadConfig(uploads_dir=Path("/tmp"), secret_key="x")
    assert sig != uploads.sign(other_secret, "u1", 100)
