"""What the README ("Other languages") promises about openapi/*.yaml, for clients generated in
any language: OpenAPI 3.0.3, self-contained, every operation with a unique and stable
operationId, every response code it can answer documented.

Stable: operation_ids.txt records each operation's operationId; removing or renaming one
fails here (generated clients name their methods after it). A new operation is recorded with
`python tests/contract/test_spec_guarantees.py --record`. schemathesis (test_fuzz_*.py, fuzzing.py)
checks the other half at run time: every status the server answers is documented.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "openapi").glob("*.yaml"))
RECORD = Path(__file__).with_name("operation_ids.txt")
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Surfaces whose every error code is listed one by one; KFP follows upstream (200 + `default`).
EXPLICIT_CODES = ("pipelines.yaml", "external-v1.yaml", "pipelit-v1.yaml")
# Ours (not a compatibility dialect): every operation documents 429, and 401 when it needs a key.
OURS = ("pipelines.yaml", "external-v1.yaml")


def _load(spec: Path) -> dict:
    return yaml.safe_load(spec.read_text())


def _operations(doc: dict):
    for path, item in doc["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def _refs(node, found: list[str]) -> list[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                found.append(value)
            else:
                _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def _current() -> list[str]:
    lines = []
    for spec in SPECS:
        for method, path, op in _operations(_load(spec)):
            lines.append(f"{spec.name} {method.upper()} {path} {op.get('operationId')}")
    return lines


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_spec_is_openapi_3_0_3_and_self_contained(spec):
    doc = _load(spec)
    assert doc["openapi"] == "3.0.3"
    external = [ref for ref in _refs(doc, []) if not ref.startswith("#/")]
    assert not external, f"{spec.name} refers outside itself: {external[:5]}"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_operation_has_a_unique_operation_id(spec):
    ops = list(_operations(_load(spec)))
    missing = [f"{m.upper()} {p}" for m, p, op in ops if not op.get("operationId")]
    assert not missing, f"{spec.name}: operations without an operationId: {missing}"
    twice = [i for i, n in Counter(op["operationId"] for _, _, op in ops).items() if n > 1]
    assert not twice, f"{spec.name}: operationIds used twice: {twice}"


def test_operation_ids_are_stable():
    recorded = set(RECORD.read_text().splitlines())
    current = set(_current())
    gone = sorted(recorded - current)
    assert not gone, (
        "operations removed or renamed (generated clients call them by these names): "
        + "\n".join(gone)
    )
    new = sorted(current - recorded)
    assert not new, (
        "new operations: record them with `python tests/contract/test_spec_guarantees.py "
        "--record`:\n" + "\n".join(new)
    )


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_operation_documents_its_response_codes(spec):
    doc = _load(spec)
    problems = []
    for method, path, op in _operations(doc):
        where = f"{method.upper()} {path}"
        codes = set(op["responses"])
        if spec.name in EXPLICIT_CODES:
            if "default" in codes:
                problems.append(f"{where}: `default` instead of its codes")
        else:
            if not {"200", "default"} <= codes:
                problems.append(f"{where}: not upstream's 200 + default")
        if spec.name in OURS:
            if not any(code.startswith("2") for code in codes):
                problems.append(f"{where}: no success code")
            if "429" not in codes:
                problems.append(f"{where}: no 429")
            needs_key = op.get("security", doc.get("security")) not in (None, [], [{}])
            if needs_key != ("401" in codes):
                problems.append(f"{where}: 401 documented {'401' in codes}, key needed {needs_key}")
    assert not problems, f"{spec.name}:\n" + "\n".join(problems)


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit(f"usage: python {sys.argv[0]} --record")
    RECORD.write_text("\n".join(sorted(_current())) + "\n")
    print(f"recorded {len(_current())} operations in {RECORD.relative_to(ROOT)}")


def test_the_native_fuzz_parts_cover_every_path_once_and_keep_every_link():
    """The native spec is fuzzed in parts (tests/contract/fuzzing.NATIVE_PARTS): no path may
    fall out of every part, none may be fuzzed twice, and a link's two operations must be in
    one part (else the stateful phase would lose it)."""
    import re

    from tests.contract.fuzzing import NATIVE_PARTS

    doc = _load(ROOT / "openapi" / "pipelines.yaml")

    def part_of(path: str) -> list[str]:
        return [name for name, rx in NATIVE_PARTS.items() if re.search(rx, path)]

    for path in doc["paths"]:
        assert len(part_of(path)) == 1, (path, part_of(path))
    by_id = {op.get("operationId"): path for _m, path, op in _operations(doc)}
    for _method, path, op in _operations(doc):
        for response in (op.get("responses") or {}).values():
            for link in ((response or {}).get("links") or {}).values():
                target = by_id[link["operationId"]]
                assert part_of(target) == part_of(path), (path, target)
