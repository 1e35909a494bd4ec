"""llm nodes: a sandboxed prompt sent to an OpenAI-compatible /chat/completions endpoint,
whose base URL and key are an organization credential (the key never reaches a log, an
error message or an output)."""

from __future__ import annotations

import json

import httpx

from ..templating import TemplateError, render
from .base import NodeContext, NodeFailed, NodeResult


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    if ctx.credential is None:
        raise NodeFailed("no credentials are available to this node")
    cred = ctx.credential(config["credential"])
    variables = ctx.template_vars()
    try:
        messages = []
        if config.get("system"):
            messages.append({"role": "system", "content": render(config["system"], variables)})
        messages.append({"role": "user", "content": render(config["prompt"], variables)})
    except TemplateError as exc:
        raise NodeFailed(str(exc)) from exc
    body: dict = {"model": config["model"], "messages": messages}
    for key in ("temperature", "max_tokens"):
        if key in config:
            body[key] = config[key]
    json_mode = config.get("response_format") == "json"
    if json_mode:
        body["response_format"] = {"type": "json_object"}
    url = cred.base_url.rstrip("/") + "/chat/completions"
    timeout = float(config.get("timeout_seconds", 60))
    try:
        r = httpx.post(
            url,
            json=body,
            headers={"Authorization": f"Bearer {cred.api_key}", "User-Agent": "pipelines-server"},
            timeout=timeout,
        )
    except httpx.TimeoutException as exc:
        raise NodeFailed(f"{url}: timed out after {timeout:g} s", retryable=True) from exc
    except httpx.HTTPError as exc:
        raise NodeFailed(f"{url}: {type(exc).__name__}", retryable=True) from exc
    summary = f"POST {url} model={config['model']} -> {r.status_code}"
    if r.status_code != 200:
        retryable = r.status_code in (408, 429) or r.status_code >= 500
        raise NodeFailed(summary, log=summary, retryable=retryable, reply={"status": r.status_code})
    try:
        reply = r.json()
        content = reply["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise NodeFailed(f"{summary}: not a chat-completions reply") from exc
    output = {
        "content": content,
        "model": reply.get("model", config["model"]),
        "usage": reply.get("usage"),
    }
    if json_mode:
        try:
            output["json"] = json.loads(content)
        except ValueError as exc:
            raise NodeFailed(f"{summary}: the reply is not JSON: {exc}") from exc
    return NodeResult(output=output, log=summary)
