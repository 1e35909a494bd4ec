"""Edit-time validation of a workflow graph: every structural, type and configuration
problem, each with its location, so that one edit can be rejected with all its reasons."""

from __future__ import annotations

import re
from collections import deque
from functools import cache

import jsonschema_rs
from sqlalchemy import select

from ..shared.errors import FieldError
from ..store.models import User
from .compiled_graph import reach
from .kinds import (
    KINDS,
    condition_ops,
    condition_schema,
    config_schemas,
    edge_port,
    input_ports,
    output_ports,
    with_defaults,
)
from .vocabulary import NAME_RE, port_compatible

MAX_ID = 100


@cache
def _validators() -> dict:
    return {kind: jsonschema_rs.validator_for(s) for kind, s in config_schemas().items()}


def _schema_message(error) -> tuple[str, tuple]:
    path = tuple(error.instance_path)
    return error.message, path


def validate_graph(graph: dict, fields: list[dict] | None = None) -> list[FieldError]:
    """Every structural, type and configuration problem of a graph, each with its loc."""
    errors: list[FieldError] = []

    def err(message: str, *loc) -> None:
        errors.append(FieldError(message, loc=("graph", *loc)))

    if not isinstance(graph, dict):
        return [FieldError("graph must be an object", loc=("graph",))]
    nodes = graph.get("nodes") or []
    edges = graph.get("edges") or []
    input_names = {f.get("name") for f in fields or []}
    by_id: dict[str, dict] = {}
    seen_ids: set[str] = set()
    configs: dict[str, dict] = {}
    for i, node in enumerate(nodes):
        nid, kind = node.get("id"), node.get("kind")
        if not nid or not isinstance(nid, str):
            err("Node needs an id", "nodes", i, "id")
            continue
        if len(nid) > MAX_ID:
            err(f"Node id {nid[:20]!r}... is longer than {MAX_ID} characters", "nodes", i, "id")
        if nid in seen_ids:
            err(f"Duplicate node id {nid!r}", "nodes", i, "id")
            continue
        seen_ids.add(nid)
        if kind not in KINDS:
            err(
                f"Node {nid!r} has unknown kind {kind!r}; expected one of " + ", ".join(KINDS),
                "nodes",
                i,
                "kind",
            )
            continue
        by_id[nid] = node
        raw = node.get("config")
        if raw is None:
            raw = {}
        config_ok = True
        if not isinstance(raw, dict):
            err(f"Node {nid!r}: config must be an object", "nodes", i, "config")
            config_ok = False
        else:
            for e in _validators()[kind].iter_errors(raw):
                message, path = _schema_message(e)
                err(f"Node {nid!r} ({kind}) config: {message}", "nodes", i, "config", *path)
                config_ok = False
        config = with_defaults(kind, raw if isinstance(raw, dict) else {})
        configs[nid] = config
        if config_ok:
            errors.extend(_kind_rules(nid, kind, config, i, input_names))
    for kind in ("start", "end"):
        count = sum(1 for n in by_id.values() if n.get("kind") == kind)
        if count != 1:
            err(f"A graph needs exactly one {kind} node, found {count}", "nodes")
    seen_edges: set[tuple] = set()
    forward: list[dict] = []
    back: list[dict] = []
    for i, edge in enumerate(edges):
        src, tgt = edge.get("source"), edge.get("target")
        sp, tp = edge_port(edge, "source"), edge_port(edge, "target")
        if src == tgt:
            err(f"Edge from {src!r} to itself", "edges", i)
            continue
        ok = True
        for end, nid in (("source", src), ("target", tgt)):
            if nid not in seen_ids:
                err(f"Edge {end} {nid!r} is not a node", "edges", i, end)
                ok = False
        if not ok or src not in by_id or tgt not in by_id:
            continue  # a node with an unknown kind has no ports to check
        key = (src, sp, tgt, tp)
        if key in seen_edges:
            err(f"Duplicate edge from {src!r}.{sp} to {tgt!r}.{tp}", "edges", i)
            continue
        seen_edges.add(key)
        skind, tkind = by_id[src]["kind"], by_id[tgt]["kind"]
        outs = output_ports(skind, configs[src])
        ins = input_ports(tkind, configs[tgt])
        if sp not in outs:
            err(
                f"Node {src!r} ({skind}) has no output port {sp!r}; its ports: "
                + (", ".join(outs) or "none"),
                "edges",
                i,
                "source_port",
            )
            ok = False
        if tp not in ins:
            err(
                f"Node {tgt!r} ({tkind}) has no input port {tp!r}; its ports: "
                + (", ".join(ins) or "none"),
                "edges",
                i,
                "target_port",
            )
            ok = False
        if ok and not port_compatible(outs[sp], ins[tp]):
            err(
                f"Edge {src!r}.{sp} ({outs[sp]}) -> {tgt!r}.{tp} ({ins[tp]}): "
                f"type {outs[sp]} is not compatible with {ins[tp]}",
                "edges",
                i,
            )
        if ok:
            (back if tkind == "loop" and tp == "next" else forward).append(edge)
    out_count: dict[str, int] = {}
    for e in forward + back:
        out_count[e["source"]] = out_count.get(e["source"], 0) + 1
    for nid, node in by_id.items():
        if node["kind"] != "end" and not out_count.get(nid):
            err(f"Node {nid!r} has no outgoing edge", "nodes")
    errors.extend(_cycle_and_reach_errors(by_id, forward, back))
    errors.extend(_review_rules(by_id, configs, forward, nodes))
    return errors


