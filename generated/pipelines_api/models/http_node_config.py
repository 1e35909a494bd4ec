from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.http_node_config_method import HttpNodeConfigMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.http_node_config_headers import HttpNodeConfigHeaders


T = TypeVar("T", bound="HttpNodeConfig")


@_attrs_define
class HttpNodeConfig:
    """A webhook call (ports in: any, out: object {status, headers, body}). url, headers and strings in body are templates;
    the default body is {task_id, node_id, input}. Every call carries Idempotency-Key (the same on a retry). Timeouts,
    connection errors, 408, 425, 429 and 5xx are retried `retries` times (default 3) after backoff_seconds (default 1)
    doubling each time. Defaults: method POST, timeout_seconds 10.

        Attributes:
            url (str):
            method (HttpNodeConfigMethod | Unset):
            headers (HttpNodeConfigHeaders | Unset):
            body (Any | Unset):
            timeout_seconds (float | Unset):
            retries (int | Unset):
            backoff_seconds (float | Unset):
    """

    url: str
    method: HttpNodeConfigMethod | Unset = UNSET
    headers: HttpNodeConfigHeaders | Unset = UNSET
    body: Any | Unset = UNSET
    timeout_seconds: float | Unset = UNSET
    retries: int | Unset = UNSET
    backoff_seconds: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        body = self.body

        timeout_seconds = self.timeout_seconds

        retries = self.retries

        backoff_seconds = self.backoff_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if method is not UNSET:
            field_dict["method"] = method
        if headers is not UNSET:
            field_dict["headers"] = headers
        if body is not UNSET:
            field_dict["body"] = body
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if retries is not UNSET:
            field_dict["retries"] = retries
        if backoff_seconds is not UNSET:
            field_dict["backoff_seconds"] = backoff_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.http_node_config_headers import HttpNodeConfigHeaders

        d = dict(src_dict)
        url = d.pop("url")

        _method = d.pop("method", UNSET)
        method: HttpNodeConfigMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = HttpNodeConfigMethod(_method)

        _headers = d.pop("headers", UNSET)
        headers: HttpNodeConfigHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = HttpNodeConfigHeaders.from_dict(_headers)

        body = d.pop("body", UNSET)

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        retries = d.pop("retries", UNSET)

        backoff_seconds = d.pop("backoff_seconds", UNSET)

        http_node_config = cls(
            url=url,
            method=method,
            headers=headers,
            body=body,
            timeout_seconds=timeout_seconds,
            retries=retries,
            backoff_seconds=backoff_seconds,
        )

        return http_node_config
