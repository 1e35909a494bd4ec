"""http nodes: a webhook call, and the HTTP exchange the llm nodes share.

The executor only classifies failures; the engine retries the retryable ones with backoff.
Retryable: timeouts, connection errors, 408, 425, 429 and 5xx (the receiver may succeed
later). Final: every other status, a malformed URL, a template error, a reply over the size
cap. Every call carries `Idempotency-Key` (the same on a retry of the same attempt), so that
a receiver can de-duplicate a call whose reply was lost.

Every call passes the outbound address policy (isolation/outbound.py): the host is resolved
once, refused if it is a loopback, private, link-local or metadata address that
PIPELINES_OUTBOUND_ALLOW does not open (a final failure: retrying cannot change the answer),
and the connection is pinned to the addresses that were checked. Redirects are not followed,
so there is no second hop to check.
"""

from __future__ import annotations

import json
import ssl
import time
from dataclasses import dataclass
from typing import Any

import httpx

from ...isolation import outbound
from ..templating import TemplateError, render, render_value
from .base import NodeContext, NodeFailed, NodeResult

DEFAULT_METHOD = "POST"
DEFAULT_TIMEOUT_SECONDS = 10.0
MAX_REPLY = 1024 * 1024  # bytes of a webhook's reply body (after content decoding)
RETRYABLE_STATUSES = frozenset({408, 425, 429})
USER_AGENT = "pipelines-server"
_BODYLESS = frozenset({"GET", "DELETE"})

_ssl_context: ssl.SSLContext | None = None


@dataclass
class Fetched:
    """An HTTP reply read in full (within the size cap)."""

    status: int
    content_type: str
    raw: bytes
    charset: str | None
    milliseconds: int

    def body(self) -> Any:
        """Parsed JSON when the reply says it is JSON (and is), else the text; None if empty."""
        if not self.raw:
            return None
        if _is_json(self.content_type):
            try:
                return json.loads(self.raw)
            except ValueError:
                pass
        try:
            return self.raw.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # an unknown charset name
            return self.raw.decode("utf-8", errors="replace")

    def record(self) -> dict[str, Any]:
        """What the node records of a reply, success or not."""
        return {
            "status": self.status,
            "headers": {"content-type": self.content_type},
            "body": self.body(),
        }


def execute(config: dict, ctx: NodeContext) -> NodeResult:
    variables = ctx.template_vars()
    method = str(config.get("method") or DEFAULT_METHOD).upper()
    timeout = float(config.get("timeout_seconds") or DEFAULT_TIMEOUT_SECONDS)
    try:
        url = render(config["url"], variables).strip()
        headers = {
            str(k): render(str(v), variables) for k, v in (config.get("headers") or {}).items()
        }
        if config.get("body") is None:
            body: Any = {"task_id": ctx.task_id, "node_id": ctx.node_id, "input": ctx.input}
        else:
            body = render_value(config["body"], variables)
    except TemplateError as exc:
        raise NodeFailed(exc.message) from None
    sent = httpx.Headers(headers)
    sent["Idempotency-Key"] = ctx.idempotency_key  # set, not added: ours win over the config
    sent["User-Agent"] = USER_AGENT
    reply = fetch(
        method,
        url,
        headers=sent,
        json_body=None if method in _BODYLESS else body,
        timeout=timeout,
        max_bytes=MAX_REPLY,
    )
    summary = (
        f"{method} {display_url(url)} -> {reply.status} in {reply.milliseconds} ms "
        f"({len(reply.raw)} bytes)"
    )
    record = reply.record()
    if 200 <= reply.status < 300:
        return NodeResult(output=record, log=summary)
    raise NodeFailed(
        f"{method} {display_url(url)} -> {reply.status} {_reason(reply.status)}".rstrip(),
        log=summary,
        retryable=is_retryable_status(reply.status),
        reply=record,
    )


def is_retryable_status(status: int) -> bool:
    return status in RETRYABLE_STATUSES or status >= 500


