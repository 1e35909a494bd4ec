from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.llm_node_config_response_format import LlmNodeConfigResponseFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prompt_ref import PromptRef


T = TypeVar("T", bound="LlmNodeConfig")


@_attrs_define
class LlmNodeConfig:
    """A sandboxed Jinja2 prompt (and optional system prompt) sent to the OpenAI-compatible /chat/completions of the
    organization credential named `credential`. Output {content, model, usage, json (response_format json)}. Defaults:
    timeout_seconds 60, retries 2, backoff_seconds 1, response_format text. From the library: `prompt_ref` ({prompt_id,
    version}) instead of `prompt`, `system_ref` instead of `system`, `model_slug` (GET /orgs/{org_id}/models) instead of
    `credential` + `model`; one of each pair is required. References are checked when the workflow is saved or activated
    (unknown prompt or version: 422; a model slug no credential serves: 403) and resolved into the workflow version
    tasks run with (`version` left out: the latest when that version is first used).

        Example:
            {'prompt_ref': {'prompt_id': 12, 'version': 2}, 'model_slug': 'gpt-4o-mini', 'response_format': 'text'}

        Attributes:
            prompt_ref (PromptRef | Unset):
            system_ref (PromptRef | Unset):
            model_slug (str | Unset):
            credential (str | Unset):
            model (str | Unset):
            prompt (str | Unset):
            system (str | Unset):
            temperature (float | Unset):
            max_tokens (int | Unset):
            timeout_seconds (float | Unset):
            retries (int | Unset):
            backoff_seconds (float | Unset):
            response_format (LlmNodeConfigResponseFormat | Unset):
    """

    prompt_ref: PromptRef | Unset = UNSET
    system_ref: PromptRef | Unset = UNSET
    model_slug: str | Unset = UNSET
    credential: str | Unset = UNSET
    model: str | Unset = UNSET
    prompt: str | Unset = UNSET
    system: str | Unset = UNSET
    temperature: float | Unset = UNSET
    max_tokens: int | Unset = UNSET
    timeout_seconds: float | Unset = UNSET
    retries: int | Unset = UNSET
    backoff_seconds: float | Unset = UNSET
    response_format: LlmNodeConfigResponseFormat | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompt_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_ref, Unset):
            prompt_ref = self.prompt_ref.to_dict()

        system_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.system_ref, Unset):
            system_ref = self.system_ref.to_dict()

        model_slug = self.model_slug

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

        field_dict.update({})
        if prompt_ref is not UNSET:
            field_dict["prompt_ref"] = prompt_ref
        if system_ref is not UNSET:
            field_dict["system_ref"] = system_ref
        if model_slug is not UNSET:
            field_dict["model_slug"] = model_slug
        if credential is not UNSET:
            field_dict["credential"] = credential
        if model is not UNSET:
            field_dict["model"] = model
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
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
        from ..models.prompt_ref import PromptRef

        d = dict(src_dict)
        _prompt_ref = d.pop("prompt_ref", UNSET)
        prompt_ref: PromptRef | Unset
        if isinstance(_prompt_ref, Unset):
            prompt_ref = UNSET
        else:
            prompt_ref = PromptRef.from_dict(_prompt_ref)

        _system_ref = d.pop("system_ref", UNSET)
        system_ref: PromptRef | Unset
        if isinstance(_system_ref, Unset):
            system_ref = UNSET
        else:
            system_ref = PromptRef.from_dict(_system_ref)

        model_slug = d.pop("model_slug", UNSET)

        credential = d.pop("credential", UNSET)

        model = d.pop("model", UNSET)

        prompt = d.pop("prompt", UNSET)

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
            prompt_ref=prompt_ref,
            system_ref=system_ref,
            model_slug=model_slug,
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
