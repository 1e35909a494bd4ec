"""Revoking one key from many requests at once records one revocation time: the spec makes
revoking again a no-op (200 with the key as it is), so every request answers the first
revocation's revoked_at, and that is the one stored.

A race shows only when requests interleave; on SQLite one round of twenty does not always
interleave, so several keys are raced, one after the other."""

from __future__ import annotations

import threading

import httpx

from tests.api.helpers import native

PARALLEL = 20
ROUNDS = 8


def test_twenty_parallel_revocations_record_one_revoked_at(server):
    for _ in range(ROUNDS):
        _race_one_key(server)


def _race_one_key(server) -> None:
    org = server.seed.org_id
    with native(server) as api:
        created = api.post(f"/organizations/{org}/api-keys", json={"name": "raced"})
        assert created.status_code == 201, created.text
        key_id = created.json()["id"]

    url = f"{server.base_url}/api/organizations/{org}/api-keys/{key_id}/revoke"
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    barrier = threading.Barrier(PARALLEL)
    answers: list[httpx.Response | BaseException] = [None] * PARALLEL  # type: ignore[list-item]

    def revoke(i: int) -> None:
        # One connection per thread, opened before the barrier, so the POSTs leave together.
        with httpx.Client(timeout=60) as c:
            c.get(server.base_url + "/api/health")
            barrier.wait()
            try:
                answers[i] = c.post(url, headers=headers)
            except BaseException as exc:  # noqa: BLE001 - reported below
                answers[i] = exc

    threads = [threading.Thread(target=revoke, args=(i,)) for i in range(PARALLEL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)

    for r in answers:
        assert isinstance(r, httpx.Response), r
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "revoked"
    stamps = {r.json()["revoked_at"] for r in answers}
    assert len(stamps) == 1, f"{len(stamps)} different revoked_at values: {sorted(stamps)}"

    with native(server) as api:
        listed = {k["id"]: k for k in api.get(f"/organizations/{org}/api-keys").json()}
        again = api.post(f"/organizations/{org}/api-keys/{key_id}/revoke")
    assert listed[key_id]["revoked_at"] == stamps.pop()
    assert again.status_code == 200 and again.json()["revoked_at"] == listed[key_id]["revoked_at"]
