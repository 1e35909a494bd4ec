from datetime import UTC, datetime, timedelta

import pytest

from pipelines_server.domain import keys, tasks
from pipelines_server.shared.errors import BadRequest


def test_generated_keys_have_the_documented_shape():
    raw = keys.generate_key()
    assert keys.KEY_RE.match(raw) and len(raw) == 48
    assert keys.hash_key(raw) != raw and len(keys.hash_key(raw)) == 64
    assert keys.generate_key() != raw


def test_expiry_is_computed_from_now():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert keys.expiry_from_now(None, now) is None
    assert keys.expiry_from_now(30, now) == now + timedelta(days=30)
    assert keys.expiry_from_now(365, now) == now + timedelta(days=365)
    with pytest.raises(BadRequest):
        keys.expiry_from_now(45, now)


def test_cursor_round_trips_and_rejects_garbage():
    assert tasks.decode_cursor(tasks.encode_cursor(1001)) == 1001
    for bad in ("", "abc", "eyJsYXN0X2lkIjogMH0=", "eyJsYXN0X2lkIjogIngifQ==", "e30="):
        with pytest.raises(BadRequest):
            tasks.decode_cursor(bad)


def test_node_buckets_match_the_reference():
    assert {k for k, v in tasks.NODE_BUCKETS.items() if v == "in_progress"} == {
        "available",
        "claimed",
        "submitted",
        "escalated",
        "quarantined",
    }
    assert {k for k, v in tasks.NODE_BUCKETS.items() if v == "pending"} == {"pending", "deferred"}
    assert "na" not in tasks.NODE_BUCKETS
