"""What the sync and async clients share: where the server is, how to call a generated
operation, and how each surface pages.

Each surface has its generated package (typed models, one module per operation with
`sync_detailed` / `asyncio_detailed`): `pipelines_api` for the native API at `/api`,
`external_v1_api` for the External API v1 at `/api/v1`, `kfp_v2beta1_api` for the KFP surface at
`/apis/v2beta1` (and `kfp_v1alpha1_api`, its task log route). The SDK calls them and adds
behaviour only: errors as exceptions, retries, idempotency keys, paging, waiting.
"""

from __future__ import annotations

import inspect
import os
import uuid
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

import httpx

from .errors import ApiError, error_for

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
USER_AGENT = "pipelines-client/0.1.0"

# Generated package -> path of its surface under the server's root.
SURFACES = {
    "pipelines_api": "/api",
    "external_v1_api": "/api/v1",
    "kfp_v2beta1_api": "/apis/v2beta1",
    "kfp_v1alpha1_api": "/apis/v1alpha1",  # a KFP task's log
}


@dataclass(frozen=True)
class Settings:
    """Where the server is and who calls it. Arguments win over the environment variables
    PIPELINES_BASE_URL and PIPELINES_API_KEY (the names the public SDK's CLI reads too)."""

    base_url: str
    api_key: str | None

    @classmethod
    def resolve(
        cls, base_url: str | None = None, api_key: str | None = None, *, anonymous: bool = False
    ) -> Settings:
        """`anonymous=True`: no key at all, not even PIPELINES_API_KEY's (a login flow)."""
        url = base_url or os.environ.get("PIPELINES_BASE_URL") or DEFAULT_BASE_URL
        if anonymous:
            if api_key:
                raise ValueError("an anonymous client takes no api_key")
            return cls(url.rstrip("/"), None)
        key = api_key or os.environ.get("PIPELINES_API_KEY") or None
        return cls(url.rstrip("/"), key)

    def headers(self) -> dict[str, str]:
        headers = {"User-Agent": USER_AGENT}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers


class ClientBase:
    """What the sync and async clients share: the settings, one retrying transport (one
    connection pool) under every httpx client, and the generated client of each surface.
    A subclass names its transport, httpx client class, error hook, and how a generated client
    takes an httpx client."""

    _httpx_class: type
    _error_hook: Any
    _bind: str  # the generated Client's method that takes our httpx client

    def __init__(self, settings: Settings, retry, transport, timeout: float, verify: bool):
        self.settings = settings
        self.retry = retry
        self.verify = verify
        self._transport = transport
        self._timeout = httpx.Timeout(timeout)
        # One httpx client for the raw requests, one per generated surface (all on one
        # transport, so on one connection pool).
        self.http = self._httpx(settings.base_url)
        self._surfaces: dict[str, Any] = {}
        self._org_id: int | None = None

    @property
    def base_url(self) -> str:
        return self.settings.base_url

    def _httpx(self, base_url: str):
        return self._httpx_class(
            base_url=base_url,
            headers=self.settings.headers(),
            timeout=self._timeout,
            transport=self._transport,
            follow_redirects=False,
            event_hooks={"response": [self._error_hook]},
        )

    def surface(self, package: str) -> Any:
        """The generated client object (its `Client` class) of one surface, on our transport."""
        if package not in self._surfaces:
            generated = __import__(package)
            url = self.settings.base_url + SURFACES[package]
            client = generated.Client(base_url=url)
            getattr(client, self._bind)(self._httpx(url))
            self._surfaces[package] = client
        return self._surfaces[package]


def surface_of(operation: ModuleType) -> str:
    """The generated package an operation module belongs to (`pipelines_api.api.x.y`)."""
    package = operation.__name__.split(".", 1)[0]
    if package not in SURFACES:
        raise ValueError(f"{operation.__name__} is not an operation of a generated client")
    return package


@cache
def takes_idempotency_key(operation: ModuleType) -> bool:
    """Whether the operation's route honours an Idempotency-Key (the spec's parameter)."""
    return "idempotency_key" in inspect.signature(operation.sync_detailed).parameters


def with_idempotency_key(operation: ModuleType, arguments: dict[str, Any]) -> dict[str, Any]:
    """The arguments with a fresh key when the route takes one and the caller gave none: one
    key per logical call, so the transport may re-send it after a lost reply."""
    if takes_idempotency_key(operation) and not arguments.get("idempotency_key"):
        return {**arguments, "idempotency_key": str(uuid.uuid4())}
    return arguments


def raise_error_reply(response: httpx.Response) -> None:
    """The SDK's httpx response hook: an error status is raised as its ApiError here, before a
    generated parser sees its body (which may be a proxy's HTML page, not the API's JSON)."""
    if response.status_code >= 400:
        response.read()
        raise error_for(response)


async def araise_error_reply(response: httpx.Response) -> None:
    if response.status_code >= 400:
        await response.aread()
        raise error_for(response)


# Headers that describe the bytes on the wire, not the decoded `content` a Response keeps.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def result(response: Any) -> Any:
    """The parsed reply of a generated `Response`, or the error it carries as an exception
    (the SDK's clients raise errors in their response hook already; this covers a generated
    client used on its own)."""
    status = int(response.status_code)
    if status >= 400:
        headers = {k: v for k, v in response.headers.items() if k.lower() not in _WIRE_HEADERS}
        raise error_for(httpx.Response(status, content=response.content, headers=headers))
    if response.parsed is not None:
        return response.parsed
    if not response.content:
        return None
    try:
        return httpx.Response(status, content=response.content).json()
    except ValueError:
        return response.content


class Json(dict):
    """A request body sent exactly as given, in place of a generated model: for what users
    write themselves (a workflow definition from a file), so that the server, not a local
    model, judges it and its 422 lists every reason."""

    def to_dict(self) -> dict:
        return dict(self)


def as_dict(value: Any) -> Any:
    """A generated model as plain JSON data (dicts and lists pass through)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [as_dict(v) for v in value]
    return value


# --- paging: one function per style, fed with each page's data ---------------------------------


def field(page: Any, name: str) -> Any:
    """A field of a reply, whether a generated model (UNSET reads as None) or plain JSON."""
    if isinstance(page, dict):
        return page.get(name)
    value = getattr(page, name, None)
    if value is None and hasattr(page, "additional_properties"):
        value = page.additional_properties.get(name)
    if isinstance(value, (bool, int, float)):
        return value
    return value or None  # UNSET and empty strings read as absent


def page_items(page: Any, key: str = "items") -> list:
    """The items of one page, typed as the generated models when the page is one."""
    return list(field(page, key) or [])


def next_page_number(page: Any, number: int) -> int | None:
    """Native lists: `page`/`page_size` with `has_more`."""
    return number + 1 if field(page, "has_more") else None


def next_cursor(page: Any) -> str | None:
    """External API v1: the opaque `next_cursor` while `has_more`."""
    return field(page, "next_cursor") if field(page, "has_more") else None


def next_page_token(page: Any) -> str | None:
    """KFP: `next_page_token`, empty on the last page."""
    return field(page, "next_page_token") or None


__all__ = [
    "ApiError",
    "DEFAULT_BASE_URL",
    "Json",
    "SURFACES",
    "Settings",
    "as_dict",
    "field",
    "next_cursor",
    "next_page_number",
    "next_page_token",
    "page_items",
    "raise_error_reply",
    "araise_error_reply",
    "result",
    "surface_of",
    "takes_idempotency_key",
    "with_idempotency_key",
]
