"""Schemathesis fuzzes the native API's workflows part (tests/contract/fuzzing.NATIVE_PARTS)
against a seeded server (tests/contract/fuzzing.py): every check, no failure. The native spec
is fuzzed in parts, one file each, so that it spreads over both cores."""

from __future__ import annotations

from tests.contract.fuzzing import NATIVE_PARTS, check_spec, fuzz_server  # noqa: F401 - fixture


def test_schemathesis_finds_no_failures(fuzz_server, tmp_path):  # noqa: F811
    check_spec(fuzz_server, "/api/openapi.json", tmp_path, NATIVE_PARTS["workflows"])
