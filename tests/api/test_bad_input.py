"""Bad input never reaches a 500: hostile bodies, list queries, page tokens, cursors, KFP
packages and oversized headers each get a 4xx with the JSON error body of the surface they
were sent to, every response body is strict JSON (no NaN or Infinity tokens), and the server
keeps answering afterwards.

Every case here was a 500 (or a silent acceptance of data it then served back as invalid
JSON) before the fix; they go over real HTTP to a real server."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from tests.api.helpers import TEXT_FIELDS, make_workflow
from tests.server import start_server, stop_server

KFP = "/apis/v2beta1"
IR = {"pipelineInfo": {"name": "bad-input"}, "root": {"dag": {"tasks": {}}}, "components": {}}


def strict_json(text: str):
    """json.loads that refuses NaN, Infinity and -Infinity, as every JSON parser but
    Python's does."""

    def refuse(token):
        raise ValueError(f"non-standard JSON token {token}")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    """A server whose KFP runner is off (runs stay PENDING: lists, not execution, matter
    here), with two of each KFP resource and a v1 workflow with two tasks, so that every list
    hands out a next-page token."""
    server = start_server(tmp_path_factory.mktemp("bad-input"), env={"PIPELINES_KFP_RUNS": "0"})
    headers = {"Authorization": f"Bearer {server.seed.api_key}"}
    import kfp  # noqa: PLC0415 - the compiled IR of a real pipeline, for runs
    import yaml  # noqa: PLC0415

    from tests.compat import kfp_pipelines  # noqa: PLC0415

    package = tmp_path_factory.mktemp("kfp") / "arith.yaml"
    kfp.compiler.Compiler().compile(kfp_pipelines.arith, str(package))
    real_ir = yaml.safe_load(package.read_text())
    with httpx.Client(base_url=server.base_url + KFP, headers=headers, timeout=60) as api:
        for i in range(2):
            assert api.post("/experiments", json={"display_name": f"exp-{i}"}).status_code == 200
            r = api.post(
                "/pipelines/create",
                json={"pipeline": {"name": f"pipe-{i}"}, "pipeline_version": {"pipeline_spec": IR}},
            )
            assert r.status_code == 200, r.text
            r = api.post("/runs", json={"display_name": f"run-{i}", "pipeline_spec": real_ir})
            assert r.status_code == 200, r.text
        server.pipeline_id = (
            r.json().get("pipeline_id")
            or api.get("/pipelines").json()["pipelines"][0]["pipeline_id"]
        )
    wf = make_workflow(server, TEXT_FIELDS)
    server.workflow_id = wf["id"]
    with httpx.Client(base_url=server.base_url + "/api/v1", headers=headers, timeout=60) as api:
        task = {"fields": {"input_text": "x", "target_language": "French"}}
        r = api.post(f"/workflows/{wf['id']}/tasks", json={"tasks": [task, task]})
        assert r.status_code in (200, 201, 202), r.text
    server.headers = headers
    yield server
    stop_server(server)


def assert_surface_error(r: httpx.Response, surface: str, statuses=None) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    if statuses is not None:
        assert r.status_code in statuses, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/json"), r.headers
    body = strict_json(r.text)
    if surface == "native":
        assert set(body) == {"detail"}, body
    elif surface == "v1":
        assert {"error", "message"} <= set(body), body
    elif surface == "kfp":
        assert {"code", "message", "details"} == set(body), body
    elif surface == "kfp_upload":
        assert set(body) == {"error_message", "error_details"}, body
    else:
        raise AssertionError(surface)


def assert_alive(server) -> None:
    r = httpx.get(server.base_url + "/api/health", timeout=30)
    assert r.status_code == 200 and strict_json(r.text)["status"] == "ok"


# -- JSON bodies -------------------------------------------------------------------------------

# One POST with a JSON body per surface.
BODY_TARGETS = {
    "native": lambda s: "/api/projects",
    "v1": lambda s: f"/api/v1/workflows/{s.workflow_id}/tasks",
    "kfp": lambda s: KFP + "/experiments",
}

