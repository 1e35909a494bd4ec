"""SDK tests: the SDK against real servers over HTTP (the `server` / `make_server` fixtures)."""

from __future__ import annotations

import uuid

import pytest

from pipelines_client import Client, RetryPolicy


def member_key(server) -> str:
    """A new member of the seeded organization, and a key of theirs."""
    from pipelines_server.domain import keys
    from tests.api.helpers import database, native

    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/users",
            json={"email": f"member-{unique('m')}@example.com", "role": "member"},
        )
        assert r.status_code == 201, r.text
    with database(server) as session:
        return keys.issue_key(session, server.seed.org_id, r.json()["id"], "member key")


def quick_retries(**kw) -> RetryPolicy:
    return RetryPolicy(**{"retries": 3, "backoff": 0.05, "max_backoff": 0.5, **kw})


@pytest.fixture
def sdk(server):
    with Client(server.base_url, server.seed.api_key, retry=quick_retries()) as client:
        yield client


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


FORM_FIELDS = [{"name": "label", "type": "select", "options": ["good", "bad"], "required": True}]


def human_definition(name: str | None = None) -> dict:
    """A workflow whose tasks wait at a person's form: they never finish on their own."""
    return {
        "name": name or unique("human"),
        "fields": [{"name": "text", "type": "short_text", "required": True}],
        "graph": {
            "nodes": [
                {"id": "start", "kind": "start"},
                {"id": "label", "kind": "subtask", "config": {"fields": FORM_FIELDS}},
                {"id": "end", "kind": "end"},
            ],
            "edges": [
                {"source": "start", "target": "label"},
                {"source": "label", "target": "end"},
            ],
        },
    }


def plain_definition(name: str | None = None) -> dict:
    """start -> end: a task finishes as soon as the engine picks it up."""
    return {"name": name or unique("plain"), "fields": [{"name": "text", "type": "short_text"}]}


@pytest.fixture
def human_wf(sdk, server):
    wf = sdk.workflows.create(server.seed.project_id, human_definition())
    sdk.workflows.activate(server.seed.project_id, wf.id)
    return wf.id


@pytest.fixture
def plain_wf(sdk, server):
    wf = sdk.workflows.create(server.seed.project_id, plain_definition())
    sdk.workflows.activate(server.seed.project_id, wf.id)
    return wf.id
