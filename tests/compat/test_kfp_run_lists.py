"""Listing runs through the real kfp SDK over 55 runs: pagination, sorting and upstream's
filters; malformed queries are 400s with the reason. The server's KFP runner is off here
(PIPELINES_KFP_RUNS=0), so runs stay PENDING unless terminated: lists, not execution, are
under test."""

from __future__ import annotations

import json

import httpx
import pytest

kfp = pytest.importorskip("kfp")

from tests.compat import kfp_pipelines as P  # noqa: E402


def _flt(*predicates) -> str:
    return json.dumps({"predicates": list(predicates)})


def test_pagination_sorting_and_filters_over_55_runs(make_server, tmp_path):
    server = make_server(env={"PIPELINES_KFP_RUNS": "0"})
    client = kfp.Client(host=server.base_url, existing_token=server.seed.api_key)
    package = tmp_path / "arith.yaml"
    kfp.compiler.Compiler().compile(P.arith, str(package))
    exp = client.create_experiment("lists")
    other = client.create_experiment("lists-other")
    ids = []
    for i in range(55):
        r = client.create_run_from_pipeline_package(
            str(package),
            arguments={"a": i},
            run_name=f"run-{i:02d}",
            experiment_id=(other if i >= 50 else exp).experiment_id,
        )
        ids.append(r.run_id)
    for i in range(0, 55, 5):
        client.terminate_run(ids[i])  # PENDING -> CANCELED at once
    client.archive_run(ids[1])

    seen, token = [], ""
    while True:
        page = client.list_runs(
            page_size=20,
            page_token=token,
            sort_by="display_name desc",
            filter=_flt(
                {"key": "display_name", "operation": "IS_SUBSTRING", "string_value": "run-"}
            ),
        )
        assert page.total_size == 55 and len(page.runs) <= 20
        seen += [r.display_name for r in page.runs]
        token = page.next_page_token
        if not token:
            break
    assert seen == [f"run-{i:02d}" for i in reversed(range(55))]

    canceled = client.list_runs(
        page_size=100,
        filter=_flt({"key": "state", "operation": "EQUALS", "stringValue": "CANCELED"}),
    )
    assert canceled.total_size == 11
    assert {r.run_id for r in canceled.runs} == {ids[i] for i in range(0, 55, 5)}

    in_exp = client.list_runs(experiment_id=exp.experiment_id, page_size=100)
    assert in_exp.total_size == 50
    archived = client.list_runs(
        page_size=100,
        filter=_flt({"key": "storage_state", "operation": 1, "string_value": "ARCHIVED"}),
    )
    assert [r.run_id for r in archived.runs] == [ids[1]]

    some = client.list_runs(
        page_size=100,
        filter=_flt(
            {
                "key": "display_name",
                "operation": "IN",
                "string_values": {"values": ["run-03", "run-07"]},
            },
            {"key": "state", "operation": "NOT_EQUALS", "string_value": "CANCELED"},
        ),
    )
    assert sorted(r.display_name for r in some.runs) == ["run-03", "run-07"]

    middle = client.get_run(ids[30]).created_at
    later = client.list_runs(
        page_size=100,
        sort_by="created_at",
        filter=_flt(
            {
                "key": "created_at",
                "operation": "GREATER_THAN",
                "timestamp_value": middle.isoformat(),
            }
        ),
    )
    assert [r.run_id for r in later.runs] == ids[31:]

    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    for params, reason in (
        ({"filter": "{oops"}, "Invalid filter"),
        ({"sort_by": "colour desc"}, "cannot sort on"),
        ({"page_token": "not-a-token"}, "page_token"),
        ({"filter": _flt({"key": "colour", "operation": "EQUALS", "string_value": "x"})}, "colour"),
    ):
        r = httpx.get(server.base_url + "/apis/v2beta1/runs", params=params, headers=headers)
        assert r.status_code == 400, r.text
        assert r.json()["code"] == 3 and reason in r.json()["message"], r.text