DEEP = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"a":' * 10_000 + "1" + "}" * 10_000
HUGE_INT = "1" * 5_000

BAD_BODIES = {
    "nested-10000-arrays": DEEP,
    "nested-10000-objects": DEEP_OBJECT,
    "nested-900-in-a-field": '{"name": ' + "[" * 900 + "]" * 900 + "}",
    "5000-digit-integer": '{"name": "x", "display_name": "x", "n": ' + HUGE_INT + "}",
    "5000-digit-integer-alone": HUGE_INT,
    "NaN": '{"name": "x", "display_name": "x", "description": "d", "n": NaN}',
    "Infinity": '{"name": "x", "display_name": "x", "n": Infinity}',
    "-Infinity": '{"name": "x", "display_name": "x", "n": -Infinity}',
    "1e400-overflows-to-infinity": '{"name": "x", "display_name": "x", "n": 1e400}',
}


@pytest.mark.parametrize("surface", list(BODY_TARGETS))
@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_hostile_json_bodies_are_4xx_of_the_surface(srv, surface, case):
    path = BODY_TARGETS[surface](srv)
    r = httpx.post(
        srv.base_url + path,
        content=BAD_BODIES[case].encode(),
        headers={**srv.headers, "Content-Type": "application/json"},
        timeout=60,
    )
    assert_surface_error(r, surface, statuses={400, 422})
    assert_alive(srv)


@pytest.mark.parametrize("surface", list(BODY_TARGETS))
def test_a_post_without_content_type_is_415(srv, surface):
    path = BODY_TARGETS[surface](srv)
    body = json.dumps(
        {
            "name": "no-ct",
            "display_name": "no-ct",
            "tasks": [{"fields": {"input_text": "x", "target_language": "French"}}],
        }
    ).encode()
    r = httpx.post(srv.base_url + path, content=body, headers=srv.headers, timeout=60)
    assert "content-type" not in r.request.headers
    assert_surface_error(r, surface, statuses={415})
    assert_alive(srv)


def test_a_bodyless_post_without_content_type_still_works(srv):
    """`curl -X POST .../activate` sends neither a body nor a Content-Type: that is fine."""
    wf = make_workflow(srv, TEXT_FIELDS, status="DRAFT")
    r = httpx.post(
        srv.base_url + f"/api/projects/{srv.seed.project_id}/workflows/{wf['id']}/activate",
        headers=srv.headers,
    )
    assert r.status_code == 200, r.text


def test_upload_without_content_type_is_4xx_of_the_upload_shape(srv):
    r = httpx.post(
        srv.base_url + KFP + "/pipelines/upload", content=b"abc", headers=srv.headers, timeout=60
    )
    assert_surface_error(r, "kfp_upload")
    assert_alive(srv)


def test_nan_in_free_form_data_is_refused_not_stored(srv):
    """A task field and a KFP pipeline spec take any JSON value: NaN was stored there and then
    served back, which no strict JSON parser can read."""
    v1_body = (
        '{"tasks": [{"fields": {"input_text": "x", "target_language": "French", "priority": NaN}}]}'
    )
    r = httpx.post(
        srv.base_url + f"/api/v1/workflows/{srv.workflow_id}/tasks",
        content=v1_body.encode(),
        headers={**srv.headers, "Content-Type": "application/json"},
    )
    assert_surface_error(r, "v1", statuses={400})
    spec = json.dumps(IR)[:-1] + ', "x": NaN}'
    kfp_body = '{"pipeline": {"name": "nan-spec"}, "pipeline_version": {"pipeline_spec": SPEC}}'
    r = httpx.post(
        srv.base_url + KFP + "/pipelines/create",
        content=kfp_body.replace("SPEC", spec).encode(),
        headers={**srv.headers, "Content-Type": "application/json"},
    )
    assert_surface_error(r, "kfp", statuses={400})
    r = httpx.get(
        srv.base_url + KFP + "/pipelines",
        params={
            "filter": json.dumps(
                {"predicates": [{"key": "name", "operation": "EQUALS", "string_value": "nan-spec"}]}
            )
        },
        headers=srv.headers,
    )
    assert r.status_code == 200 and strict_json(r.text).get("total_size", 0) == 0


