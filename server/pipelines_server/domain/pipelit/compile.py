"""A Pipelit graph compiled into a native graph (engine/kinds.py), which an execution runs as
one native task.

What is compiled: the nodes reachable from the chosen trigger over the flow edges (unlabelled,
`loop_body`, `loop_return` and conditional ones); the entry nodes are those marked
`is_entry_point`, else the trigger's targets. Sub-component connections (`llm`, `tool`,
`output_parser`, `skill` edges) are not flow, and other triggers are dropped, as upstream.

How Pipelit node types map onto native kinds (every Pipelit node keeps its `node_id` as the
native node id, so native node events and node instances map back to Pipelit nodes one to
one; the few helper nodes the compiler adds have ids that contain `::`, which is how a reader
tells them apart: `is_helper`):

- the chosen `trigger_*` -> `start` (id = the trigger's node_id), which outputs the trigger
  payload (the task's input fields);
- `code` -> `code`: `extra_config.code` runs as Pipelit runs it, as the body of a function
  that sees `state` (`trigger`, `node_outputs`, `route`), `node_outputs` and `result`; its
  return value (else `result`, else what it printed) becomes `{"output": str(...)}`;
  `extra_config.timeout` (60 s) is its time limit;
- `switch` -> `code` (id = node_id) computing `{"route"}` from `extra_config.rules` with
  Pipelit's operators (`enable_fallback`: `__other__`), or the legacy `condition_field` /
  `condition_expression`, followed by a `logic_gate` `<node_id>::route` with one port per
  conditional edge's `condition_value`; a route no edge takes ends that path (`::none`);
  paths not taken are na;
- `merge` -> `code` with every parent as its input (it waits for all of them; paths not
  taken are skipped): `{"merged"}` by `append` (default) or `combine` of `source_nodes`
  (default: every node output so far), as upstream;
- `filter` -> `code`: `{"filtered"}` by `rules` over `source_node`'s `field`;
- `loop` -> `code` `<id>::items` (the items: `source_node`'s `field`, a non-list as one item)
  then the native `loop` `<id>` (at most 1000 items) with `<id>::body` and `<id>::done`
  fan-outs to its `loop_body` and direct targets; its one `loop_return` edge goes back into
  the loop's `next` port; body code sees `state["loop"]` = `{item, index}`; the loop's
  output is `{"results": [<the returning node's output per item>]}` (upstream keys each by
  node id);
- `wait` -> `code`: sleeps `duration` `unit` (at most 3000 s), `{"output": "Waited ..."}`;
- `reply_chat` -> `code`: `{"output": message}` (`system_prompt`, else
  `extra_config.message`, a Jinja template over `trigger` and the node outputs);
- `agent`, `deep_agent`, `categorizer`, `router`, `extractor` -> `llm` on the native
  credential behind the llm credential its `ai_model` (connected by an `llm` edge) names,
  with that node's `model_name` (temperature, max_tokens): the trigger's `text` is the user
  message and the node's system prompt is sent as it is; without a resolvable model the
  execution fails with "Node <id> (<type>) requires a model connection". Code downstream
  sees the answer as Pipelit's output (`pipelit_output`): agent `{"output"}`, categorizer
  `{"category", "raw"}`, router `{"route"}`, extractor `{"extracted"}` (no tools, memory,
  conversation memory or output parsers);
- any other type: the execution fails with "Node <id>: node type '<t>' is not supported by
  this server"; a node with `interrupt_before`/`interrupt_after` likewise;
- one `end` node `::end`, where every path's last node leads.

Each code node runs in the server's sandbox (engine/executors/code.py) like any native code
node. The execution's `final_output` is computed from the node outputs (`final_output`).
"""

from __future__ import annotations

import inspect
import json
from collections import deque
from dataclasses import dataclass, field

