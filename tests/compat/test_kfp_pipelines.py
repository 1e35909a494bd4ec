"""The real kfp SDK (2.17.0) against a running server: pipelines, pipeline versions and
package uploads (YAML, zip, tar.gz), upstream's error bodies, filters and pagination.

No `from __future__ import annotations` here: the kfp compiler reads the component's
annotations as types."""

import io
import json
import tarfile
import zipfile

import httpx
import pytest

from pipelines_server.kfp import pipelines as kp
from pipelines_server.shared.errors import NotFound
from pipelines_server.shared.principal import Principal
from tests.api.helpers import database

kfp = pytest.importorskip("kfp")
kfp_server_api = pytest.importorskip("kfp_server_api")
from kfp import compiler, dsl  # noqa: E402


@dsl.component(base_image="python:3.11")
def add(a: int, b: int) -> int:
    return a + b


@dsl.pipeline(name="adder", description="adds")
def adder(x: int = 1):
    add(a=x, b=2)


@pytest.fixture(scope="module")
def client(server):
    return kfp.Client(host=server.base_url, existing_token=server.seed.api_key)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    path = tmp_path_factory.mktemp("pkg") / "adder.yaml"
    compiler.Compiler().compile(adder, str(path))
    return path


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {server.seed.api_key}"},
        timeout=30,
    ) as c:
        yield c


def _eq(key: str, value: str) -> str:
    return json.dumps({"predicates": [{"key": key, "operation": "EQUALS", "string_value": value}]})


def test_upload_versions_get_list_and_delete_through_the_sdk(server, client, package):
    p = client.upload_pipeline(str(package), pipeline_name="kp-adder", description="first")
    assert p.pipeline_id and p.name == "kp-adder" and p.display_name == "kp-adder"
    assert p.description == "first" and p.created_at is not None and p.namespace
    assert client.get_pipeline_id("kp-adder") == p.pipeline_id
    assert client.get_pipeline_id("kp-no-such-pipeline") is None
    assert client.get_pipeline(p.pipeline_id).name == "kp-adder"

    v2 = client.upload_pipeline_version(
        str(package), "kp-adder-v2", pipeline_id=p.pipeline_id, description="second"
    )
    assert v2.pipeline_id == p.pipeline_id and v2.name == "kp-adder-v2"
    # By pipeline name too (the SDK looks the id up with a display_name filter).
    v3 = client.upload_pipeline_version(str(package), "kp-adder-v3", pipeline_name="kp-adder")
    assert v3.pipeline_id == p.pipeline_id

    versions = client.list_pipeline_versions(p.pipeline_id, sort_by="created_at")
    assert versions.total_size == 3
    assert [v.name for v in versions.pipeline_versions] == [
        "kp-adder",
        "kp-adder-v2",
        "kp-adder-v3",
    ]
    got = client.get_pipeline_version(p.pipeline_id, v2.pipeline_version_id)
    assert got.description == "second"
    spec = got.pipeline_spec
    assert spec["pipelineInfo"]["name"] == "adder" and "root" in spec and "components" in spec
    named = client.list_pipeline_versions(p.pipeline_id, filter=_eq("name", "kp-adder-v3"))
    assert [v.pipeline_version_id for v in named.pipeline_versions] == [v3.pipeline_version_id]

    # What runs will use: the named version, or the newest when only the pipeline is given.
    with database(server) as s:
        who = Principal(org_id=server.seed.org_id, api_key_id=0, user_id=None, role=None)
        version, ir = kp.version_spec(s, who, p.pipeline_id, v2.pipeline_version_id)
        assert version.id == v2.pipeline_version_id and ir["pipelineInfo"]["name"] == "adder"
        assert kp.version_spec(s, who, p.pipeline_id, None)[0].id == v3.pipeline_version_id
        assert kp.version_spec(s, who, None, v2.pipeline_version_id)[0].id == v2.pipeline_version_id
        other = Principal(org_id=server.seed.org_id + 999, api_key_id=0, user_id=None, role=None)
        with pytest.raises(NotFound):
            kp.version_spec(s, other, None, v2.pipeline_version_id)

    # A pipeline with versions cannot go (upstream's FAILED_PRECONDITION, HTTP 400).
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.delete_pipeline(p.pipeline_id)
    assert info.value.status == 400 and json.loads(info.value.body)["code"] == 9

    for v in versions.pipeline_versions:
        client.delete_pipeline_version(p.pipeline_id, v.pipeline_version_id)
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.get_pipeline_version(p.pipeline_id, v2.pipeline_version_id)
    assert info.value.status == 404 and json.loads(info.value.body)["code"] == 5
    assert client.list_pipeline_versions(p.pipeline_id).total_size == 0
    client.delete_pipeline(p.pipeline_id)
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.get_pipeline(p.pipeline_id)
    assert info.value.status == 404
    body = json.loads(info.value.body)
    assert body["code"] == 5 and "not found" in body["message"]
    assert body["details"][0]["@type"] == "type.googleapis.com/google.rpc.Status"


