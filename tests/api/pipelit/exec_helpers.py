"""What the execution, chat and inbound tests share: Pipelit workflows seeded in the database
(the workflow, node and edge routes have tests of their own; the acceptance story builds its
workflow through them), polling an execution until it ends."""

from __future__ import annotations

import time

from pipelines_server.store.models import PipelitEdge, PipelitNode, PipelitWorkflow
from tests.api.helpers import database
from tests.api.pipelit.helpers import pipelit, slug

TERMINAL = ("completed", "failed", "cancelled")


def node(node_id: str, kind: str, **extra) -> dict:
    return {"node_id": node_id, "component_type": kind, "config": {"extra_config": extra}}


def edge(source: str, target: str, value: str = "") -> dict:
    return {
        "source_node_id": source,
        "target_node_id": target,
        "edge_type": "conditional" if value else "direct",
        "condition_value": value,
    }


def chain(*ids: str) -> list[dict]:
    return [edge(a, b) for a, b in zip(ids, ids[1:], strict=False)]


def seed_workflow(
    server,
    nodes: list[dict],
    edges: list[dict],
    *,
    org_id: int | None = None,
    owner_id: int | None = None,
    is_active: bool = True,
    name: str = "wf",
) -> str:
    """A Pipelit workflow with these nodes and edges; returns its slug."""
    wf_slug = slug()
    with database(server) as session:
        wf = PipelitWorkflow(
            org_id=org_id or server.seed.org_id,
            owner_id=owner_id or server.seed.user_id,
            slug=wf_slug,
            name=name,
            is_active=is_active,
        )
        session.add(wf)
        session.flush()
        for n in nodes:
            session.add(PipelitNode(workflow_id=wf.id, **n))
        for e in edges:
            session.add(PipelitEdge(workflow_id=wf.id, **e))
    return wf_slug


def wait_execution(server, execution_id: str, key: str | None = None, timeout: float = 120):
    """The execution's detail once it has ended."""
    deadline = time.monotonic() + timeout
    with pipelit(server, key) as api:
        while True:
            r = api.get(f"/executions/{execution_id}/")
            assert r.status_code == 200, r.text
            body = r.json()
            if body["status"] in TERMINAL or time.monotonic() > deadline:
                return body
            time.sleep(0.1)


def wait_status(server, execution_id: str, wanted: tuple[str, ...], key: str | None = None):
    deadline = time.monotonic() + 120
    with pipelit(server, key) as api:
        while True:
            body = api.get(f"/executions/{execution_id}/").json()
            if body["status"] in wanted or time.monotonic() > deadline:
                return body
            time.sleep(0.05)
