"""LLM analytics of a workflow: the calls its llm nodes made (store `llm_calls`, written by
engine/node_work.complete with the node's result), counted by node, by model, and by both.

Tokens are the provider's `usage` (prompt and completion tokens); a call whose reply had no
usage counts as a call with no tokens. Latency is the wall time of the HTTP call.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..shared.errors import BadRequest
from ..shared.principal import Principal
from ..store.models import LlmCall
from .workflows import get_workflow

_L = LlmCall.__table__.c


def p95(values: list[float]) -> float | None:
    """The 95th percentile (nearest rank) of `values`; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _bucket() -> dict:
    return {"calls": 0, "tokens_in": 0, "tokens_out": 0, "errors": 0, "latency_sum": 0.0}


def _add(into: dict, row) -> None:
    into["calls"] += row.calls
    into["tokens_in"] += row.tokens_in or 0
    into["tokens_out"] += row.tokens_out or 0
    into["errors"] += row.errors or 0
    into["latency_sum"] += row.latency_sum or 0.0


def _shape(b: dict, latencies: list[float] | None = None) -> dict:
    out = {
        "calls": b["calls"],
        "tokens_in": b["tokens_in"],
        "tokens_out": b["tokens_out"],
        "errors": b["errors"],
        "avg_latency_ms": round(b["latency_sum"] / b["calls"], 3) if b["calls"] else None,
    }
    if latencies is not None:
        value = p95(latencies)
        out["p95_latency_ms"] = round(value, 3) if value is not None else None
    return out


def workflow_analytics(
    session: Session,
    principal: Principal,
    project_id: int,
    workflow_id: int,
    since: datetime | None = None,
    until: datetime | None = None,
) -> dict:
    wf = get_workflow(session, principal, workflow_id, project_id)
    if since is not None and until is not None and since > until:
        raise BadRequest("since must not be after until")
    where = [_L.workflow_id == wf.id, _L.org_id == principal.org_id]
    if since is not None:
        where.append(_L.created_at >= since)
    if until is not None:
        where.append(_L.created_at < until)
    rows = session.execute(
        select(
            _L.node_id,
            _L.model,
            func.count().label("calls"),
            func.sum(_L.tokens_in).label("tokens_in"),
            func.sum(_L.tokens_out).label("tokens_out"),
            func.sum(case((_L.ok.is_(False), 1), else_=0)).label("errors"),
            func.sum(_L.latency_ms).label("latency_sum"),
        )
        .where(*where)
        .group_by(_L.node_id, _L.model)
        .order_by(_L.node_id, _L.model)
    ).all()
    latencies: dict[str, list[float]] = defaultdict(list)
    for node_id, latency in session.execute(select(_L.node_id, _L.latency_ms).where(*where)):
        latencies[node_id].append(float(latency or 0.0))
    totals, by_node, by_model = _bucket(), defaultdict(_bucket), defaultdict(_bucket)
    by_node_model = []
    for row in rows:
        _add(totals, row)
        _add(by_node[row.node_id], row)
        _add(by_model[row.model], row)
        pair = _bucket()
        _add(pair, row)
        by_node_model.append({"node_id": row.node_id, "model": row.model, **_shape(pair)})
    every = [v for values in latencies.values() for v in values]
    return {
        "workflow_id": wf.id,
        "since": since,
        "until": until,
        "totals": _shape(totals, every),
        "by_node": [
            {"node_id": node_id, **_shape(b, latencies[node_id])}
            for node_id, b in sorted(by_node.items())
        ],
        "by_model": [{"model": model, **_shape(b)} for model, b in sorted(by_model.items())],
        "by_node_model": by_node_model,
    }