def fetch(
    method: str,
    url: str,
    *,
    headers: httpx.Headers | dict[str, str],
    json_body: Any = None,
    timeout: float,
    max_bytes: int,
) -> Fetched:
    """One request, its reply read in full. The whole exchange, not each read, is bounded by
    about `timeout`. Raises NodeFailed: retryable for timeouts and network errors, final for
    a bad URL or a reply larger than `max_bytes`. Statuses are left to the caller."""
    shown = display_url(url)
    parsed = _check_url(method, url, shown)
    started = time.monotonic()
    deadline = started + timeout
    target = _vet(method, shown, parsed)
    try:
        with httpx.Client(
            transport=outbound.pinned_transport(target, _ssl()),
            follow_redirects=False,
            timeout=timeout,
        ) as client:
            request = client.build_request(
                method,
                url,
                headers=headers,
                content=None if json_body is None else _encode(json_body),
            )
            if json_body is not None and "content-type" not in request.headers:
                request.headers["Content-Type"] = "application/json"
            response = client.send(request, stream=True)
            try:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    _too_large(method, shown, response, max_bytes)
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        _too_large(method, shown, response, max_bytes)
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("the reply took too long", request=request)
                    chunks.append(chunk)
            finally:
                response.close()
    except httpx.TimeoutException:
        raise NodeFailed(
            f"{method} {shown}: timed out after {timeout:g} s", retryable=True
        ) from None
    except (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.DecodingError) as exc:
        raise NodeFailed(f"{method} {shown}: {type(exc).__name__}: {exc}") from None
    except httpx.TransportError as exc:  # connect, read, write, proxy, remote protocol errors
        raise NodeFailed(f"{method} {shown}: {type(exc).__name__}: {exc}", retryable=True) from None
    except httpx.HTTPError as exc:
        raise NodeFailed(f"{method} {shown}: {type(exc).__name__}: {exc}") from None
    return Fetched(
        status=response.status_code,
        content_type=response.headers.get("content-type", ""),
        raw=b"".join(chunks),
        charset=response.charset_encoding,
        milliseconds=round((time.monotonic() - started) * 1000),
    )


def display_url(url: str) -> str:
    """The URL without user:password, for logs and messages."""
    try:
        parsed = httpx.URL(url)
    except Exception:
        return url
    if parsed.userinfo:
        return str(parsed.copy_with(username=None, password=None))
    return url


def _check_url(method: str, url: str, shown: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except Exception as exc:  # httpx.InvalidURL is not an httpx.HTTPError
        raise NodeFailed(f"{method} {shown}: invalid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise NodeFailed(f"{method} {shown}: not an http(s) URL with a host")
    return parsed


def _vet(method: str, shown: str, parsed: httpx.URL) -> outbound.Vetted:
    """The URL's host resolved once and checked against the outbound policy. A refusal is
    final (the policy will answer the same on a retry); a failed lookup may be temporary."""
    host = parsed.raw_host.decode("ascii")  # IDNA-encoded, IPv6 without brackets
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        return outbound.vet(host, port)
    except outbound.OutboundBlocked as exc:
        raise NodeFailed(f"{method} {shown}: refused: {exc.message}") from None
    except outbound.ResolveFailed as exc:
        raise NodeFailed(f"{method} {shown}: {exc.message}", retryable=True) from None


def _too_large(method: str, shown: str, response: httpx.Response, max_bytes: int) -> None:
    record = {
        "status": response.status_code,
        "headers": {"content-type": response.headers.get("content-type", "")},
        "body": None,
    }
    raise NodeFailed(
        f"{method} {shown} -> {response.status_code}: the reply is larger than {max_bytes} bytes",
        reply=record,
    )


def _encode(body: Any) -> bytes:
    try:
        return json.dumps(body, allow_nan=False, separators=(",", ":")).encode()
    except (TypeError, ValueError) as exc:
        raise NodeFailed(f"the request body is not JSON: {exc}") from None


def _ssl() -> ssl.SSLContext:
    """One SSL context per process: building it (loading the CA bundle) costs ~25 ms, while a
    fresh client per call costs nothing and shares no cookies or connections between nodes."""
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = httpx.create_ssl_context()
    return _ssl_context


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _reason(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except Exception:
        return ""