def test_cascade_delete_removes_the_versions(client, http, package):
    p = client.upload_pipeline(str(package), pipeline_name="kp-cascade")
    v = client.list_pipeline_versions(p.pipeline_id).pipeline_versions[0]
    r = http.delete(f"/apis/v2beta1/pipelines/{p.pipeline_id}", params={"cascade": "true"})
    assert r.status_code == 200, r.text
    r = http.get(f"/apis/v2beta1/pipelines/{p.pipeline_id}/versions/{v.pipeline_version_id}")
    assert r.status_code == 404 and r.json()["code"] == 5


@pytest.mark.parametrize("kind", ["zip", "tar.gz", "json"])
def test_zip_tar_gz_and_json_packages_upload(client, package, tmp_path, kind):
    text = package.read_bytes()
    path = tmp_path / f"adder.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("pipeline.yaml", text)
    elif kind == "tar.gz":
        with tarfile.open(path, "w:gz") as tf:
            info = tarfile.TarInfo("pipeline.yaml")
            info.size = len(text)
            tf.addfile(info, io.BytesIO(text))
    else:
        import yaml

        path.write_text(json.dumps(yaml.safe_load(text)))
    p = client.upload_pipeline(str(path), pipeline_name=f"kp-archive-{kind}")
    [v] = client.list_pipeline_versions(p.pipeline_id).pipeline_versions
    assert v.pipeline_spec["pipelineInfo"]["name"] == "adder"
    v2 = client.upload_pipeline_version(str(path), "again", pipeline_id=p.pipeline_id)
    assert v2.pipeline_spec["root"] == v.pipeline_spec["root"]


def test_platform_spec_is_returned_beside_the_ir(http, package):
    text = package.read_bytes() + b"\n---\nplatforms:\n  kubernetes:\n    deploymentSpec: {}\n"
    r = http.post(
        "/apis/v2beta1/pipelines/upload",
        params={"name": "kp-platform", "tags": json.dumps({"team": "ml"})},
        files={"uploadfile": ("p.yaml", text, "application/x-yaml")},
    )
    assert r.status_code == 200, r.text
    assert r.json()["tags"] == {"team": "ml"}
    pid = r.json()["pipeline_id"]
    [v] = http.get(f"/apis/v2beta1/pipelines/{pid}/versions").json()["pipeline_versions"]
    assert v["pipeline_spec"]["pipeline_spec"]["pipelineInfo"]["name"] == "adder"
    assert v["pipeline_spec"]["platform_spec"] == {
        "platforms": {"kubernetes": {"deploymentSpec": {}}}
    }


def test_upload_name_defaults_to_the_file_name(http, package):
    r = http.post(
        "/pipeline/apis/v2beta1/pipelines/upload?name=&namespace=",
        files={"uploadfile": ("kp-from-file.yaml", package.read_bytes())},
    )
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "kp-from-file" == r.json()["display_name"]


