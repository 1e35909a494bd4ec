"""The real kfp SDK (2.17.0) and kfp-server-api against a running server: healthz and
experiments (issue 4's first slice)."""

from __future__ import annotations

import json

import httpx
import pytest

kfp = pytest.importorskip("kfp")
kfp_server_api = pytest.importorskip("kfp_server_api")


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


def test_client_reads_healthz_on_both_base_paths(server, client):
    health = client.get_kfp_healthz()
    assert health.multi_user is False
    r = httpx.get(server.base_url + "/pipeline/apis/v2beta1/healthz")
    assert r.status_code == 200 and r.json()["multi_user"] is False


def test_experiment_lifecycle_through_the_sdk(client):
    exp = client.create_experiment("kfp-exp-a", description="first")
    assert exp.experiment_id and exp.display_name == "kfp-exp-a"
    assert exp.storage_state == "AVAILABLE"
    # create_experiment finds an existing one by name (a filtered list) instead of failing.
    again = client.create_experiment("kfp-exp-a")
    assert again.experiment_id == exp.experiment_id
    assert client.get_experiment(experiment_name="kfp-exp-a").experiment_id == exp.experiment_id
    assert client.get_experiment(experiment_id=exp.experiment_id).description == "first"
    client.archive_experiment(exp.experiment_id)
    assert client.get_experiment(experiment_id=exp.experiment_id).storage_state == "ARCHIVED"
    client.unarchive_experiment(exp.experiment_id)
    assert client.get_experiment(experiment_id=exp.experiment_id).storage_state == "AVAILABLE"
    client.delete_experiment(exp.experiment_id)
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.get_experiment(experiment_id=exp.experiment_id)
    assert info.value.status == 404
    body = json.loads(info.value.body)
    assert body["code"] == 5 and "not found" in body["message"]
    assert body["details"][0]["@type"] == "type.googleapis.com/google.rpc.Status"


def test_pagination_sorting_and_filters_over_55_experiments(client):
    for i in range(55):
        client.create_experiment(f"page-{i:02d}")
    seen, token = [], ""
    while True:
        page = client.list_experiments(
            page_size=20,
            page_token=token,
            sort_by="display_name desc",
            filter=json.dumps(
                {
                    "predicates": [
                        {
                            "key": "display_name",
                            "operation": "IS_SUBSTRING",
                            "string_value": "page-",
                        }
                    ]
                }
            ),
        )
        seen += [e.display_name for e in page.experiments]
        assert page.total_size == 55
        token = page.next_page_token
        if not token:
            break
    assert seen == [f"page-{i:02d}" for i in reversed(range(55))]
    flt = json.dumps(
        {
            "predicates": [
                {
                    "key": "display_name",
                    "operation": 8,
                    "stringValues": {"values": ["page-01", "page-02"]},
                }
            ]
        }
    )
    assert sorted(e.display_name for e in client.list_experiments(filter=flt).experiments) == [
        "page-01",
        "page-02",
    ]


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"filter": "{nope"}, "Invalid filter"),
        ({"sort_by": "colour"}, "cannot sort on"),
        ({"page_token": "xyz"}, "page_token"),
    ],
)
def test_malformed_list_queries_are_400_never_500(server, params, reason):
    r = httpx.get(
        server.base_url + "/apis/v2beta1/experiments",
        params=params,
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    )
    assert r.status_code == 400, r.text
    assert r.json()["code"] == 3 and reason in r.json()["message"]


def test_no_key_is_401_in_upstream_body_and_unknown_namespace_404(server, client):
    r = httpx.get(server.base_url + "/apis/v2beta1/experiments")
    assert r.status_code == 401 and r.json()["code"] == 16
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.create_experiment("x", namespace="no-such-project")
    assert info.value.status == 404
    # Empty query parameters, as the SDK sends them, count as absent.
    r = httpx.get(
        server.base_url + "/apis/v2beta1/experiments?namespace=&page_token=&sort_by=&filter=",
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
    )
    assert r.status_code == 200, r.text
