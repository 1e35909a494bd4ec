"""The pure rules of KFP pipelines: names, tags, inline IR, upload names, tag filter keys."""

from __future__ import annotations

import json

import pytest

from pipelines_server.kfp import pipelines as kp
from pipelines_server.shared.errors import BadRequest
from pipelines_server.store.models import KfpPipelineVersion

IR = {"pipelineInfo": {"name": "p"}, "root": {"dag": {}}, "components": {}}


def test_name_and_display_name_default_to_each_other():
    assert kp.names("a", None, "Pipeline") == ("a", "a")
    assert kp.names(None, " b ", "Pipeline") == ("b", "b")
    assert kp.names("a", "B", "Pipeline") == ("a", "B")
    with pytest.raises(BadRequest, match="name"):
        kp.names("", "  ", "Pipeline")
    with pytest.raises(BadRequest, match="longer than 200"):
        kp.names("x" * 201, None, "Pipeline")
    with pytest.raises(BadRequest, match="NUL"):
        kp.names("a\x00", None, "Pipeline")


@pytest.mark.parametrize(
    "tags, reason",
    [
        ([], "object"),
        ({f"k{i}": "v" for i in range(21)}, "At most 20"),
        ({"": "v"}, "empty"),
        ({"a.b": "v"}, "'.'"),
        ({'a"b': "v"}, "quotes"),
        ({"k": 1}, "string value"),
        ({"k" * 64: "v"}, "63"),
        ({"k": "v" * 64}, "63"),
    ],
)
def test_tag_constraints(tags, reason):
    with pytest.raises(BadRequest, match=reason):
        kp.check_tags(tags)


def test_tags_accepted_and_parsed_from_the_upload_query():
    assert kp.check_tags(None) == {}
    assert kp.check_tags({"team": "ml-ops"}) == {"team": "ml-ops"}
    assert kp.parse_tags("") == {}
    assert kp.parse_tags('{"team": "a"}') == {"team": "a"}
    with pytest.raises(BadRequest, match="JSON"):
        kp.parse_tags("team=a")
    with pytest.raises(BadRequest, match="object"):
        kp.parse_tags("[1]")


def test_inline_ir_in_every_accepted_form():
    assert kp.check_ir_shape(IR) == (IR, None)
    assert kp.check_ir_shape({"pipeline_spec": IR, "platform_spec": {"p": 1}}) == (IR, {"p": 1})
    assert kp.check_ir_shape({"pipelineSpec": IR}) == (IR, None)
    assert kp.check_ir_shape({"root": {}, "components": {}})[0] == {"root": {}, "components": {}}
    with pytest.raises(BadRequest, match="missing root"):
        kp.check_ir_shape({"pipelineInfo": {}})
    with pytest.raises(BadRequest, match="components or pipelineInfo"):
        kp.check_ir_shape({"root": {}})
    with pytest.raises(BadRequest, match="object"):
        kp.check_ir_shape("root: {}")
    with pytest.raises(BadRequest, match="platform_spec"):
        kp.check_ir_shape(IR, platform=[1])


@pytest.mark.parametrize(
    "filename, name",
    [
        ("adder.yaml", "adder"),
        ("dir/adder.YML", "adder"),
        ("C:\\x\\adder.json", "adder"),
        ("adder.tar.gz", "adder"),
        ("adder.zip", "adder"),
        ("adder", "adder"),
        (None, ""),
    ],
)
def test_upload_name_from_the_file_name(filename, name):
    assert kp.name_from_filename(filename) == name


def test_tag_keys_of_a_list_query():
    flt = json.dumps(
        {
            "predicates": [
                {"key": "tags.team", "operation": "EQUALS", "string_value": "a"},
                {"key": "name", "operation": "EQUALS", "string_value": "a"},
            ]
        }
    )
    assert kp.tag_keys(flt, "tags.tier desc") == {"tags.team", "tags.tier"}
    assert kp.tag_keys("{nope", None) == set()
    assert kp.tag_keys('{"predicates": 3}', "name") == set()


def test_wire_spec_wraps_the_ir_when_there_is_a_platform_spec():
    v = KfpPipelineVersion(pipeline_spec=json.dumps(IR), platform_spec=None)
    assert kp.wire_spec(v) == IR and kp.spec_of(v) == IR
    v.platform_spec = json.dumps({"platforms": {}})
    assert kp.wire_spec(v) == {"pipeline_spec": IR, "platform_spec": {"platforms": {}}}
    assert kp.platform_of(v) == {"platforms": {}}
