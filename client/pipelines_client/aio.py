"""The asynchronous client, on `httpx.AsyncClient`: the same calls as `Client`, awaited.

async with AsyncClient(base_url, api_key) as pipelines:
    async for project in pipelines.paginate(list_projects):
        ...
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any

import httpx

from . import core
from .errors import raise_for_status
from .transport import AsyncRetryTransport, RetryPolicy


class AsyncClient(core.ClientBase):
    _httpx_class = httpx.AsyncClient
    _error_hook = staticmethod(core.araise_error_reply)
    _bind = "set_async_httpx_client"

    def __init__(
        self,
        base_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        verify: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
        anonymous: bool = False,
    ):
        retry = retry or RetryPolicy()
        super().__init__(
            core.Settings.resolve(base_url, api_key, anonymous=anonymous),
            retry,
            AsyncRetryTransport(retry, transport or httpx.AsyncHTTPTransport(verify=verify)),
            timeout,
            verify,
        )
        from .resources import attach_async

        attach_async(self)

    async def call(self, operation: ModuleType, **arguments: Any) -> Any:
        client = self.surface(core.surface_of(operation))
        arguments = core.with_idempotency_key(operation, arguments)
        return core.result(await operation.asyncio_detailed(client=client, **arguments))

    async def whoami(self) -> Any:
        from pipelines_api.api.auth import get_me

        return await self.call(get_me)

    async def default_org_id(self, given: int | None = None) -> int:
        if given is not None:
            return given
        if self._org_id is None:
            self._org_id = (await self.whoami()).org_id
        return self._org_id

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return raise_for_status(await self.http.request(method, path, **kwargs))

    async def paginate(
        self, operation: ModuleType, *, key: str = "items", page_size: int = 100, **arguments: Any
    ) -> AsyncIterator[Any]:
        number: int | None = 1
        while number is not None:
            page = await self.call(operation, page=number, page_size=page_size, **arguments)
            for item in core.page_items(page, key):
                yield item
            number = core.next_page_number(page, number)

    async def paginate_cursor(
        self, operation: ModuleType, *, key: str, limit: int = 100, **arguments: Any
    ) -> AsyncIterator[Any]:
        cursor = None
        while True:
            extra = {"cursor": cursor} if cursor else {}
            page = await self.call(operation, limit=limit, **extra, **arguments)
            for item in core.page_items(page, key):
                yield item
            cursor = core.next_cursor(page)
            if not cursor:
                return

    async def paginate_token(
        self, operation: ModuleType, *, key: str, page_size: int = 100, **arguments: Any
    ) -> AsyncIterator[Any]:
        token = None
        while True:
            extra = {"page_token": token} if token else {}
            page = await self.call(operation, page_size=page_size, **extra, **arguments)
            for item in core.page_items(page, key):
                yield item
            token = core.next_page_token(page)
            if not token:
                return

    async def aclose(self) -> None:
        for surface in self._surfaces.values():
            await surface.get_async_httpx_client().aclose()
        await self.http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
