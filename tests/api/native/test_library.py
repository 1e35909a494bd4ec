"""The library on the native API: prompts, criteria and evaluations, organization-scoped and
versioned; soft delete; placeholders checked against the text; scoring one record."""

from __future__ import annotations

import uuid

import pytest

from tests.api.helpers import native
from tests.api.native.conftest import PAGE_KEYS, as_org
from tests.support.fake_openai import FakeOpenAI


def _name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def make(server, path: str, body: dict, key: str | None = None) -> dict:
    with native(server, key) as api:
        r = api.post(path, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def prompt_body(**extra) -> dict:
    return {
        "name": _name("prompt"),
        "prompt_text": "Write a concise answer for {{input}}.",
        "prompt_placeholders": [{"name": "input"}],
        "role": "user",
        **extra,
    }


def test_prompt_crud_and_versions(server):
    p = make(server, "/prompts", prompt_body(scope_type="org", org_id=server.seed.org_id))
    assert p["version"] == 1 and p["versions"] == 1 and p["org_id"] == server.seed.org_id
    assert p["prompt_placeholders"] == [{"name": "input"}] and p["scope_type"] == "org"
    with native(server) as api:
        r = api.put(
            f"/prompts/{p['id']}",
            json={
                "prompt_text": "Answer {{input}} in {{language}}.",
                "prompt_placeholders": [{"name": "input"}, {"name": "language"}],
            },
        )
        assert r.status_code == 200, r.text
        v2 = r.json()
        assert v2["version"] == 2 and v2["versions"] == 2 and v2["name"] == p["name"]
        latest = api.get(f"/prompts/{p['id']}").json()
        assert latest["version"] == 2 and "language" in latest["prompt_text"]
        old = api.get(f"/prompts/{p['id']}", params={"version": 1}).json()
        assert old["version"] == 1 and old["prompt_text"] == p["prompt_text"]
        assert old["versions"] == 2
        assert api.get(f"/prompts/{p['id']}/versions/1").json()["prompt_text"] == p["prompt_text"]
        versions = api.get(f"/prompts/{p['id']}/versions").json()
        assert set(versions) == PAGE_KEYS and [v["version"] for v in versions["items"]] == [2, 1]
        assert api.get(f"/prompts/{p['id']}/versions/3").status_code == 404
        assert api.get(f"/prompts/{p['id']}", params={"version": 9}).status_code == 404
        # delete is soft: gone from GET and lists
        assert api.delete(f"/prompts/{p['id']}").status_code == 204
        assert api.get(f"/prompts/{p['id']}").status_code == 404
        assert api.delete(f"/prompts/{p['id']}").status_code == 404
        listed = api.get("/prompts", params={"search": p["name"]}).json()
        assert listed["total"] == 0


def test_prompt_list_pages_and_search(server, org):
    srv = as_org(server, org)
    tag = uuid.uuid4().hex[:6]
    ids = [make(srv, "/prompts", prompt_body(name=f"Alpha {tag} {i}"))["id"] for i in range(3)]
    make(srv, "/prompts", prompt_body(name=f"Beta {tag}"))
    with native(srv) as api:
        body = api.get("/prompts", params={"page_size": 2, "search": f"alpha {tag}"}).json()
        assert body["total"] == 3 and body["has_more"] is True
        assert [i["id"] for i in body["items"]] == ids[::-1][:2]
        body = api.get("/prompts", params={"page": 2, "page_size": 2, "search": "ALPHA"}).json()
        assert [i["id"] for i in body["items"]] == ids[:1] and body["has_more"] is False
        assert api.get("/prompts").json()["total"] == 4


def test_placeholders_must_match_the_text(server):
    with native(server) as api:
        r = api.post(
            "/prompts",
            json=prompt_body(
                prompt_text="Hello {{name}} from {{ city }}",
                prompt_placeholders=[{"name": "name"}, {"name": "country"}],
            ),
        )
        assert r.status_code == 422, r.text
        text = r.text
        assert "city" in text and "country" in text
        # omitted: derived from the text
        r = api.post("/prompts", json={"name": _name("p"), "prompt_text": "Hi {{who}}"})
        assert r.status_code == 201 and r.json()["prompt_placeholders"] == [{"name": "who"}]
        r = api.post("/prompts", json={"name": _name("p"), "prompt_text": "x", "role": "robot"})
        assert r.status_code in (400, 422)


def test_another_organizations_items_are_not_found(server, org):
    other = as_org(server, org)
    p = make(server, "/prompts", prompt_body())
    with native(other) as api:
        assert api.get(f"/prompts/{p['id']}").status_code == 404
        assert api.put(f"/prompts/{p['id']}", json={"description": "x"}).status_code == 404
        assert api.delete(f"/prompts/{p['id']}").status_code == 404
        # another org's id in the body is never written there
        r = api.post("/prompts", json=prompt_body(org_id=server.seed.org_id))
        assert r.status_code == 404
    with native(server) as api:
        assert api.get(f"/prompts/{p['id']}").status_code == 200


def test_criteria_validation(server):
    bad = [
        {"type": "programmatic", "config": {"subtype": "nope"}},
        {"type": "programmatic", "config": {"subtype": "regex", "pattern": "("}},
        {"type": "programmatic", "config": {"subtype": "contains_keywords"}},
        {"type": "programmatic", "config": {"subtype": "threshold"}},
        {"type": "llm_judge", "config": {"prompt_text": "judge {{output}}"}},
        {"type": "other"},
    ]
    with native(server) as api:
        for body in bad:
            r = api.post("/criteria", json={"name": _name("c"), **body})
            assert r.status_code == 422, (body, r.text)


def criterion(server, config: dict, kind: str = "programmatic", **extra) -> dict:
    return make(
        server, "/criteria", {"name": _name("crit"), "type": kind, "config": config, **extra}
    )


def test_evaluations_are_built_from_criteria_and_pin_versions(server):
    exact = criterion(server, {"subtype": "exact_match"}, output_schema={"type": "boolean"})
    kw = criterion(server, {"subtype": "contains_keywords", "keywords": ["paris"], "mode": "any"})
    ev = make(
        server,
        "/evaluations",
        {
            "name": _name("eval"),
            "criteria": [{"criterion_id": exact["id"]}, {"criterion_id": kw["id"], "weight": 2}],
        },
    )
    assert [c["version"] for c in ev["criteria"]] == [1, 1]
    assert ev["criteria"][1]["weight"] == 2
    with native(server) as api:
        r = api.post(
            "/evaluations", json={"name": _name("e"), "criteria": [{"criterion_id": 999999999}]}
        )
        assert r.status_code == 422 and "999999999" in r.text
        assert r.json()["detail"][0]["loc"][:3] == ["body", "criteria", 0]
        r = api.post(
            "/evaluations",
            json={"name": _name("e"), "criteria": [{"criterion_id": exact["id"], "version": 5}]},
        )
        assert r.status_code == 422 and "version 5" in r.text
        score = api.post(
            f"/evaluations/{ev['id']}/score",
            json={"variables": {"output": "Paris", "expected": "Paris"}},
        ).json()
        assert score["passed"] is True and score["score"] == 1
        score = api.post(
            f"/evaluations/{ev['id']}/score",
            json={"variables": {"output": "Paris is nice", "expected": "Paris"}},
        ).json()
        assert score["passed"] is False
        assert [c["passed"] for c in score["criteria"]] == [False, True]
        assert score["score"] == pytest.approx(2 / 3, abs=1e-4)
        # a new criterion version does not change the pinned evaluation version
        r = api.put(
            f"/criteria/{kw['id']}",
            json={"config": {**kw["config"], "mode": "all", "keywords": ["paris", "x"]}},
        )
        assert r.status_code == 200 and r.json()["version"] == 2
        score = api.post(
            f"/evaluations/{ev['id']}/score",
            json={"variables": {"output": "Paris", "expected": "Paris"}},
        ).json()
        assert score["passed"] is True
        # a threshold below 1: the weighted mean decides
        r = api.put(f"/evaluations/{ev['id']}", json={"pass_threshold": 0.6})
        assert r.status_code == 200 and r.json()["version"] == 2
        score = api.post(
            f"/evaluations/{ev['id']}/score",
            json={"version": 2, "variables": {"output": "Paris!", "expected": "Paris"}},
        ).json()
        assert score["passed"] is True and score["criteria"][1]["version"] == 1


def test_deleted_criterion_cannot_join_new_evaluations(server):
    c = criterion(server, {"subtype": "regex", "pattern": "^a"})
    ev = make(server, "/evaluations", {"name": _name("e"), "criteria": [{"criterion_id": c["id"]}]})
    with native(server) as api:
        assert api.delete(f"/criteria/{c['id']}").status_code == 204
        r = api.post(
            "/evaluations", json={"name": _name("e"), "criteria": [{"criterion_id": c["id"]}]}
        )
        assert r.status_code == 422
        # the evaluation that already uses it keeps scoring with it
        score = api.post(f"/evaluations/{ev['id']}/score", json={"variables": {"output": "abc"}})
        assert score.status_code == 200 and score.json()["passed"] is True


def test_llm_judge_criterion_uses_the_org_credential(server, org):
    srv = as_org(server, org)
    with FakeOpenAI(
        api_key="sk-judge-key",
        script=['{"score": 0.9, "reason": "good"}', '{"score": 0.2, "reason": "bad"}'],
    ) as llm:
        with native(srv) as api:
            r = api.post(
                f"/organizations/{org.org_id}/credentials",
                json={
                    "name": "judge",
                    "base_url": llm.base_url,
                    "api_key": "sk-judge-key",
                    "models": ["judge-model"],
                },
            )
            assert r.status_code == 201 and r.json()["models"] == ["judge-model"]
        judge = criterion(
            srv,
            {
                "prompt_text": "Is {{output}} right for {{expected}}?",
                "model_slug": "judge-model",
                "pass_threshold": 0.5,
            },
            kind="llm_judge",
        )
        ev = make(
            srv, "/evaluations", {"name": _name("e"), "criteria": [{"criterion_id": judge["id"]}]}
        )
        with native(srv) as api:
            good = api.post(
                f"/evaluations/{ev['id']}/score",
                json={"variables": {"output": "4", "expected": "2+2"}},
            ).json()
            bad = api.post(
                f"/evaluations/{ev['id']}/score",
                json={"variables": {"output": "5", "expected": "2+2"}},
            ).json()
        assert good["passed"] is True and good["score"] == pytest.approx(0.9)
        assert good["criteria"][0]["message"] == "good"
        assert bad["passed"] is False and bad["score"] == pytest.approx(0.2)
        sent = llm.requests[0]["json"]
        assert sent["model"] == "judge-model"
        assert "Is 4 right for 2+2?" in sent["messages"][-1]["content"]


def test_judge_without_a_serving_credential_fails_the_criterion(server):
    judge = criterion(
        server,
        {"prompt_text": "Judge {{output}}", "model_slug": f"nobody-{uuid.uuid4().hex[:6]}"},
        kind="llm_judge",
    )
    ev = make(
        server, "/evaluations", {"name": _name("e"), "criteria": [{"criterion_id": judge["id"]}]}
    )
    with native(server) as api:
        r = api.post(f"/evaluations/{ev['id']}/score", json={"variables": {"output": "x"}})
    assert r.status_code == 200
    assert r.json()["passed"] is False and "not available" in r.json()["criteria"][0]["message"]


def test_idempotent_create(server):
    body = prompt_body()
    key = uuid.uuid4().hex
    with native(server) as api:
        a = api.post("/prompts", json=body, headers={"Idempotency-Key": key})
        b = api.post("/prompts", json=body, headers={"Idempotency-Key": key})
        c = api.post(
            "/prompts", json={**body, "description": "x"}, headers={"Idempotency-Key": key}
        )
    assert a.status_code == b.status_code == 201 and a.json()["id"] == b.json()["id"]
    assert c.status_code == 409


def test_parallel_updates_each_write_their_own_version(server):
    from concurrent.futures import ThreadPoolExecutor

    p = make(server, "/prompts", prompt_body())

    def update(i: int) -> int:
        with native(server) as api:
            return api.put(f"/prompts/{p['id']}", json={"description": f"d{i}"}).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(update, range(8)))
    assert set(statuses) <= {200, 409}, statuses
    with native(server) as api:
        versions = api.get(f"/prompts/{p['id']}/versions", params={"page_size": 50}).json()
    numbers = sorted(v["version"] for v in versions["items"])
    assert numbers == list(range(1, statuses.count(200) + 2))