@pytest.mark.parametrize("prefix", ["/apis/v2beta1", "/pipeline/apis/v2beta1"])
def test_upload_errors_have_upstreams_upload_body(http, client, package, tmp_path, prefix):
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: a mapping\n")
    r = http.post(
        prefix + "/pipelines/upload", files={"uploadfile": ("bad.yaml", bad.read_bytes())}
    )
    assert r.status_code == 400
    body = r.json()
    assert set(body) == {"error_message", "error_details"}
    assert "not a compiled KFP pipeline" in body["error_message"]
    # No file part at all.
    r = http.post(prefix + "/pipelines/upload", files={"other": ("x.yaml", b"a: 1")})
    assert r.status_code == 400 and set(r.json()) == {"error_message", "error_details"}
    # Not multipart.
    r = http.post(prefix + "/pipelines/upload", json={})
    assert r.status_code in (400, 415) and "error_message" in r.json()
    # Unknown pipeline, missing pipelineid, bad tags.
    files = {"uploadfile": ("p.yaml", package.read_bytes())}
    r = http.post(prefix + "/pipelines/upload_version?pipelineid=nope&name=x", files=files)
    assert r.status_code == 404 and "error_message" in r.json()
    r = http.post(prefix + "/pipelines/upload_version?name=x", files=files)
    assert r.status_code == 400 and "pipelineid" in r.json()["error_message"]
    r = http.post(prefix + "/pipelines/upload?name=kp-badtags&tags=nope", files=files)
    assert r.status_code == 400 and "tags" in r.json()["error_message"]
    r = http.post(
        prefix + "/pipelines/upload?name=kp-badtags", files=files, headers={"Authorization": ""}
    )
    assert r.status_code == 401 and "error_message" in r.json()
    # The SDK surfaces it as an ApiException carrying that body.
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.upload_pipeline(str(bad), pipeline_name="kp-bad")
    assert info.value.status == 400 and "error_message" in json.loads(info.value.body)


def test_duplicate_names_are_409(client, http, package):
    p = client.upload_pipeline(str(package), pipeline_name="kp-dup")
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.upload_pipeline(str(package), pipeline_name="kp-dup")
    assert info.value.status == 409
    assert "already exists" in json.loads(info.value.body)["error_message"]
    with pytest.raises(kfp_server_api.ApiException) as info:
        client.upload_pipeline_version(str(package), "kp-dup", pipeline_id=p.pipeline_id)
    assert info.value.status == 409
    r = http.post("/apis/v2beta1/pipelines", json={"name": "kp-dup"})
    assert r.status_code == 409 and r.json()["code"] == 6


def test_create_get_by_name_update_and_create_and_version(http, package):
    import yaml

    ir = yaml.safe_load(package.read_text())
    r = http.post(
        "/apis/v2beta1/pipelines",
        json={"display_name": "kp-json", "description": "d", "tags": {"team": "a"}},
    )
    assert r.status_code == 200, r.text
    p = r.json()
    assert p["name"] == "kp-json" and p["tags"] == {"team": "a"}
    r = http.get("/apis/v2beta1/pipelines/names/kp-json", params={"namespace": ""})
    assert r.status_code == 200 and r.json()["pipeline_id"] == p["pipeline_id"]
    r = http.get("/apis/v2beta1/pipelines/names/kp-nope")
    assert r.status_code == 404 and r.json()["code"] == 5

    r = http.patch(
        f"/apis/v2beta1/pipelines/{p['pipeline_id']}",
        json={"display_name": "KP JSON", "tags": {"team": "b", "tier": "1"}},
    )
    assert r.status_code == 200 and r.json()["display_name"] == "KP JSON"
    assert r.json()["tags"] == {"team": "b", "tier": "1"}
    r = http.patch(f"/apis/v2beta1/pipelines/{p['pipeline_id']}", json={"tags": {"a.b": "x"}})
    assert r.status_code == 400 and "'.'" in r.json()["message"]

    versions = f"/apis/v2beta1/pipelines/{p['pipeline_id']}/versions"
    r = http.post(
        versions, json={"name": "v1", "package_url": {"pipeline_url": "https://x/p.yaml"}}
    )
    assert r.status_code == 400 and "does not download" in r.json()["message"]
    r = http.post(versions, json={"name": "v1", "pipeline_spec": {"hello": "world"}})
    assert r.status_code == 400 and "not a compiled KFP pipeline" in r.json()["message"]
    r = http.post(
        versions, json={"name": "v1", "pipeline_spec": ir, "code_source_url": "https://c"}
    )
    assert r.status_code == 200, r.text
    v = r.json()
    assert v["code_source_url"] == "https://c" and v["pipeline_spec"]["root"] == ir["root"]
    r = http.patch(f"{versions}/{v['pipeline_version_id']}", json={"display_name": "V one"})
    assert r.status_code == 200 and r.json()["display_name"] == "V one"
    r = http.get(f"/apis/v2beta1/pipelines/nope/versions/{v['pipeline_version_id']}")
    assert r.status_code == 404

    r = http.post(
        "/apis/v2beta1/pipelines/create",
        json={
            "pipeline": {"name": "kp-both", "namespace": ""},
            "pipeline_version": {"pipeline_spec": ir},
        },
    )
    assert r.status_code == 200, r.text
    both = r.json()
    [bv] = http.get(f"/apis/v2beta1/pipelines/{both['pipeline_id']}/versions").json()[
        "pipeline_versions"
    ]
    assert bv["name"] == "kp-both"
    # Both or neither: a bad version leaves no pipeline behind.
    r = http.post(
        "/apis/v2beta1/pipelines/create",
        json={"pipeline": {"name": "kp-neither"}, "pipeline_version": {"pipeline_spec": {}}},
    )
    assert r.status_code == 400
    assert http.get("/apis/v2beta1/pipelines/names/kp-neither").status_code == 404


