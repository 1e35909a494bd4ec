"""Each surface serves its spec as written in openapi/ (the server parses the files itself)."""

from __future__ import annotations

import httpx
import pytest
import yaml

from tests.server import ROOT

SERVED = {
    "pipelines.yaml": "/api/openapi.json",
    "external-v1.yaml": "/api/v1/openapi.json",
    "pipelit-v1.yaml": "/pipelit/api/v1/openapi.json",
    "kfp-v2beta1.yaml": "/apis/v2beta1/openapi.json",
    "kfp-v1alpha1.yaml": "/pipeline/apis/v1alpha1/openapi.json",
}


@pytest.mark.parametrize("name", sorted(SERVED))
def test_the_served_spec_has_the_files_operations(server, name):
    written = yaml.safe_load((ROOT / "openapi" / name).read_text())
    served = httpx.get(server.base_url + SERVED[name]).json()
    assert served["info"] == written["info"]
    assert served["paths"].keys() == written["paths"].keys()


def test_template_placeholders_in_examples_are_served_as_written(server):
    # Not rendered as a Jinja2 template: `{{input}}` stays in the prompt template's example.
    served = httpx.get(server.base_url + "/api/openapi.json").text
    written = (ROOT / "openapi" / "pipelines.yaml").read_text()
    assert "{{input}}" in written
    assert "Write a concise answer for {{input}}." in served