# -- KFP list queries --------------------------------------------------------------------------

LISTS = ["runs", "pipelines", "experiments"]

BAD_PREDICATES = {
    "string_value-null": {"key": "display_name", "operation": "EQUALS", "string_value": None},
    "string_value-object": {"key": "display_name", "operation": "EQUALS", "string_value": {}},
    "string_value-list": {"key": "display_name", "operation": "EQUALS", "string_value": [1]},
    "string_value-number": {"key": "display_name", "operation": "EQUALS", "string_value": 5},
    "stringValue-object-camel": {"key": "display_name", "operation": 1, "stringValue": {"a": 1}},
    "int_value-1e30": {"key": "display_name", "operation": "EQUALS", "int_value": 1e30},
    "int_value-2^63": {"key": "created_at", "operation": "GREATER_THAN", "int_value": 2**63},
    "int_value-huge-string": {"key": "display_name", "operation": "EQUALS", "int_value": "9" * 40},
    "int_value-fraction": {"key": "created_at", "operation": "GREATER_THAN", "int_value": 1.5},
    "bool-vs-string-field": {"key": "display_name", "operation": "EQUALS", "bool_value": True},
    "bool-not-equals-string": {"key": "display_name", "operation": 2, "bool_value": False},
    "ts-year-9999-offset": {
        "key": "created_at",
        "operation": "GREATER_THAN",
        "timestamp_value": "9999-12-31T23:59:59-23:59",
    },
    "ts-year-1-offset": {
        "key": "created_at",
        "operation": "LESS_THAN",
        "timestamp_value": "0001-01-01T00:00:00+23:59",
    },
    "ts-int-seconds-1e12": {"key": "created_at", "operation": "GREATER_THAN", "int_value": 10**12},
    "ts-int-seconds-1e20": {"key": "created_at", "operation": "GREATER_THAN", "int_value": 10**20},
    "ts-int-negative": {"key": "created_at", "operation": "GREATER_THAN", "int_value": -(10**15)},
    "lone-surrogate": {"key": "display_name", "operation": "EQUALS", "string_value": "\ud800"},
    "lone-surrogate-substring": {
        "key": "display_name",
        "operation": "IS_SUBSTRING",
        "string_value": "a\udfffb",
    },
    "in-with-objects": {
        "key": "display_name",
        "operation": "IN",
        "string_values": {"values": [{"a": 1}, None]},
    },
    "in-ints-1e30": {"key": "created_at", "operation": "IN", "int_values": {"values": [1e30]}},
}

RAW_FILTERS = {
    "int_value-Infinity-token": '{"predicates": [{"key": "display_name", "operation": 1,'
    ' "int_value": Infinity}]}',
    "int_value-NaN-token": '{"predicates": [{"key": "created_at", "operation": 3,'
    ' "int_value": NaN}]}',
    "int_value-1e400": '{"predicates": [{"key": "created_at", "operation": 3,'
    ' "int_value": 1e400}]}',
    "nested-1400": "[" * 1400 + "]" * 1400,
    "5000-digit-int": '{"predicates": [{"key": "created_at", "operation": 3, "int_value": '
    + "9" * 2900
    + "}]}",
}


@pytest.mark.parametrize("resource", LISTS)
@pytest.mark.parametrize("case", list(BAD_PREDICATES) + list(RAW_FILTERS))
def test_hostile_kfp_filters_are_400(srv, resource, case):
    if case in RAW_FILTERS:
        raw = RAW_FILTERS[case]
    else:
        raw = json.dumps({"predicates": [BAD_PREDICATES[case]]})
    r = httpx.get(
        srv.base_url + f"{KFP}/{resource}", params={"filter": raw}, headers=srv.headers, timeout=60
    )
    assert_surface_error(r, "kfp", statuses={400})
    assert strict_json(r.text)["code"] == 3
    assert_alive(srv)


