"""Upstream's wire conventions shared by the KFP handlers: empty query parameters count as
absent, unset fields are omitted, list replies carry total_size and next_page_token, and
what runs and recurring runs share in their replies (their pipeline, their runtime config)."""

from __future__ import annotations

import json

from ...store.models import KfpRecurringRun, KfpRun


def opt(value):
    """The kfp SDK sends absent query parameters as empty strings (`namespace=`)."""
    return value or None


def opts(**values) -> dict:
    """Keyword arguments with every empty value as None (see `opt`)."""
    return {key: opt(value) for key, value in values.items()}


def list_query(
    filter_raw: str | None,
    sort_by: str | None,
    page_token: str | None,
    page_size: int | None,
    **scope: str | None,
) -> dict:
    """The keywords of a list rule (list_in_org's) from a list request's query parameters;
    `scope` is namespace and/or experiment_id."""
    return {
        **opts(**scope),
        "filter_raw": opt(filter_raw),
        "sort_by": opt(sort_by),
        "page_token": opt(page_token),
        "page_size": page_size,
    }


def list_reply(key: str, items: list, total: int, token: str) -> dict:
    out: dict = {"total_size": total}
    if items:
        out[key] = items
    if token:
        out["next_page_token"] = token
    return out


def clean(out: dict) -> dict:
    """A reply without its unset fields."""
    return {k: v for k, v in out.items() if v not in (None, "", [], {})}


def status(message: str | None) -> dict | None:
    """An error message as upstream's google.rpc.Status (code 2, UNKNOWN)."""
    if not message:
        return None
    return {"code": 2, "message": message}


def source(row: KfpRun | KfpRecurringRun) -> dict:
    """What a run or recurring run runs: its inline IR, or its pipeline version."""
    if row.inline_spec:
        return {"pipeline_spec": json.loads(row.pipeline_spec)}
    return {
        "pipeline_version_reference": clean(
            {"pipeline_id": row.pipeline_id, "pipeline_version_id": row.pipeline_version_id}
        )
    }


def runtime_config(config: dict | None) -> dict | None:
    config = config or {}
    return (
        clean(
            {"parameters": config.get("parameters"), "pipeline_root": config.get("pipeline_root")}
        )
        or None
    )
