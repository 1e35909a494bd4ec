"""Schemathesis fuzzes the Pipelit surface against a seeded server
(tests/contract/fuzzing.py): every check, no failure. One file per surface, so that
the suites spread over both cores."""

from __future__ import annotations

import pytest

from tests.contract.fuzzing import check_spec, fuzz_server  # noqa: F401 - the fixture


@pytest.mark.parametrize(
    "spec_path",
    [
        "/pipelit/api/v1/openapi.json",
    ],
)
def test_schemathesis_finds_no_failures(fuzz_server, spec_path, tmp_path):  # noqa: F811
    check_spec(fuzz_server, spec_path, tmp_path)