def _kind_rules(nid: str, kind: str, config: dict, i: int, inputs: set) -> list[FieldError]:
    errors: list[FieldError] = []

    def err(message: str, *loc) -> None:
        errors.append(
            FieldError(f"Node {nid!r}: {message}", loc=("graph", "nodes", i, "config", *loc))
        )

    def cerr(message: str, *loc) -> None:  # worded as the schema's own config errors
        errors.append(
            FieldError(
                f"Node {nid!r} ({kind}) config: {message}",
                loc=("graph", "nodes", i, "config", *loc),
            )
        )

    if kind == "subtask":
        names: set[str] = set()
        for j, f in enumerate(config.get("fields") or []):
            name = f.get("name", "")
            if not NAME_RE.match(name):
                err(f"field name {name!r} must be letters, digits and _", "fields", j, "name")
            if name in names:
                err(f"duplicate field {name!r}", "fields", j, "name")
            names.add(name)
            source = f.get("source") or "user"
            if source == "input":
                ref = f.get("input_field") or name
                if ref not in inputs:
                    err(
                        f"field {name!r} copies input field {ref!r}, "
                        "which the workflow does not have",
                        "fields",
                        j,
                    )
            elif source == "static" and "value" not in f:
                err(f"field {name!r} has source static but no value", "fields", j)
            elif source == "llm":
                missing = [k for k in ("prompt", "credential", "model") if not f.get(k)]
                if missing:
                    err(
                        f"field {name!r} has source llm and needs " + ", ".join(missing),
                        "fields",
                        j,
                    )
            if f.get("type") == "select" and not f.get("options"):
                err(f"select field {name!r} needs options", "fields", j, "options")
    elif kind == "logic_gate":
        ports = [r["port"] for r in config["routes"]]
        if config.get("default"):
            ports.append(config["default"])
        for dup in {p for p in ports if ports.count(p) > 1}:
            err(f"port {dup!r} is used twice", "routes")
        for j, route in enumerate(config["routes"]):
            errors.extend(
                FieldError(
                    f"Node {nid!r}: {m}", loc=("graph", "nodes", i, "config", "routes", j, "when")
                )
                for m in _condition_errors(route["when"])
            )
    elif kind == "llm":
        # Inline or from the library (resolved into the workflow version): one of each pair.
        for inline, ref in (("prompt", "prompt_ref"), ("system", "system_ref")):
            if inline in config and ref in config:
                cerr(f"give {inline} or {ref}, not both", ref)
        if "prompt" not in config and "prompt_ref" not in config:
            cerr("needs prompt (or prompt_ref)")
        if "model_slug" in config:
            for key in ("credential", "model"):
                if key in config:
                    cerr("give model_slug or credential and model, not both", key)
        else:
            missing = [k for k in ("credential", "model") if k not in config]
            if missing:
                cerr("needs " + " and ".join(missing) + " (or model_slug)")
    elif kind == "evaluation":
        if not config.get("checks") and "evaluation_ref" not in config:
            cerr("needs checks (or evaluation_ref)")
        for j, check in enumerate(config.get("checks") or []):
            t = check["type"]
            if t == "regex":
                try:
                    re.compile(check.get("pattern") or "")
                except re.error as exc:
                    err(f"check {j}: invalid pattern: {exc}", "checks", j, "pattern")
                if "pattern" not in check:
                    err(f"check {j}: regex needs a pattern", "checks", j)
            elif t == "json_schema":
                try:
                    # offline: a remote "$ref" must never make the server fetch a URL
                    jsonschema_rs.validator_for(check.get("schema") or {}, offline=True)
                except Exception as exc:  # the library's own error types vary by version
                    err(f"check {j}: invalid JSON Schema: {exc}", "checks", j, "schema")
                if "schema" not in check:
                    err(f"check {j}: json_schema needs a schema", "checks", j)
            elif "min" not in check and "max" not in check:
                err(f"check {j}: threshold needs min or max", "checks", j)
    return errors


