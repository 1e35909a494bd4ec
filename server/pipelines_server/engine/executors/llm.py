"""llm nodes: a sandboxed prompt sent to an OpenAI-compatible `/chat/completions` endpoint.

The endpoint's base URL and key are an organization credential, resolved by name for this one
run. The key goes into the Authorization header and nowhere else: every message, log line and
recorded reply is scrubbed of it, in case a provider or a proxy echoes it back.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

from ..templating import TemplateError, render
from .base import Credential, NodeContext, NodeFailed, NodeResult
from .http import USER_AGENT, display_url, fetch, is_retryable_status

DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_RESPONSE_FORMAT = "text"
MAX_REPLY = 8 * 1024 * 1024  # bytes of a chat-completions reply
_ERROR_SNIPPET = 300  # characters of a provider's error message kept in the node's message


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    if ctx.credential is None:
        raise NodeFailed("no credentials are available to this node")
    cred = ctx.credential(config["credential"])
    variables = ctx.template_vars()
    messages = []
    try:
        if config.get("system"):
            messages.append({"role": "system", "content": render(config["system"], variables)})
        messages.append({"role": "user", "content": render(config["prompt"], variables)})
    except TemplateError as exc:
        raise NodeFailed(exc.message) from None
    model = config["model"]
    json_mode = (config.get("response_format") or DEFAULT_RESPONSE_FORMAT) == "json"
    body: dict[str, Any] = {"model": model, "messages": messages}
    for key in ("temperature", "max_tokens"):
        if config.get(key) is not None:
            body[key] = config[key]
    if json_mode:
        body["response_format"] = {"type": "json_object"}
    timeout = float(config.get("timeout_seconds") or DEFAULT_TIMEOUT_SECONDS)
    scrub = _scrubber(cred)
    at, started = datetime.now(UTC), time.perf_counter()
    try:
        summary, parsed, choice, content = chat_completion(cred, body, timeout)
    except NodeFailed as failure:
        failure.llm_calls.append(call_record(model, at, started, None, failure.message))
        raise
    call = call_record(model, at, started, parsed.get("usage"))
    output: dict[str, Any] = {
        "content": content,
        "model": parsed.get("model") or model,
        "usage": parsed.get("usage") if isinstance(parsed.get("usage"), dict) else None,
    }
    if json_mode:
        try:
            output["json"] = json.loads(_strip_fence(content))
        except ValueError as exc:
            message = f"{summary}: the model's answer is not JSON ({exc})"
            raise NodeFailed(
                message,
                log=summary,
                reply=scrub({"status": 200, "body": parsed}),
                llm_calls=[{**call, "ok": False, "error": scrub(message)}],
            ) from None
    finish = choice.get("finish_reason")
    log = f"{summary}, finish_reason={finish}" if finish else summary
    return NodeResult(output=scrub(output), log=scrub(log), llm_calls=[call])


def call_record(
    model: Any, at: datetime, started: float, usage: Any, error: str | None = None
) -> dict[str, Any]:
    """One call for the llm analytics: the model as configured, tokens from the reply's
    `usage` (None when the reply had none, or a count no column could hold), the call's wall
    time, and its error if any."""
    usage = usage if isinstance(usage, dict) else {}

    def tokens(*keys: str) -> int | None:
        for key in keys:
            value = usage.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31:
                return value
        return None

    return {
        "model": str(model)[:200],
        "tokens_in": tokens("prompt_tokens", "input_tokens"),
        "tokens_out": tokens("completion_tokens", "output_tokens"),
        "latency_ms": round((time.perf_counter() - started) * 1000, 3),
        "ok": error is None,
        "error": error,
        "at": at,
    }


def chat_completion(
    cred: Credential, body: dict[str, Any], timeout: float
) -> tuple[str, Any, dict, str]:
    """One `/chat/completions` call through the outbound policy: (summary, parsed reply, first
    choice, its content). NodeFailed (scrubbed of the key) for a failure or a reply that is not
    a chat completion. The llm node and the evaluations' llm_judge criteria both call this."""
    url = chat_completions_url(cred.base_url)
    scrub = _scrubber(cred)
    model = body.get("model")
    try:
        reply = fetch(
            "POST",
            url,
            headers={
                "Authorization": f"Bearer {cred.api_key}",
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
            },
            json_body=body,
            timeout=timeout,
            max_bytes=MAX_REPLY,
        )
    except NodeFailed as failure:
        raise NodeFailed(
            scrub(failure.message), retryable=failure.retryable, reply=scrub(failure.reply)
        ) from None
    summary = scrub(
        f"POST {display_url(url)} model={model} -> {reply.status} in {reply.milliseconds} ms"
    )
    parsed = reply.body()
    if not 200 <= reply.status < 300:
        detail = _error_message(parsed)
        raise NodeFailed(
            scrub(f"{summary}: {detail}" if detail else summary),
            log=summary,
            retryable=is_retryable_status(reply.status),
            reply=scrub({"status": reply.status, "body": parsed}),
        )
    try:
        choice = parsed["choices"][0]
        content = choice["message"].get("content") or ""
        if not isinstance(content, str):
            raise TypeError("content is not a string")
    except (KeyError, IndexError, TypeError, AttributeError):
        raise NodeFailed(
            f"{summary}: the reply is not a chat completion",
            log=summary,
            reply=scrub({"status": reply.status, "body": parsed}),
        ) from None
    return summary, parsed, choice, content


def chat_completions_url(base_url: str) -> str:
    """`{base_url}/chat/completions`, with or without a trailing slash on the base URL."""
    return base_url.strip().rstrip("/") + "/chat/completions"


def _scrubber(cred: Credential):
    """A function that removes the credential's key from a string or a JSON-like value."""
    secret = cred.api_key

    def scrub(value: Any) -> Any:
        if not secret or value is None:
            return value
        if isinstance(value, str):
            return value.replace(secret, "[redacted]")
        text = json.dumps(value)
        if secret not in text and json.dumps(secret)[1:-1] not in text:
            return value
        return _walk(value, lambda s: s.replace(secret, "[redacted]"))

    return scrub


def _walk(value: Any, fix) -> Any:
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {fix(k) if isinstance(k, str) else k: _walk(v, fix) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, fix) for v in value]
    return value


def _error_message(body: Any) -> str:
    """The provider's own explanation of a failure, shortened."""
    message: Any = None
    if isinstance(body, dict):
        error = body.get("error")
        message = error.get("message") if isinstance(error, dict) else error or body.get("message")
    elif isinstance(body, str):
        message = body
    if not message:
        return ""
    text = " ".join(str(message).split())
    return text if len(text) <= _ERROR_SNIPPET else text[:_ERROR_SNIPPET] + "..."


def _strip_fence(content: str) -> str:
    """Models asked for JSON still sometimes wrap it in a ```json fence."""
    text = content.strip()
    if text.startswith("```") and text.endswith("```") and len(text) >= 6:
        text = text[3:-3]
        first, _, rest = text.partition("\n")
        if first.strip().lower() in ("", "json"):
            text = rest
    return text
