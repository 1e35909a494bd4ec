"""Library references in workflow graphs, checked when a workflow is edited or activated and
resolved into the workflow version snapshot that tasks run through.

- llm nodes: `prompt_ref: {"prompt_id", "version"}` instead of `prompt`, `system_ref` (same
  shape) instead of `system`, `model_slug` instead of `credential` + `model`.
- evaluation nodes: `evaluation_ref: {"evaluation_id", "version"}`: the evaluation's criteria
  score the value at `output_path` (default input) against `expected_path`, besides any
  inline `checks`.
- review nodes: `evaluation_ref` too: the evaluation scores the reviewed submission (the
  review node's input, or the value at `output_path`), and the reviewer sees the result in
  the review's input (`evaluation`).

`version` may be left out: the latest version when the workflow version is first used (its
snapshot), which never changes afterwards (library versions are immutable). Unknown items or
versions are 422 naming the node and the field; a model slug that no credential of the
organization serves is 403. A deleted item may stay referenced by a workflow that already
referenced it (its versions stay resolvable), but a new reference to it is 422.
"""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy.orm import Session

from ..shared.errors import FieldError, Forbidden, NotFound, ValidationFailed
from . import library, models

PROMPT_REFS = {"prompt_ref": "prompt", "system_ref": "system"}
EVALUATION_REF = "evaluation_ref"
MODEL_SLUG = "model_slug"
_REF_KINDS = {"llm", "evaluation", "review"}


def _nodes(graph: Any) -> list[tuple[int, dict, dict]]:
    out = []
    if not isinstance(graph, dict):
        return out
    for i, node in enumerate(graph.get("nodes") or []):
        if not isinstance(node, dict) or node.get("kind") not in _REF_KINDS:
            continue
        config = node.get("config")
        if isinstance(config, dict):
            out.append((i, node, config))
    return out


def has_refs(graph: Any) -> bool:
    """Whether any node of the graph references the library or a model slug."""
    for _, _, config in _nodes(graph):
        if any(k in config for k in (*PROMPT_REFS, EVALUATION_REF, MODEL_SLUG)):
            return True
    return False


def _ref_keys(graph: Any) -> set[tuple]:
    """The (kind, id, version) a graph references, to tell new references from kept ones."""
    keys = set()
    for _, _, config in _nodes(graph):
        for key in PROMPT_REFS:
            ref = config.get(key)
            if isinstance(ref, dict):
                keys.add(("prompt", ref.get("prompt_id"), ref.get("version")))
        ref = config.get(EVALUATION_REF)
        if isinstance(ref, dict):
            keys.add(("evaluation", ref.get("evaluation_id"), ref.get("version")))
    return keys


def check(session: Session, org_id: int, graph: Any, previous: Any = None) -> None:
    """Every reference of `graph` names an item and version of the organization (422 naming
    node and field otherwise) and every model slug is served by one of its credentials
    (403). References already in `previous` (the graph being replaced, or the same graph on
    activation) may name a deleted item."""
    kept = _ref_keys(previous) if previous is not None else set()
    errors: list[FieldError] = []
    forbidden: list[str] = []
    for i, node, config in _nodes(graph):
        nid = node.get("id")

        def err(message: str, key: str, _i: int = i, _nid: Any = nid) -> None:
            errors.append(
                FieldError(
                    f"Node {_nid!r}: {key}: {message}",
                    loc=("graph", "nodes", _i, "config", key),
                )
            )

        for key in PROMPT_REFS:
            if key in config:
                _check_ref(session, org_id, config[key], "prompt", key, kept, err)
        if EVALUATION_REF in config:
            _check_ref(
                session, org_id, config[EVALUATION_REF], "evaluation", EVALUATION_REF, kept, err
            )
        if MODEL_SLUG in config:
            try:
                models.model_for(session, org_id, config[MODEL_SLUG])
            except Forbidden as exc:
                forbidden.append(f"Node {nid!r}: {MODEL_SLUG}: {exc.message}")
    if errors:
        raise ValidationFailed("; ".join(e.message for e in errors), errors)
    if forbidden:
        raise Forbidden("; ".join(forbidden))


def _check_ref(session, org_id, ref, kind: str, key: str, kept: set, err) -> None:
    id_key = f"{kind}_id"
    if not isinstance(ref, dict) or not isinstance(ref.get(id_key), int):
        err(f"needs {{{id_key}, version}}", key)
        return
    item_id, version = ref[id_key], ref.get("version")
    if version is not None and (not isinstance(version, int) or version < 1):
        err("version must be a positive integer", key)
        return
    try:
        found = (
            library.prompt_version(session, org_id, item_id, version)
            if kind == "prompt"
            else library.evaluation_version(session, org_id, item_id, version)
        )
    except NotFound as exc:
        err(exc.message, key)
        return
    if found.get("deleted") and (kind, item_id, version) not in kept:
        err(f"{kind} {item_id} was deleted", key)
        return
    if kind == "evaluation" and key == EVALUATION_REF:
        judges = [c["name"] for c in found["criteria"] if c.get("type") == "llm_judge"]
        if judges:
            err(
                "llm_judge criteria cannot run inside a workflow node (use dataset evaluation "
                "runs): " + ", ".join(judges),
                key,
            )


def resolve(session: Session, org_id: int, graph: dict) -> dict:
    """The graph with every reference replaced by what it names (a copy; `graph` is kept):
    llm nodes get `prompt`/`system` text and `credential` + `model`; evaluation and review
    nodes get the evaluation's `criteria` (resolved, pinned versions) and `pass_threshold`.
    The reference keys stay, for the record."""
    if not has_refs(graph):
        return graph
    out = copy.deepcopy(graph)
    for i, node, config in _nodes(out):
        nid = node.get("id")
        try:
            for key, target in PROMPT_REFS.items():
                ref = config.get(key)
                if isinstance(ref, dict):
                    found = library.prompt_version(
                        session, org_id, ref.get("prompt_id"), ref.get("version")
                    )
                    config[target] = found["prompt_text"]
                    ref["version"] = found["version"]
            ref = config.get(EVALUATION_REF)
            if isinstance(ref, dict):
                found = library.evaluation_version(
                    session, org_id, ref.get("evaluation_id"), ref.get("version")
                )
                config["criteria"] = found["criteria"]
                config["pass_threshold"] = found.get("pass_threshold")
                ref["version"] = found["version"]
        except NotFound as exc:
            raise ValidationFailed(
                f"Node {nid!r}: {exc.message}",
                [FieldError(f"Node {nid!r}: {exc.message}", loc=("graph", "nodes", i, "config"))],
            ) from None
        if config.get(MODEL_SLUG):
            try:
                credential, model = models.model_for(session, org_id, config[MODEL_SLUG])
            except Forbidden as exc:
                raise Forbidden(f"Node {nid!r}: {MODEL_SLUG}: {exc.message}") from None
            config["credential"], config["model"] = credential, model
    return out