END_ID = "::end"
ROUTE_SUFFIX = "::route"
FLOW_LABELS = ("", "loop_body", "loop_return")
MAX_NATIVE_ID = 100
MAX_TIMEOUT = 3600
WAIT_LIMIT = 3000
CODE_KINDS = ("code", "switch", "merge", "filter", "wait", "reply_chat", "loop")
MAX_ITERATIONS = 1000
LLM_KINDS = ("agent", "deep_agent", "categorizer", "router", "extractor")


class Unsupported(Exception):
    """The graph cannot run here; the message is the execution's error_message."""


@dataclass
class Compiled:
    graph: dict
    node_ids: list[str] = field(default_factory=list)  # the Pipelit nodes that run
    types: dict[str, str] = field(default_factory=dict)  # node_id -> component_type


def is_helper(native_id: str) -> bool:
    """A node the compiler added (the end, a switch's gate), not a Pipelit node."""
    return "::" in native_id


def unsupported(node_id: str, component_type: str) -> str:
    return f"Node {node_id}: node type '{component_type}' is not supported by this server"


def _flow_edges(edges: list[dict]) -> list[dict]:
    return [
        e
        for e in edges
        if e.get("target_node_id")
        and (e.get("edge_type") == "conditional" or (e.get("edge_label") or "") in FLOW_LABELS)
    ]


def model_links(nodes: list[dict], edges: list[dict]) -> dict[str, dict]:
    """node_id -> the config of the `ai_model` node its `llm` edge comes from."""
    by_id = {n["node_id"]: n for n in nodes}
    links = {}
    for e in edges:
        source = by_id.get(e.get("source_node_id"))
        if e.get("edge_label") == "llm" and source and source["component_type"] == "ai_model":
            links[e.get("target_node_id")] = source.get("config") or {}
    return links