@pytest.mark.parametrize("resource", LISTS)
def test_good_filters_still_work(srv, resource):
    for predicate in (
        {"key": "display_name", "operation": "EQUALS", "string_value": "nothing-like-it"},
        {"key": "created_at", "operation": "GREATER_THAN", "int_value": 0},
        {
            "key": "created_at",
            "operation": "GREATER_THAN",
            "timestamp_value": "2000-01-01T00:00:00Z",
        },
        {"key": "created_at", "operation": "LESS_THAN", "int_value": "4102444800"},
    ):
        r = httpx.get(
            srv.base_url + f"{KFP}/{resource}",
            params={"filter": json.dumps({"predicates": [predicate]})},
            headers=srv.headers,
        )
        assert r.status_code == 200, (predicate, r.text)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(token: str) -> bytes:
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))


@pytest.mark.parametrize("resource", LISTS)
@pytest.mark.parametrize(
    "offset",
    [str(2**63), str(2**64), "Infinity", "NaN", "1e400", "1.5", "-1", "true", "null", "9" * 5000],
)
def test_forged_kfp_page_tokens_are_400(srv, resource, offset):
    r = httpx.get(srv.base_url + f"{KFP}/{resource}", params={"page_size": 1}, headers=srv.headers)
    token = strict_json(r.text)["next_page_token"]
    issued = json.loads(_unb64(token))
    assert set(issued) == {"o", "q"}  # the format this test forges
    forged = _b64(('{"o":' + offset + ',"q":' + json.dumps(issued["q"]) + "}").encode())
    r = httpx.get(
        srv.base_url + f"{KFP}/{resource}",
        params={"page_token": forged, "page_size": 1},
        headers=srv.headers,
    )
    assert_surface_error(r, "kfp", statuses={400})
    assert_alive(srv)
    # The genuine token still pages.
    r = httpx.get(
        srv.base_url + f"{KFP}/{resource}",
        params={"page_token": token, "page_size": 1},
        headers=srv.headers,
    )
    assert r.status_code == 200 and len(strict_json(r.text)[resource]) == 1


@pytest.mark.parametrize("resource", LISTS)
def test_deeply_nested_kfp_page_token_is_400(srv, resource):
    forged = _b64(("[" * 5000 + "]" * 5000).encode())
    r = httpx.get(
        srv.base_url + f"{KFP}/{resource}", params={"page_token": forged}, headers=srv.headers
    )
    assert_surface_error(r, "kfp", statuses={400})
    assert_alive(srv)


@pytest.mark.parametrize(
    "last_id", [str(2**63), str(2**64), str(-(2**63) - 1), "Infinity", "1e400", "9" * 5000]
)
def test_forged_v1_cursors_are_400(srv, last_id):
    url = srv.base_url + f"/api/v1/workflows/{srv.workflow_id}/tasks"
    r = httpx.get(url, params={"limit": 1}, headers=srv.headers)
    cursor = strict_json(r.text)["next_cursor"]
    assert set(json.loads(_unb64(cursor))) == {"last_id"}  # the format this test forges
    forged = base64.urlsafe_b64encode(('{"last_id": ' + last_id + "}").encode()).decode()
    r = httpx.get(url, params={"limit": 1, "cursor": forged}, headers=srv.headers)
    assert_surface_error(r, "v1", statuses={400})
    assert_alive(srv)
    r = httpx.get(url, params={"limit": 1, "cursor": cursor}, headers=srv.headers)
    assert r.status_code == 200 and len(strict_json(r.text)["tasks"]) == 1


def test_deeply_nested_v1_cursor_is_400(srv):
    url = srv.base_url + f"/api/v1/workflows/{srv.workflow_id}/tasks"
    forged = base64.urlsafe_b64encode(("[" * 5000 + "]" * 5000).encode()).decode()
    r = httpx.get(url, params={"cursor": forged}, headers=srv.headers)
    assert_surface_error(r, "v1", statuses={400})
    assert_alive(srv)