def test_filters_display_name_and_tags(client, http):
    for name, team in (("kp-tag-a", "red"), ("kp-tag-b", "blue"), ("kp-tag-c", "red")):
        r = http.post("/apis/v2beta1/pipelines", json={"name": name, "tags": {"team": team}})
        assert r.status_code == 200, r.text
    page = client.list_pipelines(filter=_eq("display_name", "kp-tag-b"))
    assert [p.name for p in page.pipelines] == ["kp-tag-b"] and page.total_size == 1
    r = http.get(
        "/apis/v2beta1/pipelines",
        params={"filter": _eq("tags.team", "red"), "sort_by": "name desc", "namespace": ""},
    )
    assert r.status_code == 200, r.text
    assert [p["name"] for p in r.json()["pipelines"]] == ["kp-tag-c", "kp-tag-a"]
    assert r.json()["pipelines"][0]["tags"] == {"team": "red"}
    r = http.get("/apis/v2beta1/pipelines", params={"filter": _eq("tags.nope", "red")})
    assert r.status_code == 200 and r.json() == {"total_size": 0}
    ns = client.list_pipelines(filter=_eq("display_name", "kp-tag-a")).pipelines[0].namespace
    r = http.get("/apis/v2beta1/pipelines", params={"filter": _eq("namespace", ns), "page_size": 1})
    assert r.status_code == 200 and r.json()["next_page_token"]


def test_pagination_and_sorting_over_55_pipelines(client, http):
    for i in range(55):
        r = http.post("/apis/v2beta1/pipelines", json={"name": f"kp-page-{i:02d}"})
        assert r.status_code == 200, r.text
    flt = json.dumps(
        {"predicates": [{"key": "name", "operation": "IS_SUBSTRING", "string_value": "kp-page-"}]}
    )
    seen, token, pages = [], "", 0
    while True:
        page = client.list_pipelines(
            page_size=20, page_token=token, sort_by="display_name desc", filter=flt
        )
        pages += 1
        assert page.total_size == 55
        seen += [p.display_name for p in page.pipelines]
        token = page.next_page_token
        if not token:
            break
    assert pages == 3
    assert seen == [f"kp-page-{i:02d}" for i in reversed(range(55))]
    # A token belongs to its query.
    first = client.list_pipelines(page_size=5, sort_by="name", filter=flt)
    r = http.get(
        "/apis/v2beta1/pipelines",
        params={"page_token": first.next_page_token, "sort_by": "created_at", "filter": flt},
    )
    assert r.status_code == 400 and "page_token" in r.json()["message"]


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"filter": "{nope"}, "Invalid filter"),
        ({"filter": _eq("colour", "x")}, "cannot filter on"),
        ({"filter": _eq("tags.", "x")}, "not a tag key"),
        ({"filter": _eq("name", "a\x00b")}, "NUL"),
        ({"sort_by": "colour"}, "cannot sort on"),
        ({"page_token": "xyz"}, "page_token"),
        ({"namespace": "no-such-project"}, "Namespace"),
    ],
)
def test_malformed_list_queries_are_4xx_never_500(http, params, reason):
    r = http.get("/apis/v2beta1/pipelines", params=params)
    assert r.status_code in (400, 404), r.text
    assert reason in r.json()["message"]


def test_unknown_ids_are_404_with_status_bodies(http):
    for path in (
        "/apis/v2beta1/pipelines/nope",
        "/pipeline/apis/v2beta1/pipelines/nope/versions",
        "/apis/v2beta1/pipelines/nope/versions/nope",
    ):
        r = http.get(path)
        assert r.status_code == 404, path
        assert r.json()["code"] == 5 and r.json()["details"]
    assert http.delete("/apis/v2beta1/pipelines/nope").status_code == 404