def compile_graph(
    trigger: dict,
    nodes: list[dict],
    edges: list[dict],
    models: dict[str, dict] | None = None,
) -> Compiled:
    """The native graph of what `trigger` reaches. Nodes and edges are dicts with the Pipelit
    columns (`node_id`, `component_type`, `config`, `is_entry_point`; `source_node_id`,
    `target_node_id`, `edge_type`, `edge_label`, `condition_value`); `models` maps an llm
    node's id to `{"credential": <native credential name>, "model": <model>}` (its
    `ai_model`'s, resolved by the caller). Raises Unsupported."""
    models = models or {}
    by_id = {n["node_id"]: n for n in nodes}
    flow = [
        e
        for e in _flow_edges(edges)
        if e["source_node_id"] in by_id
        and (e["target_node_id"] in by_id or e["target_node_id"] == "__end__")
    ]

    def runs(node_id: str) -> bool:
        return node_id in by_id and not by_id[node_id]["component_type"].startswith("trigger_")

    entries = [n["node_id"] for n in nodes if n.get("is_entry_point") and runs(n["node_id"])]
    if not entries:
        entries = [
            e["target_node_id"]
            for e in flow
            if e["source_node_id"] == trigger["node_id"] and runs(e["target_node_id"])
        ]
    entries = list(dict.fromkeys(entries))
    reached: list[str] = []
    seen = set(entries)
    queue = deque(entries)
    while queue:
        current = queue.popleft()
        reached.append(current)
        for e in flow:
            target = e["target_node_id"]
            if e["source_node_id"] == current and runs(target) and target not in seen:
                seen.add(target)
                queue.append(target)
    for node_id in reached:
        node = by_id[node_id]
        kind = node["component_type"]
        if kind not in CODE_KINDS + LLM_KINDS:
            raise Unsupported(unsupported(node_id, kind))
        if kind in LLM_KINDS and node_id not in models:
            raise Unsupported(f"Node {node_id} ({kind}) requires a model connection")
        if node.get("interrupt_before") or node.get("interrupt_after"):
            raise Unsupported(f"Node {node_id}: interrupts are not supported by this server")
        if len(node_id) + len(ROUTE_SUFFIX) > MAX_NATIVE_ID:
            raise Unsupported(f"Node {node_id}: node id is too long for this server")

    translated = {
        n: by_id[n]["component_type"]
        for n in reached
        if n in models or by_id[n]["component_type"] == "loop"
    }
    # A loop is entered through its `::items` helper, which computes what it iterates over.
    entered = {n: n + "::items" for n in reached if by_id[n]["component_type"] == "loop"}
    start_id = trigger["node_id"]
    native_nodes = [{"id": start_id, "kind": "start", "name": start_id}]
    native_edges: list[dict] = []
    outgoing: set[str] = set()

    def link(
        source: str, target: str, port: str | None = None, target_port: str | None = None
    ) -> None:
        edge = {"source": source, "target": target if target_port else entered.get(target, target)}
        if port is not None:
            edge["source_port"] = port
        if target_port is not None:
            edge["target_port"] = target_port
        if edge not in native_edges:
            native_edges.append(edge)
        outgoing.add(source)

    def helper(native_id: str, kind: str, config: dict | None = None) -> None:
        native_nodes.append(
            {"id": native_id, "kind": kind, "name": native_id, "config": config or {}}
        )

    for entry in entries:
        link(start_id, entry)
    for node_id in reached:
        node = by_id[node_id]
        kind = node["component_type"]
        config = node.get("config") or {}
        mine = [e for e in flow if e["source_node_id"] == node_id]
        if kind == "loop":
            _loop(node_id, config, mine, flow, runs, link, helper, trigger["node_id"], translated)
            continue
        native_nodes.append(
            {
                "id": node_id,
                "kind": "llm" if kind in LLM_KINDS else "code",
                "name": (node.get("label") or node_id)[:200],
                "config": (
                    llm_config(config, models[node_id])
                    if kind in LLM_KINDS
                    else code_config(kind, config, trigger["node_id"], translated)
                ),
            }
        )
        conditional = [e for e in mine if e.get("edge_type") == "conditional"]
        for e in mine:
            target = e["target_node_id"]
            if e.get("edge_type") == "conditional" or not runs(target):
                continue
            if e.get("edge_label") == "loop_return":
                link(node_id, target, target_port="next")
            else:
                link(node_id, target)
        if kind == "switch" and conditional:
            gate = node_id + ROUTE_SUFFIX
            values = list(dict.fromkeys(str(e.get("condition_value") or "") for e in conditional))
            values = [v for v in values if v]
            routes = [
                {"port": v, "when": {"path": "input.route", "op": "eq", "value": v}} for v in values
            ]
            native_nodes.append(
                {
                    "id": gate,
                    "kind": "logic_gate",
                    "name": gate,
                    "config": {"routes": routes, "default": "::none"},
                }
            )
            link(node_id, gate)
            for e in conditional:
                value = str(e.get("condition_value") or "")
                target = e["target_node_id"]
                if value and runs(target):
                    link(gate, target, value)
                elif value:  # `__end__` (or a trigger): the path ends here
                    link(gate, END_ID, value)
            link(gate, END_ID, "::none")
    for node in list(native_nodes):
        if node["id"] not in outgoing:
            link(node["id"], END_ID)
    native_nodes.append({"id": END_ID, "kind": "end", "name": "End"})
    return Compiled(
        graph={"nodes": native_nodes, "edges": native_edges},
        node_ids=reached,
        types={n: by_id[n]["component_type"] for n in reached},
    )


def _loop(node_id, config, mine, flow, runs, link, helper, trigger_id, translated) -> None:
    """A Pipelit loop: `<id>::items` (code: the items, from `source_node`'s `field`), the
    native loop `<id>` over them, `<id>::body` fanning out to its `loop_body` targets, the
    single `loop_return` edge back into its `next` port, and `<id>::done` fanning out to its
    direct targets once every item is done."""
    body = [e["target_node_id"] for e in mine if e.get("edge_label") == "loop_body"]
    after = [
        e["target_node_id"]
        for e in mine
        if e.get("edge_label") == "" and e.get("edge_type") != "conditional"
    ]
    returns = [
        e for e in flow if e["target_node_id"] == node_id and e.get("edge_label") == "loop_return"
    ]
    if not [t for t in body if runs(t)] or len(returns) != 1:
        raise Unsupported(
            f"Node {node_id}: a loop needs loop_body edges and exactly one loop_return edge"
        )
    helper(node_id + "::items", "code", code_config("loop", config, trigger_id, translated))
    helper(node_id, "loop", {"over": "input", "max_iterations": MAX_ITERATIONS})
    helper(node_id + "::body", "merge")
    helper(node_id + "::done", "merge")
    link(node_id + "::items", node_id, target_port="in")
    link(node_id, node_id + "::body", "body")
    link(node_id, node_id + "::done", "done")
    for target in body:
        if runs(target):
            link(node_id + "::body", target)
    for target in after:
        if runs(target):
            link(node_id + "::done", target)


