"""Dataset evaluation on the native API: config, preview (synchronous) and runs (a job with
stored row results and a summary), with rule-based and LLM-judged library criteria; the
LLM-judged ones go through the organization's OpenAI-compatible credential (a local fake)."""

from __future__ import annotations

import time
import uuid

import pytest

from tests.api.helpers import native
from tests.api.native.conftest import as_org
from tests.api.native.test_datasets import TERMINAL, imported
from tests.support.fake_openai import FakeOpenAI

QA = "question,answer,expected\n2+2?,4,4\nCapital of France?,Lyon,Paris\nSky?,blue,Blue\n"


def _name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def exact_evaluation(server, key: str | None = None, **config) -> dict:
    with native(server, key) as api:
        crit = api.post(
            "/criteria",
            json={
                "name": _name("exact"),
                "type": "programmatic",
                "config": {"subtype": "exact_match", **config},
            },
        )
        assert crit.status_code == 201, crit.text
        ev = api.post(
            "/evaluations",
            json={"name": _name("ev"), "criteria": [{"criterion_id": crit.json()["id"]}]},
        )
        assert ev.status_code == 201, ev.text
    return ev.json()


def wait_run(api, dataset_id: int, job_id: str) -> dict:
    end = time.monotonic() + 120
    while True:
        r = api.get(f"/datasets/{dataset_id}/eval-run/{job_id}")
        assert r.status_code == 200, r.text
        if r.json()["status"] in TERMINAL:
            return r.json()
        assert time.monotonic() < end, r.json()
        time.sleep(0.2)


def test_eval_config_suggests_a_mapping_and_lists_evaluations(server):
    ev = exact_evaluation(server)
    _, ds = imported(server, QA)
    with native(server) as api:
        config = api.get(f"/datasets/{ds['id']}/eval-config").json()
    assert config["suggested_mapping"] == {"output": "answer", "expected": "expected"}
    assert [c["name"] for c in config["columns"]] == ["question", "answer", "expected"]
    assert ev["id"] in [e["id"] for e in config["evaluations"]]
    assert config["max_preview_rows"] == 20 and "record" in config["variables"]


def test_preview_scores_the_first_rows_with_the_suggested_mapping(server):
    ev = exact_evaluation(server)
    _, ds = imported(server, QA)
    with native(server) as api:
        r = api.post(
            f"/datasets/{ds['id']}/eval-preview", json={"evaluation_id": ev["id"], "limit": 2}
        )
        assert r.status_code == 200, r.text
        body = r.json()
    assert [row["passed"] for row in body["rows"]] == [True, False]
    assert body["rows"][1]["data"]["expected"] == "Paris"
    assert body["summary"]["rows_scored"] == 2 and body["summary"]["pass_rate"] == 0.5
    assert body["version"] == ev["version"]


def test_run_stores_results_and_summarizes(server):
    ev = exact_evaluation(server, case_sensitive=False)
    _, ds = imported(server, QA)
    with native(server) as api:
        r = api.post(
            f"/datasets/{ds['id']}/eval-run",
            json={
                "evaluation_id": ev["id"],
                "column_mapping": {"output": "answer", "expected": "expected"},
            },
        )
        assert r.status_code == 202, r.text
        assert r.json()["status"] == "queued" and r.json()["total"] == 3
        run = wait_run(api, ds["id"], r.json()["job_id"])
        assert run["status"] == "completed", run
        summary = run["summary"]
        assert summary["rows_scored"] == 3 and summary["passed_count"] == 2
        assert summary["pass_rate"] == pytest.approx(2 / 3)
        assert summary["mean_score"] == pytest.approx(2 / 3)
        assert summary["criteria"][0]["pass_rate"] == pytest.approx(2 / 3)
        assert [x["passed"] for x in run["results"]] == [True, False, True]
        page = api.get(
            f"/datasets/{ds['id']}/eval-run/{run['job_id']}", params={"page": 2, "page_size": 2}
        ).json()
        assert [x["row_index"] for x in page["results"]] == [2]
        # Another dataset's path does not reach this run.
        _, other = imported(server, QA)
        assert api.get(f"/datasets/{other['id']}/eval-run/{run['job_id']}").status_code == 404


def test_bad_requests_name_what_is_wrong(server, org):
    ev = exact_evaluation(server)
    _, ds = imported(server, "question,text\nq,t\n")
    url = f"/datasets/{ds['id']}"
    with native(server) as api:
        r = api.post(f"{url}/eval-run", json={"evaluation_id": ev["id"]})
        assert r.status_code == 422 and "output" in r.text  # no column looks like an output
        r = api.post(
            f"{url}/eval-run",
            json={"evaluation_id": ev["id"], "column_mapping": {"output": "nope"}},
        )
        assert r.status_code == 422 and "nope" in r.text
        assert r.json()["detail"][0]["loc"] == ["body", "column_mapping", "output"]
        r = api.post(
            f"{url}/eval-preview",
            json={"evaluation_id": 99999999, "column_mapping": {"output": "text"}},
        )
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "evaluation_id"]
        r = api.post(
            f"{url}/eval-preview",
            json={"evaluation_id": ev["id"], "version": 7, "column_mapping": {"output": "text"}},
        )
        assert r.status_code == 422
        r = api.post(
            f"{url}/eval-preview",
            json={"evaluation_id": ev["id"], "column_mapping": {"output": "text"}, "limit": 21},
        )
        assert r.status_code == 422 and "20" in r.text
        assert api.get(f"{url}/eval-run/not-a-job").status_code == 404
    # Another organization's evaluation cannot be used; its dataset is not found.
    other_ev = exact_evaluation(as_org(server, org), key=org.api_key)
    with native(server) as api:
        r = api.post(
            f"{url}/eval-preview",
            json={"evaluation_id": other_ev["id"], "column_mapping": {"output": "text"}},
        )
        assert r.status_code == 422
    with native(server, org.api_key) as api:
        assert api.get(f"{url}/eval-config").status_code == 404


