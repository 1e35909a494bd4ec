from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.node_config_extra_config import NodeConfigExtraConfig
    from ..models.node_config_response_format_type_0 import NodeConfigResponseFormatType0
    from ..models.node_config_trigger_config import NodeConfigTriggerConfig


T = TypeVar("T", bound="NodeConfig")


@_attrs_define
class NodeConfig:
    """A node's config; a create keeps only what the node's kind keeps, a PATCH sets the keys
    given. `llm_model_config_id` is set by an `llm` edge only: the row id of the edge's
    source node (upstream's is the id of that node's config row).

        Attributes:
            system_prompt (str | Unset):
            extra_config (NodeConfigExtraConfig | Unset):
            llm_credential_id (int | None | Unset):
            model_name (str | Unset):
            temperature (float | None | Unset):
            max_tokens (int | None | Unset):
            frequency_penalty (float | None | Unset):
            presence_penalty (float | None | Unset):
            top_p (float | None | Unset):
            timeout (int | None | Unset):
            max_retries (int | None | Unset):
            response_format (NodeConfigResponseFormatType0 | None | Unset):
            llm_model_config_id (int | None | Unset):
            credential_id (int | None | Unset):
            is_active (bool | Unset):
            priority (int | Unset):
            trigger_config (NodeConfigTriggerConfig | Unset):
            input_template (None | str | Unset):
    """

    system_prompt: str | Unset = UNSET
    extra_config: NodeConfigExtraConfig | Unset = UNSET
    llm_credential_id: int | None | Unset = UNSET
    model_name: str | Unset = UNSET
    temperature: float | None | Unset = UNSET
    max_tokens: int | None | Unset = UNSET
    frequency_penalty: float | None | Unset = UNSET
    presence_penalty: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    timeout: int | None | Unset = UNSET
    max_retries: int | None | Unset = UNSET
    response_format: NodeConfigResponseFormatType0 | None | Unset = UNSET
    llm_model_config_id: int | None | Unset = UNSET
    credential_id: int | None | Unset = UNSET
    is_active: bool | Unset = UNSET
    priority: int | Unset = UNSET
    trigger_config: NodeConfigTriggerConfig | Unset = UNSET
    input_template: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.node_config_response_format_type_0 import (
            NodeConfigResponseFormatType0,
        )

        system_prompt = self.system_prompt

        extra_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_config, Unset):
            extra_config = self.extra_config.to_dict()

        llm_credential_id: int | None | Unset
        if isinstance(self.llm_credential_id, Unset):
            llm_credential_id = UNSET
        else:
            llm_credential_id = self.llm_credential_id

        model_name = self.model_name

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        max_tokens: int | None | Unset
        if isinstance(self.max_tokens, Unset):
            max_tokens = UNSET
        else:
            max_tokens = self.max_tokens

        frequency_penalty: float | None | Unset
        if isinstance(self.frequency_penalty, Unset):
            frequency_penalty = UNSET
        else:
            frequency_penalty = self.frequency_penalty

        presence_penalty: float | None | Unset
        if isinstance(self.presence_penalty, Unset):
            presence_penalty = UNSET
        else:
            presence_penalty = self.presence_penalty

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        timeout: int | None | Unset
        if isinstance(self.timeout, Unset):
            timeout = UNSET
        else:
            timeout = self.timeout

        max_retries: int | None | Unset
        if isinstance(self.max_retries, Unset):
            max_retries = UNSET
        else:
            max_retries = self.max_retries

        response_format: dict[str, Any] | None | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, NodeConfigResponseFormatType0):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        llm_model_config_id: int | None | Unset
        if isinstance(self.llm_model_config_id, Unset):
            llm_model_config_id = UNSET
        else:
            llm_model_config_id = self.llm_model_config_id

        credential_id: int | None | Unset
        if isinstance(self.credential_id, Unset):
            credential_id = UNSET
        else:
            credential_id = self.credential_id

        is_active = self.is_active

        priority = self.priority

        trigger_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_config, Unset):
            trigger_config = self.trigger_config.to_dict()

        input_template: None | str | Unset
        if isinstance(self.input_template, Unset):
            input_template = UNSET
        else:
            input_template = self.input_template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if system_prompt is not UNSET:
            field_dict["system_prompt"] = system_prompt
        if extra_config is not UNSET:
            field_dict["extra_config"] = extra_config
        if llm_credential_id is not UNSET:
            field_dict["llm_credential_id"] = llm_credential_id
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if max_retries is not UNSET:
            field_dict["max_retries"] = max_retries
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if llm_model_config_id is not UNSET:
            field_dict["llm_model_config_id"] = llm_model_config_id
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if priority is not UNSET:
            field_dict["priority"] = priority
        if trigger_config is not UNSET:
            field_dict["trigger_config"] = trigger_config
        if input_template is not UNSET:
            field_dict["input_template"] = input_template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_config_extra_config import NodeConfigExtraConfig
        from ..models.node_config_response_format_type_0 import (
            NodeConfigResponseFormatType0,
        )
        from ..models.node_config_trigger_config import NodeConfigTriggerConfig

        d = dict(src_dict)
        system_prompt = d.pop("system_prompt", UNSET)

        _extra_config = d.pop("extra_config", UNSET)
        extra_config: NodeConfigExtraConfig | Unset
        if isinstance(_extra_config, Unset):
            extra_config = UNSET
        else:
            extra_config = NodeConfigExtraConfig.from_dict(_extra_config)

        def _parse_llm_credential_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        llm_credential_id = _parse_llm_credential_id(d.pop("llm_credential_id", UNSET))

        model_name = d.pop("model_name", UNSET)

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature = _parse_temperature(d.pop("temperature", UNSET))

        def _parse_max_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tokens = _parse_max_tokens(d.pop("max_tokens", UNSET))

        def _parse_frequency_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        frequency_penalty = _parse_frequency_penalty(d.pop("frequency_penalty", UNSET))

        def _parse_presence_penalty(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        presence_penalty = _parse_presence_penalty(d.pop("presence_penalty", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        top_p = _parse_top_p(d.pop("top_p", UNSET))

        def _parse_timeout(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        timeout = _parse_timeout(d.pop("timeout", UNSET))

        def _parse_max_retries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_retries = _parse_max_retries(d.pop("max_retries", UNSET))

        def _parse_response_format(data: object) -> NodeConfigResponseFormatType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_format_type_0 = NodeConfigResponseFormatType0.from_dict(data)

                return response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NodeConfigResponseFormatType0 | None | Unset, data)

        response_format = _parse_response_format(d.pop("response_format", UNSET))

        def _parse_llm_model_config_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        llm_model_config_id = _parse_llm_model_config_id(d.pop("llm_model_config_id", UNSET))

        def _parse_credential_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        credential_id = _parse_credential_id(d.pop("credential_id", UNSET))

        is_active = d.pop("is_active", UNSET)

        priority = d.pop("priority", UNSET)

        _trigger_config = d.pop("trigger_config", UNSET)
        trigger_config: NodeConfigTriggerConfig | Unset
        if isinstance(_trigger_config, Unset):
            trigger_config = UNSET
        else:
            trigger_config = NodeConfigTriggerConfig.from_dict(_trigger_config)

        def _parse_input_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        input_template = _parse_input_template(d.pop("input_template", UNSET))

        node_config = cls(
            system_prompt=system_prompt,
            extra_config=extra_config,
            llm_credential_id=llm_credential_id,
            model_name=model_name,
            temperature=temperature,
            max_tokens=max_tokens,
            frequency_penalty=frequency_penalty,
            presence_penalty=presence_penalty,
            top_p=top_p,
            timeout=timeout,
            max_retries=max_retries,
            response_format=response_format,
            llm_model_config_id=llm_model_config_id,
            credential_id=credential_id,
            is_active=is_active,
            priority=priority,
            trigger_config=trigger_config,
            input_template=input_template,
        )

        node_config.additional_properties = d
        return node_config

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