def llm_config(config: dict, model: dict) -> dict:
    """The native llm node of an agent-like node: the trigger's text as the user message,
    the node's system prompt (kept literal: Pipelit's templates are not the engine's)."""
    native = {
        "credential": model["credential"],
        "model": model["model"],
        "prompt": "{{ task.text }}",
    }
    system = config.get("system_prompt") or ""
    if system:
        native["system"] = "{% raw %}" + system + "{% endraw %}"
    for key in ("temperature", "max_tokens"):
        value = model.get(key)
        if value is not None:
            native[key] = value
    return native


def pipelit_output(component_type: str, output):
    """What an agent-like node's native llm output is to Pipelit (its node_outputs entry):
    agent `{"output"}`, categorizer `{"category", "raw"}`, router `{"route"}`, extractor
    `{"extracted"}`; any other node's output as it is."""
    if component_type == "loop" and isinstance(output, list):
        return {"results": output}
    if component_type not in LLM_KINDS or not isinstance(output, dict):
        return output
    content = output.get("content") or ""
    if component_type == "categorizer":
        return {"category": content.strip(), "raw": content}
    if component_type == "router":
        return {"route": content.strip()}
    if component_type == "extractor":
        try:
            extracted = json.loads(content)
        except ValueError:
            extracted = {}
        return {"extracted": extracted if isinstance(extracted, dict) else {}}
    return {"output": content}


def code_config(
    component_type: str, config: dict, trigger_id: str, translated: dict | None = None
) -> dict:
    """The native code node that runs one Pipelit node: the runtime below plus the node's
    type and settings (`translated`: the llm and loop nodes' types, whose native outputs
    the runtime shows as Pipelit's)."""
    extra = config.get("extra_config") or {}
    settings = {
        "extra": extra,
        "system_prompt": config.get("system_prompt") or "",
        "translated": translated or {},
    }
    timeout = 60
    if component_type == "code":
        try:
            timeout = int(extra.get("timeout", 60))
        except (TypeError, ValueError):
            timeout = 60
    elif component_type == "wait":
        timeout = int(min(_wait_seconds(extra), WAIT_LIMIT)) + 30
    timeout = max(1, min(timeout, MAX_TIMEOUT))
    source = (
        RUNTIME
        + f"\nLLM_KINDS = {LLM_KINDS!r}\n\n\n"
        + inspect.getsource(pipelit_output)
        + f"\n_TYPE = {component_type!r}\n_TRIGGER = {trigger_id!r}\n_WAIT_LIMIT = {WAIT_LIMIT}\n"
        + f"_SETTINGS = json.loads({json.dumps(settings)!r})\n"
    )
    return {"source": source, "timeout_seconds": timeout}


def _wait_seconds(extra: dict) -> float:
    try:
        duration = float(extra.get("duration", 0))
    except (TypeError, ValueError):
        duration = 0.0
    unit = {"seconds": 1, "minutes": 60, "hours": 3600}.get(extra.get("unit", "seconds"), 1)
    return max(0.0, duration * unit)