# -- KFP packages ------------------------------------------------------------------------------


def _alias_bomb(levels: int = 6, width: int = 9) -> str:
    """The "billion laughs": each level holds `width` aliases of the one before."""
    lines = ["l0: &l0 [" + ", ".join(['"lol"'] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    lines += ["pipelineInfo: {name: bomb}", f"root: {{dag: {{tasks: {{}}}}, bomb: *l{levels}}}"]
    return "\n".join(lines) + "\n"


BAD_PACKAGES = {
    "alias-bomb": _alias_bomb(),
    "alias-bomb-wide": _alias_bomb(levels=4, width=60),
    "recursive-alias": "pipelineInfo: {name: rec}\nroot: &r {dag: {tasks: {}}, self: *r}\n",
    "nested-10000": "[" * 10_000 + "]" * 10_000,
    "nested-10000-block": "pipelineInfo: {name: deep}\nroot: "
    + "{a: " * 10_000
    + "1"
    + "}" * 10_000
    + "\n",
    "nan": "pipelineInfo: {name: nan}\nroot: {dag: {tasks: {}}, x: .nan}\n",
    "inf": "pipelineInfo: {name: inf}\nroot: {dag: {tasks: {}}, x: -.inf}\n",
    "date": "pipelineInfo: {name: date}\nroot: {dag: {tasks: {}}, x: 2001-12-14}\n",
    "binary": "pipelineInfo: {name: bin}\nroot: {dag: {tasks: {}}, x: !!binary aGVsbG8=}\n",
    "lone-surrogate": 'pipelineInfo: {name: "sur\\ud800"}\nroot: {dag: {tasks: {}}}\n',
    "5000-digit-int": "pipelineInfo: {name: big}\nroot: {dag: {tasks: {}}, x: "
    + "9" * 5000
    + "}\n",
    "json-nan": '{"pipelineInfo": {"name": "jn"}, "root": {"dag": {"tasks": {}}}, "x": NaN}',
    "json-deep": "[" * 10_000 + "]" * 10_000,
}


@pytest.mark.parametrize("endpoint", ["upload", "upload_version"])
@pytest.mark.parametrize("case", list(BAD_PACKAGES))
def test_hostile_kfp_packages_are_400_in_the_upload_shape(srv, endpoint, case):
    filename = "p.json" if case.startswith("json-") else "p.yaml"
    params = {"name": f"bad-{endpoint}-{case}"}
    if endpoint == "upload_version":
        params["pipelineid"] = srv.pipeline_id
    r = httpx.post(
        srv.base_url + f"{KFP}/pipelines/{endpoint}",
        params=params,
        files={"uploadfile": (filename, BAD_PACKAGES[case].encode())},
        headers=srv.headers,
        timeout=60,
    )
    assert_surface_error(r, "kfp_upload", statuses={400})
    assert "Invalid pipeline package" in strict_json(r.text)["error_message"]
    assert_alive(srv)


def test_a_few_aliases_are_fine(srv):
    text = (
        "common: &common {image: python}\n"
        "pipelineInfo: {name: anchored}\n"
        "root: {dag: {tasks: {}}, a: *common, b: *common}\n"
    )
    r = httpx.post(
        srv.base_url + f"{KFP}/pipelines/upload",
        params={"name": "anchored"},
        files={"uploadfile": ("p.yaml", text.encode())},
        headers=srv.headers,
    )
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("endpoint", ["upload", "upload_version"])
def test_deeply_nested_upload_tags_are_400(srv, endpoint):
    params = {"name": f"tags-{endpoint}", "tags": "[" * 1000 + "]" * 1000}
    if endpoint == "upload_version":
        params["pipelineid"] = srv.pipeline_id
    r = httpx.post(
        srv.base_url + f"{KFP}/pipelines/{endpoint}",
        params=params,
        files={"uploadfile": ("p.yaml", b"pipelineInfo: {name: t}\nroot: {dag: {tasks: {}}}\n")},
        headers=srv.headers,
    )
    assert_surface_error(r, "kfp_upload", statuses={400})
    assert_alive(srv)


# -- headers -----------------------------------------------------------------------------------

HEADER_TARGETS = {
    "native": "/api/projects",
    "v1": "/api/v1/health",
    "kfp": KFP + "/experiments",
    "kfp_upload": KFP + "/pipelines/upload",
}


@pytest.mark.parametrize("surface", list(HEADER_TARGETS))
@pytest.mark.parametrize(
    "headers",
    [
        {"X-Junk": "a" * 40_000},
        {"X-Junk": "a" * 2_000_000},
        {f"X-Junk-{i}": "a" * 100 for i in range(400)},
    ],
    ids=["one-40KB", "one-2MB", "400x100B"],
)
def test_oversized_headers_are_431_with_the_surface_body(srv, surface, headers):
    r = httpx.get(
        srv.base_url + HEADER_TARGETS[surface], headers={**srv.headers, **headers}, timeout=60
    )
    assert r.status_code == 431, (r.status_code, r.text[:300])
    assert_surface_error(r, surface, statuses={431})
    assert_alive(srv)


def test_header_cap_is_a_setting(make_server):
    server = make_server(env={"PIPELINES_MAX_HEADER_BYTES": "2048"})
    r = httpx.get(server.base_url + "/api/health", headers={"X-Junk": "a" * 3000})
    assert r.status_code == 431 and set(strict_json(r.text)) == {"detail"}
    r = httpx.get(server.base_url + "/api/health", headers={"X-Junk": "a" * 1000})
    assert r.status_code == 200


def test_ordinary_headers_pass(srv):
    r = httpx.get(
        srv.base_url + "/api/health", headers={"X-Junk": "a" * 8000, "Cookie": "c=" + "b" * 4000}
    )
    assert r.status_code == 200


def test_non_finite_numbers_already_stored_are_served_as_null(srv):
    """Data stored before inputs were checked (or a node's output) may hold NaN: the response
    is still strict JSON, with null in its place."""
    from sqlalchemy import update  # noqa: PLC0415

    from pipelines_server.store.models import KfpPipelineVersion  # noqa: PLC0415
    from tests.api.helpers import database  # noqa: PLC0415

    r = httpx.post(
        srv.base_url + KFP + "/pipelines/create",
        json={"pipeline": {"name": "stored-nan"}, "pipeline_version": {"pipeline_spec": IR}},
        headers=srv.headers,
    )
    assert r.status_code == 200, r.text
    pipeline_id = r.json()["pipeline_id"]
    stored = json.dumps({**IR, "x": float("nan"), "y": [float("inf"), 1.5]})
    with database(srv) as session:
        session.execute(
            update(KfpPipelineVersion)
            .where(KfpPipelineVersion.pipeline_id == pipeline_id)
            .values(pipeline_spec=stored)
        )
    r = httpx.get(srv.base_url + f"{KFP}/pipelines/{pipeline_id}/versions", headers=srv.headers)
    assert r.status_code == 200
    spec = strict_json(r.text)["pipeline_versions"][0]["pipeline_spec"]
    assert spec["x"] is None and spec["y"] == [None, 1.5]


@pytest.mark.parametrize(
    "surface, path",
    [
        ("native", "/api/projects/{n}"),
        ("native", "/api/projects/1/workflows/{n}"),
        ("v1", "/api/v1/workflows/{n}"),
        ("v1", "/api/v1/workflows/1/tasks/{n}"),
    ],
)
@pytest.mark.parametrize("digits", [20, 4300, 5000])
def test_integer_path_parameters_of_any_length_are_4xx(srv, surface, path, digits):
    r = httpx.get(srv.base_url + path.format(n="7" * digits), headers=srv.headers)
    assert_surface_error(r, surface)
    assert_alive(srv)
