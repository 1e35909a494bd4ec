"""LLM analytics of a workflow: the calls its llm nodes made (store `llm_calls`, written by
engine/node_work.complete with the node's result), counted by node, by model, and by both.

Tokens are the provider's `usage` (prompt and completion tokens); a call whose reply had no
usage counts as a call with no tokens. Latency is the wall time of the HTTP call.

The 95th percentile latency (nearest rank) of the totals and of each group: on PostgreSQL in
SQL (`percentile_disc(0.95)`, which is the nearest rank), never loading the calls; on SQLite
(the embedded server, no percentile function) from the latencies read into Python.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..shared.errors import FieldError, ValidationFailed
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


def _shape(b: dict, p95_value: float | None) -> dict:
    return {
        "calls": b["calls"],
        "tokens_in": b["tokens_in"],
        "tokens_out": b["tokens_out"],
        "errors": b["errors"],
        "avg_latency_ms": round(b["latency_sum"] / b["calls"], 3) if b["calls"] else None,
        "p95_latency_ms": round(p95_value, 3) if p95_value is not None else None,
    }


_GROUPS = {"node": (_L.node_id,), "model": (_L.model,), "pair": (_L.node_id, _L.model)}


def _p95s(session: Session, where: list) -> dict:
    """The 95th percentile latencies: {"totals": v, "node": {node_id: v}, "model": {model: v},
    "pair": {(node_id, model): v}}."""
    latency = func.coalesce(_L.latency_ms, 0.0)
    if session.get_bind().dialect.name == "postgresql":
        pct = func.percentile_disc(0.95).within_group(latency)
        out: dict = {"totals": session.scalar(select(pct).where(*where))}
        for name, cols in _GROUPS.items():
            rows = session.execute(select(*cols, pct).where(*where).group_by(*cols))
            out[name] = {(r[0] if len(cols) == 1 else tuple(r[:-1])): r[-1] for r in rows}
        return out
    groups: dict[str, dict] = {name: defaultdict(list) for name in _GROUPS}
    every = []
    for node_id, model, value in session.execute(
        select(_L.node_id, _L.model, latency).where(*where)
    ):
        value = float(value)
        every.append(value)
        groups["node"][node_id].append(value)
        groups["model"][model].append(value)
        groups["pair"][(node_id, model)].append(value)
    return {
        "totals": p95(every),
        **{name: {k: p95(v) for k, v in g.items()} for name, g in groups.items()},
    }


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
        message = "since must not be after until"
        raise ValidationFailed(message, [FieldError(message, loc=("query", "since"))])
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
    p95s = _p95s(session, where)
    totals, by_node, by_model = _bucket(), defaultdict(_bucket), defaultdict(_bucket)
    by_node_model = []
    for row in rows:
        _add(totals, row)
        _add(by_node[row.node_id], row)
        _add(by_model[row.model], row)
        pair = _bucket()
        _add(pair, row)
        by_node_model.append(
            {
                "node_id": row.node_id,
                "model": row.model,
                **_shape(pair, p95s["pair"].get((row.node_id, row.model))),
            }
        )
    return {
        "workflow_id": wf.id,
        "since": since,
        "until": until,
        "totals": _shape(totals, p95s["totals"]),
        "by_node": [
            {"node_id": node_id, **_shape(b, p95s["node"].get(node_id))}
            for node_id, b in sorted(by_node.items())
        ],
        "by_model": [
            {"model": model, **_shape(b, p95s["model"].get(model))}
            for model, b in sorted(by_model.items())
        ],
        "by_node_model": by_node_model,
    }