def test_llm_judged_criteria_use_the_org_credential(server, org):
    srv = as_org(server, org)
    answers = ['{"score": 0.9, "reason": "right"}', '{"score": 0.1, "reason": "wrong"}'] * 3
    with FakeOpenAI(api_key="sk-ds-judge", script=answers) as llm:
        with native(srv, org.api_key) as api:
            r = api.post(
                f"/organizations/{org.org_id}/credentials",
                json={
                    "name": "judge",
                    "base_url": llm.base_url,
                    "api_key": "sk-ds-judge",
                    "models": ["ds-judge"],
                },
            )
            assert r.status_code == 201, r.text
            crit = api.post(
                "/criteria",
                json={
                    "name": _name("judge"),
                    "type": "llm_judge",
                    "config": {
                        "prompt_text": "Q: {{question}} A: {{output}} (want {{expected}})",
                        "model_slug": "ds-judge",
                        "pass_threshold": 0.5,
                    },
                },
            ).json()
            ev = api.post(
                "/evaluations",
                json={"name": _name("ev"), "criteria": [{"criterion_id": crit["id"]}]},
            ).json()
        _, ds = imported(srv, QA)
        with native(srv, org.api_key) as api:
            preview = api.post(
                f"/datasets/{ds['id']}/eval-preview", json={"evaluation_id": ev["id"], "limit": 2}
            ).json()
            assert [row["passed"] for row in preview["rows"]] == [True, False]
            assert preview["rows"][0]["criteria"][0]["message"] == "right"
            assert "Q: 2+2? A: 4 (want 4)" in llm.requests[0]["json"]["messages"][-1]["content"]
            r = api.post(f"/datasets/{ds['id']}/eval-run", json={"evaluation_id": ev["id"]})
            run = wait_run(api, ds["id"], r.json()["job_id"])
        assert run["status"] == "completed", run
        assert [x["score"] for x in run["results"]] == pytest.approx([0.9, 0.1, 0.9])
        assert run["summary"]["passed_count"] == 2
        assert len(llm.requests) == 5


class _WatchingJudge(FakeOpenAI):
    """A judge that, while it answers, looks for a PostgreSQL transaction of the server's
    database left open since before the call (what scoring inside a session would hold)."""

    def __init__(self, database_url: str, **kw):
        super().__init__(**kw)
        from sqlalchemy import create_engine

        self.engine = create_engine(database_url)
        self.held: list[int] = []

    def respond(self, request: dict, index: int):
        from sqlalchemy import text

        time.sleep(1.0)
        with self.engine.connect() as conn:
            held = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                    " AND xact_start < now() - interval '0.8 seconds'"
                )
            ).scalar()
        self.held.append(held)
        return super().respond(request, index)


def test_llm_judges_are_called_with_no_transaction_open(server, org):
    if not server.database_url.startswith("postgresql"):
        pytest.skip("open transactions are observed in PostgreSQL's pg_stat_activity")
    srv = as_org(server, org)
    answers = ['{"score": 0.9, "reason": "right"}'] * 6
    judge = _WatchingJudge(server.database_url, api_key="sk-ds-watch", script=answers)
    with judge as llm:
        with native(srv, org.api_key) as api:
            r = api.post(
                f"/organizations/{org.org_id}/credentials",
                json={
                    "name": "watch",
                    "base_url": llm.base_url,
                    "api_key": "sk-ds-watch",
                    "models": ["ds-watch"],
                },
            )
            assert r.status_code == 201, r.text
            crit = api.post(
                "/criteria",
                json={
                    "name": _name("watch"),
                    "type": "llm_judge",
                    "config": {"prompt_text": "A: {{output}}", "model_slug": "ds-watch"},
                },
            ).json()
            ev = api.post(
                "/evaluations",
                json={"name": _name("ev"), "criteria": [{"criterion_id": crit["id"]}]},
            ).json()
        _, ds = imported(srv, QA)
        with native(srv, org.api_key) as api:
            preview = api.post(
                f"/datasets/{ds['id']}/eval-preview", json={"evaluation_id": ev["id"], "limit": 1}
            )
            assert preview.status_code == 200, preview.text
            assert preview.json()["rows"][0]["passed"] is True
            r = api.post(
                f"/datasets/{ds['id']}/eval-run", json={"evaluation_id": ev["id"], "limit": 1}
            )
            run = wait_run(api, ds["id"], r.json()["job_id"])
        assert run["status"] == "completed", run
    judge.engine.dispose()
    assert judge.held == [0, 0]
