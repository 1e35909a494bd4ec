"""Notifications through the real pipelines-sdk 0.1.15: list_notifications,
iter_notifications, get_notification, get_unread_notification_count,
mark_notifications_read (ids and all), the async client's requests, and the `pipelines
notifications list | unread-count | mark-read --ids/--all` commands."""

from __future__ import annotations

import asyncio

import pytest
from pipelines import AsyncPipelinesClient
from pipelines.errors import NotFoundError, ValidationError

from tests.api.engine.helpers import chain, flow, node, user_key
from tests.api.helpers import v1, wait_for
from tests.api.native.conftest import as_org
from tests.compat.sdk import cli, cli_json, sdk
from tests.server import seed_database

INPUT = [{"name": "text", "type": "short_text", "required": True}]
FORM = {"fields": [{"name": "label", "type": "short_text", "required": True}]}


@pytest.fixture
def org(server):
    """A fresh organization on the shared server."""
    return seed_database(server.database_url)


def assigned_work(server, user_id: int, count: int, owner_key: str) -> None:
    """`count` tasks whose subtask is assigned to `user_id`: one notification each."""
    wf = flow(
        server,
        [
            node("start", "start"),
            node("label", "subtask", assign_to=user_id, **FORM),
            node("end", "end"),
        ],
        chain("start", "label", "end"),
        INPUT,
    )
    with v1(server, owner_key) as api:
        rows = [{"fields": {"text": str(i)}} for i in range(count)]
        r = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": rows})
    assert r.status_code == 200, r.text


def test_every_sdk_notifications_method(server, org):
    user_id, key = user_key(server)
    _, owner = user_key(server)
    assigned_work(server, user_id, 3, owner)
    client = sdk(server, key)
    wait_for(lambda: client.get_unread_notification_count()["count"] == 3)

    page = client.list_notifications(page_size=2)
    assert page["total"] == 3 and page["has_more"] is True and len(page["items"]) == 2
    everything = list(client.iter_notifications(page_size=2))
    assert [n["id"] for n in everything[:2]] == [n["id"] for n in page["items"]]
    assert len(everything) == 3 and {n["type"] for n in everything} == {"work_assigned"}
    assert client.list_notifications(unread_only=True, type="work_assigned")["total"] == 3

    first = everything[0]
    assert client.get_notification(first["id"]) == first
    assert client.mark_notifications_read(notification_ids=[first["id"]]) == {
        "updated": 1,
        "unread_count": 2,
    }
    assert client.get_notification(first["id"])["read"] is True
    assert client.get_unread_notification_count() == {"count": 2}
    assert client.mark_notifications_read(all=True)["updated"] == 2
    assert client.get_unread_notification_count() == {"count": 0}

    # Another user, another organization: not found, and marking them changes nothing.
    for other in (sdk(server, owner), sdk(as_org(server, org))):
        with pytest.raises(NotFoundError):
            other.get_notification(first["id"])
        assert other.mark_notifications_read(notification_ids=[first["id"]])["updated"] == 0
        assert first["id"] not in [n["id"] for n in other.iter_notifications()]
    with pytest.raises(ValidationError):
        client.request("POST", "/api/notifications/mark-read", json={})


def test_async_client_reads_and_marks(server):
    user_id, key = user_key(server)
    _, owner = user_key(server)
    assigned_work(server, user_id, 1, owner)
    wait_for(lambda: sdk(server, key).get_unread_notification_count()["count"] == 1)

    async def run():
        async with AsyncPipelinesClient(
            api_key=key, base_url=server.base_url, max_retries=0, timeout=120
        ) as client:
            count = await client.request("GET", "/api/notifications/unread-count")
            listed = await client.request("GET", "/api/notifications", params={"unread_only": True})
            marked = await client.request(
                "POST",
                "/api/notifications/mark-read",
                json={"notification_ids": [listed["items"][0]["id"]]},
            )
            return count, listed, marked

    count, listed, marked = asyncio.run(run())
    assert count == {"count": 1} and listed["total"] == 1
    assert marked == {"updated": 1, "unread_count": 0}


def test_cli_notifications_commands(server, tmp_path):
    user_id, key = user_key(server)
    _, owner = user_key(server)
    assigned_work(server, user_id, 3, owner)
    wait_for(
        lambda: (
            cli_json(server, "notifications", "unread-count", key=key, tmp=tmp_path)["count"] == 3
        )
    )

    listed = cli_json(server, "notifications", "list", key=key, tmp=tmp_path)
    assert listed["total"] == 3
    ids = [n["id"] for n in listed["items"]]
    marked = cli_json(
        server, "notifications", "mark-read", "--ids", f"{ids[0]},{ids[1]}", key=key, tmp=tmp_path
    )
    assert marked == {"updated": 2, "unread_count": 1}
    assert cli_json(server, "notifications", "unread-count", key=key, tmp=tmp_path) == {"count": 1}
    marked = cli_json(server, "notifications", "mark-read", "--all", key=key, tmp=tmp_path)
    assert marked["updated"] == 1
    # The table output runs too.
    proc = cli(server, "notifications", "list", key=key, tmp=tmp_path)
    assert proc.returncode == 0
    assert cli_json(server, "notifications", "unread-count", key=key, tmp=tmp_path) == {"count": 0}
