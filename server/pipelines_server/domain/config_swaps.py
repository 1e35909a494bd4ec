"""Config swaps: which node configs of a workflow graph can be swapped, and applying a
variant's `configOverrides` to a copy of the graph. Pure functions on graph dicts.

Configurable fields (`fieldId` per node kind):

- llm nodes: `prompt` and `system` (a library prompt version: `prompt_ref` / `system_ref`
  `{"prompt_id", "version"}` in the node's config, instead of inline text), and `model` (a
  model slug the organization can use: `model_slug`, instead of `credential` + `model`);
- evaluation and review nodes: `evaluation` (a library evaluation version: `evaluation_ref`
  `{"evaluation_id", "version"}`; on an evaluation node it replaces the inline `checks`).

`configOverrides` = {"prompts": [{nodeId, fieldId, promptId, version}], "models": [{nodeId,
modelSlug}], "evaluations": [{nodeId, fieldId, evaluationId, version}]}; every list is
optional and `{}` is a plain copy (a baseline). Without `version`, the latest version when
the copy's tasks are first created.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ..shared.errors import FieldError

PROMPT_FIELDS = {"prompt": ("prompt", "prompt_ref"), "system": ("system", "system_ref")}
MODEL_FIELD = "model"
EVALUATION_FIELD = "evaluation"
EVALUATION_KINDS = ("evaluation", "review")
# override section -> (the id key of an entry, the kinds of node it applies to)
SECTIONS = ("prompts", "models", "evaluations")


@dataclass(frozen=True)
class Override:
    """One swap, checked for shape: `section` is prompts, models or evaluations; `ref_id` the
    library prompt or evaluation id (None for a model); `slug` the model slug (models)."""

    section: str
    index: int
    node_id: str
    field_id: str
    ref_id: int | None = None
    version: int | None = None
    slug: str | None = None


def _nodes(graph: dict | None) -> list[dict]:
    nodes = (graph or {}).get("nodes") or []
    return [n for n in nodes if isinstance(n, dict)]


def _current_prompt(config: dict, key: str, ref_key: str) -> dict:
    ref = config.get(ref_key)
    if isinstance(ref, dict):
        return {
            "source": "library",
            "prompt_id": ref.get("prompt_id"),
            "version": ref.get("version"),
        }
    return {"source": "inline", "text": config.get(key)}


def _current_model(config: dict) -> dict:
    if config.get("model_slug"):
        return {"source": "library", "model_slug": config["model_slug"]}
    return {
        "source": "inline",
        "credential": config.get("credential"),
        "model": config.get("model"),
    }


def _current_evaluation(kind: str, config: dict) -> dict:
    ref = config.get("evaluation_ref")
    if isinstance(ref, dict):
        return {
            "source": "library",
            "evaluation_id": ref.get("evaluation_id"),
            "version": ref.get("version"),
        }
    if kind == "evaluation":
        return {"source": "inline", "checks": config.get("checks") or []}
    return {"source": "none"}


def configurable_fields(graph: dict | None) -> list[dict]:
    """Every node whose config can be swapped, in graph order, with its fields and their
    current values."""
    out = []
    for node in _nodes(graph):
        kind = node.get("kind")
        config = node.get("config") if isinstance(node.get("config"), dict) else {}
        if kind == "llm":
            fields = [
                {
                    "fieldId": field_id,
                    "label": "Prompt" if field_id == "prompt" else "System prompt",
                    "override": "prompts",
                    "current": _current_prompt(config, key, ref_key),
                }
                for field_id, (key, ref_key) in PROMPT_FIELDS.items()
            ]
            fields.append(
                {
                    "fieldId": MODEL_FIELD,
                    "label": "Model",
                    "override": "models",
                    "current": _current_model(config),
                }
            )
        elif kind in EVALUATION_KINDS:
            fields = [
                {
                    "fieldId": EVALUATION_FIELD,
                    "label": "Evaluation",
                    "override": "evaluations",
                    "current": _current_evaluation(kind, config),
                }
            ]
        else:
            continue
        out.append(
            {
                "nodeId": node.get("id"),
                "name": node.get("name") or node.get("id"),
                "kind": kind,
                "fields": fields,
            }
        )
    return out


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value < 2**63


def parse(raw: Any, loc: tuple) -> tuple[list[Override], list[FieldError]]:
    """The overrides of one variant, checked for shape (not yet against a graph). `loc` is
    where `configOverrides` is in the request, e.g. ("body", "variants", 0,
    "configOverrides")."""
    errors: list[FieldError] = []
    overrides: list[Override] = []
    if raw is None:
        return overrides, errors
    if not isinstance(raw, dict):
        return overrides, [FieldError("configOverrides must be an object", loc=loc)]
    for key in raw:
        if key not in SECTIONS:
            errors.append(
                FieldError(
                    f"configOverrides: unknown section {key!r} (expected prompts, models, "
                    "evaluations)",
                    loc=(*loc, key),
                )
            )
    for section in SECTIONS:
        entries = raw.get(section)
        if entries is None:
            continue
        if not isinstance(entries, list):
            errors.append(FieldError(f"{section} must be a list", loc=(*loc, section)))
            continue
        for j, entry in enumerate(entries):
            here = (*loc, section, j)
            if not isinstance(entry, dict):
                errors.append(FieldError(f"{section}[{j}] must be an object", loc=here))
                continue
            node_id = entry.get("nodeId")
            if not isinstance(node_id, str) or not node_id:
                errors.append(FieldError("nodeId is required", loc=(*here, "nodeId")))
                continue
            if section == "models":
                slug = entry.get("modelSlug")
                field_id = entry.get("fieldId", MODEL_FIELD)
                if not isinstance(slug, str) or not slug.strip():
                    errors.append(FieldError("modelSlug is required", loc=(*here, "modelSlug")))
                    continue
                if not isinstance(field_id, str):
                    errors.append(FieldError("fieldId must be a string", loc=(*here, "fieldId")))
                    continue
                overrides.append(Override(section, j, node_id, field_id, slug=slug.strip()))
                continue
            field_id = entry.get("fieldId")
            id_key = "promptId" if section == "prompts" else "evaluationId"
            if not isinstance(field_id, str) or not field_id:
                errors.append(FieldError("fieldId is required", loc=(*here, "fieldId")))
                continue
            ref_id, version = entry.get(id_key), entry.get("version")
            if not _positive_int(ref_id):
                errors.append(
                    FieldError(f"{id_key} must be a positive integer", loc=(*here, id_key))
                )
                continue
            if version is not None and not _positive_int(version):
                errors.append(
                    FieldError("version must be a positive integer", loc=(*here, "version"))
                )
                continue
            overrides.append(Override(section, j, node_id, field_id, ref_id, version))
    return overrides, errors


def check_targets(
    graph: dict | None, overrides: list[Override], variant: int, loc: tuple
) -> list[FieldError]:
    """Each override names a node of the graph and a field of that node that takes this kind
    of override; the messages name the variant, the nodeId and the fieldId."""
    by_id = {n.get("id"): n for n in _nodes(graph)}
    errors = []
    seen: set[tuple[str, str]] = set()
    for o in overrides:
        here = (*loc, o.section, o.index)
        node = by_id.get(o.node_id)
        where = f"variants[{variant}].configOverrides.{o.section}[{o.index}]"
        if node is None:
            errors.append(
                FieldError(
                    f"{where}: unknown nodeId {o.node_id!r} (fieldId {o.field_id!r}); see "
                    "the workflow's configurable-fields",
                    loc=(*here, "nodeId"),
                )
            )
            continue
        kind = node.get("kind")
        if o.section == "prompts":
            ok_kind, ok_fields = kind == "llm", tuple(PROMPT_FIELDS)
        elif o.section == "models":
            ok_kind, ok_fields = kind == "llm", (MODEL_FIELD,)
        else:
            ok_kind, ok_fields = kind in EVALUATION_KINDS, (EVALUATION_FIELD,)
        if not ok_kind:
            errors.append(
                FieldError(
                    f"{where}: node {o.node_id!r} is a {kind} node; its field {o.field_id!r} "
                    f"takes no {o.section} override",
                    loc=(*here, "nodeId"),
                )
            )
            continue
        if o.field_id not in ok_fields:
            errors.append(
                FieldError(
                    f"{where}: unknown fieldId {o.field_id!r} of node {o.node_id!r} for "
                    f"{o.section} (expected {', '.join(ok_fields)})",
                    loc=(*here, "fieldId"),
                )
            )
            continue
        if (o.node_id, o.field_id) in seen:
            errors.append(
                FieldError(
                    f"{where}: node {o.node_id!r} field {o.field_id!r} is overridden twice",
                    loc=(*here, "fieldId"),
                )
            )
        seen.add((o.node_id, o.field_id))
    return errors


def apply(graph: dict, overrides: list[Override]) -> dict:
    """A copy of `graph` with the overrides applied (checked with check_targets first); the
    graph given is not changed."""
    out = copy.deepcopy(graph)
    by_id = {n.get("id"): n for n in _nodes(out)}
    for o in overrides:
        node = by_id[o.node_id]
        config = node.get("config")
        if not isinstance(config, dict):
            config = node["config"] = {}
        if o.section == "prompts":
            key, ref_key = PROMPT_FIELDS[o.field_id]
            config.pop(key, None)
            config[ref_key] = _ref("prompt_id", o)
        elif o.section == "models":
            config.pop("credential", None)
            config.pop("model", None)
            config["model_slug"] = o.slug
        else:
            if node.get("kind") == "evaluation":
                config.pop("checks", None)
            config["evaluation_ref"] = _ref("evaluation_id", o)
    return out


def _ref(id_key: str, o: Override) -> dict:
    """A library reference; without a version, the latest when the copy's version is first
    used (then fixed: library versions never change)."""
    ref: dict = {id_key: o.ref_id}
    if o.version is not None:
        ref["version"] = o.version
    return ref
