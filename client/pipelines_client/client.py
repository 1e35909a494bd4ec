"""The synchronous client.

    from pipelines_client import Client
    from pipelines_api.api.projects import list_projects

    with Client("http://127.0.0.1:8000", api_key) as pipelines:
        for project in pipelines.paginate(list_projects):
            print(project.id, project.name)

`call(operation, **arguments)` runs any generated operation of the native, v1 or KFP client
and returns its typed reply (or raises the error's class); the resource helpers
(`pipelines.projects`, `.tasks`, ...) add iteration, waiting and uploads on top.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx

from . import core
from .errors import raise_for_status
from .transport import RetryPolicy, RetryTransport


class Client(core.ClientBase):
    _httpx_class = httpx.Client
    _error_hook = staticmethod(core.raise_error_reply)
    _bind = "set_httpx_client"

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        verify: bool = True,
        transport: httpx.BaseTransport | None = None,
        anonymous: bool = False,
    ):
        """`anonymous=True` sends no API key at all (not even PIPELINES_API_KEY's): for the
        routes open to anyone, such as the CLI login flow."""
        retry = retry or RetryPolicy()
        super().__init__(
            core.Settings.resolve(base_url, api_key, anonymous=anonymous),
            retry,
            RetryTransport(retry, transport or httpx.HTTPTransport(verify=verify)),
            timeout,
            verify,
        )
        from .resources import attach

        attach(self)

    # --- calling ---------------------------------------------------------------------------------

    def call(self, operation: ModuleType, **arguments: Any) -> Any:
        """Run a generated operation: its parsed reply, or its error as an exception. An
        operation whose route honours an Idempotency-Key gets a fresh one unless given
        (`idempotency_key=`), kept across this call's retries."""
        client = self.surface(core.surface_of(operation))
        arguments = core.with_idempotency_key(operation, arguments)
        return core.result(operation.sync_detailed(client=client, **arguments))

    def whoami(self) -> Any:
        """Who the key belongs to: organization, user, role and the key itself (`Me`)."""
        from pipelines_api.api.auth import get_me

        return self.call(get_me)

    def default_org_id(self, given: int | None = None) -> int:
        """`given`, else the organization of the caller's key (asked once, then kept)."""
        if given is not None:
            return given
        if self._org_id is None:
            self._org_id = self.whoami().org_id
        return self._org_id

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A raw request under the server's root (for streams and uploads); raises on errors."""
        return raise_for_status(self.http.request(method, path, **kwargs))

    # --- paging ----------------------------------------------------------------------------------

    def paginate(
        self, operation: ModuleType, *, key: str = "items", page_size: int = 100, **arguments: Any
    ) -> Iterator[Any]:
        """Every item of a native list, page after page (`page`/`page_size`)."""
        number: int | None = 1
        while number is not None:
            page = self.call(operation, page=number, page_size=page_size, **arguments)
            yield from core.page_items(page, key)
            number = core.next_page_number(page, number)

    def paginate_cursor(
        self, operation: ModuleType, *, key: str, limit: int = 100, **arguments: Any
    ) -> Iterator[Any]:
        """Every item of an External API v1 list, following `next_cursor`."""
        cursor = None
        while True:
            extra = {"cursor": cursor} if cursor else {}
            page = self.call(operation, limit=limit, **extra, **arguments)
            yield from core.page_items(page, key)
            cursor = core.next_cursor(page)
            if not cursor:
                return

    def paginate_token(
        self, operation: ModuleType, *, key: str, page_size: int = 100, **arguments: Any
    ) -> Iterator[Any]:
        """Every item of a KFP list, following `next_page_token`."""
        token = None
        while True:
            extra = {"page_token": token} if token else {}
            page = self.call(operation, page_size=page_size, **extra, **arguments)
            yield from core.page_items(page, key)
            token = core.next_page_token(page)
            if not token:
                return

    # --- lifetime --------------------------------------------------------------------------------

    def close(self) -> None:
        for surface in self._surfaces.values():
            surface.get_httpx_client().close()
        self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
