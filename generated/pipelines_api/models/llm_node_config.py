from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.llm_node_config_response_format import LlmNodeConfigResponseFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="LlmNodeConfig")


@_attrs_define
class LlmNodeConfig:
    """A sandboxed Jinja2 prompt (and optional system prompt) sent to the OpenAI-compatible /chat/completions of the
    organization credential named `credential`. Output {content, model, usage, json (response_format json)}. Defaults:
    timeout_seconds 60, retries 2, backoff_seconds 1, response_format text.

        Attributes:
            credential (str):
            model (str):
            prompt (str):
            system (str | Unset):
            temperature (float | Unset):
            max_tokens (int | Unset):
            timeout_seconds (float | Unset):
            retries (int | Unset):
            backoff_seconds (float | Unset):
            response_format (LlmNodeConfigResponseFormat | Unset):
    """

    credential: str
    model: str
    prompt: str
    system: str | Unset = UNSET
    temperature: float | Unset = UNSET
    max_tokens: int | Unset = UNSET
    timeout_seconds: float | Unset = UNSET
    retries: int | Unset = UNSET
    backoff_seconds: float | Unset = UNSET
    response_format: LlmNodeConfigResponseFormat | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        credential = self.credential

        model = self.model

        prompt = self.prompt

        system = self.system

        temperature = self.temperature

        max_tokens = self.max_tokens

        timeout_seconds = self.timeout_seconds

        retries = self.retries

        backoff_seconds = self.backoff_seconds

        response_format: str | Unset = UNSET
        if not isinstance(self.response_format, Unset):
            response_format = self.response_format.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "credential": credential,
                "model": model,
                "prompt": prompt,
            }
        )
        if system is not UNSET:
            field_dict["system"] = system
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if retries is not UNSET:
            field_dict["retries"] = retries
        if backoff_seconds is not UNSET:
            field_dict["backoff_seconds"] = backoff_seconds
        if response_format is not UNSET:
            field_dict["response_format"] = response_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credential = d.pop("credential")

        model = d.pop("model")

        prompt = d.pop("prompt")

        system = d.pop("system", UNSET)

        temperature = d.pop("temperature", UNSET)

        max_tokens = d.pop("max_tokens", UNSET)

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        retries = d.pop("retries", UNSET)

        backoff_seconds = d.pop("backoff_seconds", UNSET)

        _response_format = d.pop("response_format", UNSET)
        response_format: LlmNodeConfigResponseFormat | Unset
        if isinstance(_response_format, Unset):
            response_format = UNSET
        else:
            response_format = LlmNodeConfigResponseFormat(_response_format)

        llm_node_config = cls(
            credential=credential,
            model=model,
            prompt=prompt,
            system=system,
            temperature=temperature,
            max_tokens=max_tokens,
            timeout_seconds=timeout_seconds,
            retries=retries,
            backoff_seconds=backoff_seconds,
            response_format=response_format,
        )

        return llm_node_config
