"""Whose llm credential a node may name and a run may use, over real HTTP: the caller's own
(an admin: any of the organization's) at node create and update (422 otherwise); at run time
only what the workflow's owner may use, whoever starts the run."""

from __future__ import annotations

import uuid

from pipelines_server.store.models import PipelitCredential
from tests.api.engine.helpers import user_key
from tests.api.helpers import database, native
from tests.api.pipelit.exec_helpers import chain, node, seed_workflow, wait_execution
from tests.api.pipelit.helpers import pipelit, slug
from tests.support.fake_openai import FAKE_OPENAI_KEY, FakeOpenAI

REFUSED = "Value error, llm_credential_id must name one of your credentials"


def llm_credential(server, user_id: int, base_url: str = "http://127.0.0.1:9/v1") -> int:
    """A Pipelit llm credential of `user_id` backed by a native credential on `base_url`."""
    with native(server) as api:
        r = api.post(
            f"/organizations/{server.seed.org_id}/credentials",
            json={
                "name": f"fake-{uuid.uuid4().hex[:8]}",
                "base_url": base_url,
                "api_key": FAKE_OPENAI_KEY,
                "models": ["fake-model"],
            },
        )
    assert r.status_code == 201, r.text
    with database(server) as session:
        cred = PipelitCredential(
            org_id=server.seed.org_id,
            user_id=user_id,
            name="llm",
            credential_type="llm",
            detail={},
            credential_id=r.json()["id"],
        )
        session.add(cred)
        session.flush()
        return cred.id


def _workflow(api) -> str:
    s = slug()
    assert api.post("/workflows/", json={"name": "w", "slug": s}).status_code == 201
    return s


def test_a_member_may_not_name_another_users_credential_on_a_node(server):
    member_id, member = user_key(server)
    admins = llm_credential(server, server.seed.user_id)
    own = llm_credential(server, member_id)
    with pipelit(server, member) as api:
        s = _workflow(api)
        body = {"component_type": "ai_model", "config": {"llm_credential_id": admins}}
        r = api.post(f"/workflows/{s}/nodes/", json=body)
        assert r.status_code == 422, r.text
        (item,) = r.json()["detail"]
        assert (item["loc"], item["msg"]) == (["body", "config", "llm_credential_id"], REFUSED)
        for missing in (987654321, 2**63 - 1, -1, 0):
            body = {"component_type": "ai_model", "config": {"llm_credential_id": missing}}
            assert api.post(f"/workflows/{s}/nodes/", json=body).status_code == 422
        body = {"component_type": "ai_model", "config": {"llm_credential_id": own}}
        r = api.post(f"/workflows/{s}/nodes/", json=body)
        assert r.status_code == 201, r.text
        node_id = r.json()["node_id"]
        assert r.json()["config"]["llm_credential_id"] == own
        r = api.patch(
            f"/workflows/{s}/nodes/{node_id}/", json={"config": {"llm_credential_id": admins}}
        )
        assert r.status_code == 422, r.text
        assert r.json()["detail"][0]["msg"] == REFUSED
        (got,) = api.get(f"/workflows/{s}/nodes/").json()
        assert got["config"]["llm_credential_id"] == own
        # Other kinds do not keep model fields, so they name nothing.
        body = {"component_type": "agent", "config": {"llm_credential_id": admins}}
        assert api.post(f"/workflows/{s}/nodes/", json=body).status_code == 201
    with pipelit(server) as api:  # an admin may use the organization's credentials
        s = _workflow(api)
        body = {"component_type": "ai_model", "config": {"llm_credential_id": own}}
        assert api.post(f"/workflows/{s}/nodes/", json=body).status_code == 201


def _agent_flow(server, cred_id: int, owner_id: int) -> str:
    nodes = [
        node("trigger_manual_1", "trigger_manual"),
        node("agent_1", "agent"),
        {
            **node("model", "ai_model"),
            "config": {"llm_credential_id": cred_id, "model_name": "fake-model"},
        },
    ]
    edges = [
        *chain("trigger_manual_1", "agent_1"),
        {**chain("model", "agent_1")[0], "edge_label": "llm"},
    ]
    return seed_workflow(server, nodes, edges, owner_id=owner_id)


def test_a_run_uses_only_credentials_the_workflows_owner_may_use(server):
    """A member's workflow naming the admin's credential (stored before the check existed,
    or by any other way) runs without that model; an admin owner's may use a member's."""
    member_id, member = user_key(server)
    with FakeOpenAI() as llm:
        admins = llm_credential(server, server.seed.user_id, llm.base_url)
        members = llm_credential(server, member_id, llm.base_url)
        theirs = _agent_flow(server, admins, owner_id=member_id)
        with pipelit(server, member) as api:
            r = api.post(f"/workflows/{theirs}/execute/", json={"text": "x"})
            assert r.status_code == 200, r.text
            detail = api.get(f"/executions/{r.json()['execution_id']}/").json()
        assert detail["status"] == "failed"
        assert detail["error_message"] == "Node agent_1 (agent) requires a model connection"
        # An admin's workflow may use a member's credential (an admin's are the org's).
        mine = _agent_flow(server, members, owner_id=server.seed.user_id)
        with pipelit(server) as api:
            r = api.post(f"/workflows/{mine}/execute/", json={"text": "hello"})
            assert r.status_code == 200, r.text
        detail = wait_execution(server, r.json()["execution_id"])
        assert detail["status"] == "completed", detail
        assert detail["final_output"] == {"message": "HELLO"}