# The code every compiled Pipelit node runs in the sandbox: `main(data)` rebuilds Pipelit's
# state from the native variables (`task` is the trigger payload, `nodes` the outputs so far)
# and runs the node type's behaviour.
RUNTIME = r"""
import contextlib
import io
import json
import re
import time
from datetime import datetime


def _num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _dt(v):
    if isinstance(v, datetime):
        return v
    if not isinstance(v, str):
        return None
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None


def _bool(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        return v.lower() in ("true", "1", "yes")
    return bool(v)


def _length(fv, rv, cmp, otherwise=False):
    if isinstance(fv, (list, str)):
        return cmp(len(fv), int(rv))
    return otherwise


OPS = {
    "exists": lambda fv, rv: fv is not None,
    "does_not_exist": lambda fv, rv: fv is None,
    "is_empty": lambda fv, rv: fv is None or fv == "" or fv == [] or fv == {},
    "is_not_empty": lambda fv, rv: not (fv is None or fv == "" or fv == [] or fv == {}),
    "equals": lambda fv, rv: str(fv) == str(rv),
    "not_equals": lambda fv, rv: str(fv) != str(rv),
    "contains": lambda fv, rv: rv in fv if isinstance(fv, list) else str(rv) in str(fv),
    "not_contains": lambda fv, rv: rv not in fv if isinstance(fv, list) else str(rv) not in str(fv),
    "starts_with": lambda fv, rv: str(fv).startswith(str(rv)),
    "not_starts_with": lambda fv, rv: not str(fv).startswith(str(rv)),
    "ends_with": lambda fv, rv: str(fv).endswith(str(rv)),
    "not_ends_with": lambda fv, rv: not str(fv).endswith(str(rv)),
    "matches_regex": lambda fv, rv: re.search(str(rv), str(fv)) is not None,
    "not_matches_regex": lambda fv, rv: re.search(str(rv), str(fv)) is None,
    "gt": lambda fv, rv: (_num(fv) or 0) > (_num(rv) or 0),
    "lt": lambda fv, rv: (_num(fv) or 0) < (_num(rv) or 0),
    "gte": lambda fv, rv: (_num(fv) or 0) >= (_num(rv) or 0),
    "lte": lambda fv, rv: (_num(fv) or 0) <= (_num(rv) or 0),
    "after": lambda fv, rv: (_dt(fv) or datetime.min) > (_dt(rv) or datetime.max),
    "before": lambda fv, rv: (_dt(fv) or datetime.max) < (_dt(rv) or datetime.min),
    "after_or_equal": lambda fv, rv: (_dt(fv) or datetime.min) >= (_dt(rv) or datetime.max),
    "before_or_equal": lambda fv, rv: (_dt(fv) or datetime.max) <= (_dt(rv) or datetime.min),
    "is_true": lambda fv, rv: _bool(fv) is True,
    "is_false": lambda fv, rv: _bool(fv) is False,
    "length_eq": lambda fv, rv: _length(fv, rv, lambda a, b: a == b),
    "length_neq": lambda fv, rv: _length(fv, rv, lambda a, b: a != b, True),
    "length_gt": lambda fv, rv: _length(fv, rv, lambda a, b: a > b),
    "length_lt": lambda fv, rv: _length(fv, rv, lambda a, b: a < b),
    "length_gte": lambda fv, rv: _length(fv, rv, lambda a, b: a >= b),
    "length_lte": lambda fv, rv: _length(fv, rv, lambda a, b: a <= b),
}


def _field(path, state):
    parts = str(path).split(".")
    if parts and parts[0] == "state":
        parts = parts[1:]
    current = state
    for part in parts:
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


def _holds(op, fv, rv):
    fn = OPS.get(op)
    return bool(fn(fv, rv)) if fn else False


def _state(data):
    nodes = data.get("nodes") or {}
    outputs = {k: v for k, v in nodes.items() if "::" not in k and k != _TRIGGER}
    for name, kind in _SETTINGS["translated"].items():
        if name in outputs:
            outputs[name] = pipelit_output(kind, outputs[name])
    state = {"trigger": data.get("task") or {}, "node_outputs": outputs, "messages": []}
    for value in outputs.values():
        if isinstance(value, dict) and "route" in value:
            state["route"] = value["route"]
    if data.get("index") is not None:
        state["loop"] = {"item": data.get("item"), "index": data["index"]}
    return state


def _loop(state, extra):
    source = extra.get("source_node")
    name = extra.get("field", "")
    items = None
    if source:
        found = state["node_outputs"].get(source, {})
        items = found.get(name) if name and isinstance(found, dict) else found
    if not isinstance(items, list):
        items = [items] if items is not None else []
    return items


def _code(state, extra):
    snippet = extra.get("code", "")
    if not snippet:
        raise ValueError("No code provided")
    if extra.get("language", "python") != "python":
        language = str(extra.get("language"))
        raise ValueError("Language '" + language + "' not yet supported in sandbox mode")
    scope = {"state": state, "node_outputs": state["node_outputs"], "result": None}
    body = "\n".join("    " + line for line in snippet.splitlines())
    wrapped = "def _user_code():\n    global result, state, node_outputs\n" + body + "\n"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(wrapped, scope)
        returned = scope["_user_code"]()
    result = returned if returned is not None else scope.get("result")
    return {"output": str(result) if result is not None else printed.getvalue().strip()}


def _switch(state, extra):
    rules = extra.get("rules")
    if rules:
        route = ""
        for rule in rules:
            value = _field(rule.get("field", ""), state)
            if _holds(rule.get("operator", "equals"), value, rule.get("value", "")):
                route = rule.get("id", "")
                break
        if not route and extra.get("enable_fallback", False):
            route = "__other__"
        return {"route": route}
    expression = extra.get("condition_expression")
    if expression:
        if "==" not in expression:
            return {"route": str(_field(expression.strip(), state))}
        left, right = expression.split("==", 1)
        left_value = str(_field(left.strip(), state))
        right_value = right.strip().strip("'\"")
        return {"route": right_value if left_value == right_value else ""}
    return {"route": str(state.get(extra.get("condition_field", "route"), ""))}


def _merge(state, extra):
    outputs = state["node_outputs"]
    names = extra.get("source_nodes") or []
    sources = [outputs[n] for n in names if n in outputs] if names else list(outputs.values())
    if extra.get("mode", "append") == "combine":
        merged = {}
        for s in sources:
            if isinstance(s, dict):
                merged.update(s)
            else:
                merged[str(id(s))] = s
        return {"merged": merged}
    merged = []
    for s in sources:
        if isinstance(s, list):
            merged.extend(s)
        else:
            merged.append(s)
    return {"merged": merged}


def _source(state, name):
    if not name:
        return state.get("output")
    return state["node_outputs"].get(name)


def _filter(state, extra):
    items = _source(state, extra.get("source_node"))
    name = extra.get("field", "")
    if name and isinstance(items, dict):
        items = items.get(name)
    if not isinstance(items, list):
        return {"filtered": items if items is not None else []}
    rules = extra.get("rules") or []
    kept = []
    for item in items:
        if all(
            _holds(
                r.get("operator", "equals"),
                item.get(r.get("field", "")) if isinstance(item, dict) else item,
                r.get("value", ""),
            )
            for r in rules
        ):
            kept.append(item)
    return {"filtered": kept}


def _wait(state, extra):
    duration = float(extra.get("duration", 0) or 0)
    unit = extra.get("unit", "seconds")
    seconds = duration * {"seconds": 1, "minutes": 60, "hours": 3600}.get(unit, 1)
    time.sleep(max(0.0, min(seconds, _WAIT_LIMIT)))
    return {"output": "Waited " + str(duration) + " " + str(unit)}


def _reply_chat(state, extra):
    message = _SETTINGS["system_prompt"] or extra.get("message", "") or ""
    if "{{" in message or "{%" in message:
        try:
            from jinja2.sandbox import SandboxedEnvironment

            context = dict(state["node_outputs"])
            context["trigger"] = state["trigger"]
            message = SandboxedEnvironment().from_string(message).render(**context)
        except ImportError:
            pass
    return {"output": message}


def main(data):
    state = _state(data)
    extra = _SETTINGS["extra"]
    return globals()["_" + _TYPE](state, extra)
"""