def _condition_errors(cond: dict, nested: bool = False) -> list[str]:
    if not isinstance(cond, dict):
        return ["a condition must be an object"]
    unknown = sorted(set(cond) - set(condition_schema()["properties"]))
    if unknown:
        return ["unknown condition keys: " + ", ".join(unknown)]
    if "all" in cond or "any" in cond:
        out = []
        for c in cond.get("all") or cond.get("any") or []:
            out += _condition_errors(c, True)
        return out
    if "not" in cond:
        return _condition_errors(cond["not"], True)
    ops = condition_ops()
    if nested and "op" in cond and cond["op"] not in ops:
        return [f"unknown operator {cond['op']!r}; expected one of " + ", ".join(sorted(ops))]
    missing = [k for k in ("path", "op") if k not in cond]
    if missing:
        return ["a condition needs " + " and ".join(missing)]
    if cond["op"] not in ("exists", "not_exists") and "value" not in cond:
        return [f"condition {cond['op']!r} on {cond['path']!r} needs a value"]
    if cond["op"] == "matches":
        try:
            re.compile(str(cond["value"]))
        except re.error as exc:
            return [f"invalid pattern: {exc}"]
    return []


def _successors(edges: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in edges:
        out.setdefault(e["source"], []).append(e["target"])
    return out


def _cycle_and_reach_errors(by_id: dict, forward: list[dict], back: list[dict]) -> list[FieldError]:
    errors: list[FieldError] = []
    succ = _successors(forward)
    # Cycles (Kahn's algorithm over forward edges): the nodes left are on a cycle.
    indeg = {n: 0 for n in by_id}
    for e in forward:
        indeg[e["target"]] += 1
    queue = deque(n for n, d in indeg.items() if d == 0)
    done = 0
    while queue:
        n = queue.popleft()
        done += 1
        for m in succ.get(n, []):
            indeg[m] -= 1
            if indeg[m] == 0:
                queue.append(m)
    if done < len(by_id):
        cyclic = sorted(n for n, d in indeg.items() if d > 0)
        errors.append(
            FieldError(
                "The graph has a cycle through "
                + ", ".join(repr(n) for n in cyclic)
                + "; only an edge into a loop node's `next` port may go back",
                loc=("graph", "edges"),
            )
        )
    starts = [n for n, node in by_id.items() if node["kind"] == "start"]
    if starts:
        reached = reach(starts, succ)
        for n in by_id:
            if n not in reached:
                errors.append(
                    FieldError(
                        f"Node {n!r} is not reachable from the start node", loc=("graph", "nodes")
                    )
                )
    for loop_id, node in by_id.items():
        if node["kind"] != "loop":
            continue
        out_of = {
            port: [e for e in forward if e["source"] == loop_id and edge_port(e, "source") == port]
            for port in ("body", "done")
        }
        body = out_of["body"]
        backs = [e for e in back if e["target"] == loop_id]
        for port, port_edges in out_of.items():
            if len(port_edges) != 1:
                errors.append(
                    FieldError(
                        f"Loop {loop_id!r} needs exactly one edge out of its {port} port, "
                        f"found {len(port_edges)}",
                        loc=("graph", "edges"),
                    )
                )
        if not backs:
            errors.append(
                FieldError(
                    f"Loop {loop_id!r} needs an edge back into its next port",
                    loc=("graph", "edges"),
                )
            )
        inside = reach([e["target"] for e in body], succ, stop=loop_id)
        for e in backs:
            if e["source"] not in inside:
                errors.append(
                    FieldError(
                        f"Edge {e['source']!r} -> loop {loop_id!r}.next goes back from a node "
                        "outside the loop's body",
                        loc=("graph", "edges"),
                    )
                )
    return errors


def _review_rules(by_id: dict, configs: dict, forward: list[dict], nodes: list) -> list[FieldError]:
    errors = []
    preds: dict[str, list[str]] = {}
    for e in forward:
        preds.setdefault(e["target"], []).append(e["source"])
    index = {n.get("id"): i for i, n in enumerate(nodes)}
    for nid, node in by_id.items():
        if node["kind"] != "review":
            continue
        upstream = reach(preds.get(nid, []), preds)
        named = configs[nid].get("subtask")
        loc = ("graph", "nodes", index.get(nid), "config", "subtask")
        if named:
            if named not in by_id or by_id[named]["kind"] != "subtask" or named not in upstream:
                errors.append(
                    FieldError(
                        f"Review {nid!r} reviews {named!r}, which is not a subtask upstream of it",
                        loc=loc,
                    )
                )
        elif not any(by_id[u]["kind"] == "subtask" for u in upstream if u in by_id):
            errors.append(FieldError(f"Review {nid!r} has no subtask upstream to review", loc=loc))
    return errors


def assignee_errors(conn, org_id: int, graph: dict) -> list[FieldError]:
    """`assign_to` of subtask and review nodes names an active user of the organization (the
    graph's shape was checked by `validate_graph`; this needs the database)."""
    wanted: list[tuple[int, str, int]] = []
    nodes = graph.get("nodes") if isinstance(graph, dict) else None
    for i, node in enumerate(nodes if isinstance(nodes, list) else []):
        if not isinstance(node, dict):
            continue
        config = node.get("config")
        if node.get("kind") in ("subtask", "review") and isinstance(config, dict):
            user_id = config.get("assign_to")
            if isinstance(user_id, int) and not isinstance(user_id, bool):
                wanted.append((i, node.get("id"), user_id))
    if not wanted:
        return []
    members = set(
        conn.execute(
            select(User.id).where(
                User.id.in_({u for _, _, u in wanted}),
                User.org_id == org_id,
                User.removed_at.is_(None),
            )
        ).scalars()
    )
    return [
        FieldError(
            f"Node {nid!r}: assign_to: no active user {user_id} in this organization",
            loc=("graph", "nodes", i, "config", "assign_to"),
        )
        for i, nid, user_id in wanted
        if user_id not in members
    ]
