from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node_config_out_extra_config import NodeConfigOutExtraConfig
    from ..models.node_config_out_response_format_type_0 import (
        NodeConfigOutResponseFormatType0,
    )
    from ..models.node_config_out_trigger_config import NodeConfigOutTriggerConfig


T = TypeVar("T", bound="NodeConfigOut")


@_attrs_define
class NodeConfigOut:
    """
    Attributes:
        system_prompt (str):
        extra_config (NodeConfigOutExtraConfig):
        llm_credential_id (int | None):
        model_name (str):
        temperature (float | None):
        max_tokens (int | None):
        frequency_penalty (float | None):
        presence_penalty (float | None):
        top_p (float | None):
        timeout (int | None):
        max_retries (int | None):
        response_format (NodeConfigOutResponseFormatType0 | None):
        llm_model_config_id (int | None):
        credential_id (int | None):
        is_active (bool):
        priority (int):
        trigger_config (NodeConfigOutTriggerConfig):
        input_template (None | str):
    """

    system_prompt: str
    extra_config: NodeConfigOutExtraConfig
    llm_credential_id: int | None
    model_name: str
    temperature: float | None
    max_tokens: int | None
    frequency_penalty: float | None
    presence_penalty: float | None
    top_p: float | None
    timeout: int | None
    max_retries: int | None
    response_format: NodeConfigOutResponseFormatType0 | None
    llm_model_config_id: int | None
    credential_id: int | None
    is_active: bool
    priority: int
    trigger_config: NodeConfigOutTriggerConfig
    input_template: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.node_config_out_response_format_type_0 import (
            NodeConfigOutResponseFormatType0,
        )

        system_prompt = self.system_prompt

        extra_config = self.extra_config.to_dict()

        llm_credential_id: int | None
        llm_credential_id = self.llm_credential_id

        model_name = self.model_name

        temperature: float | None
        temperature = self.temperature

        max_tokens: int | None
        max_tokens = self.max_tokens

        frequency_penalty: float | None
        frequency_penalty = self.frequency_penalty

        presence_penalty: float | None
        presence_penalty = self.presence_penalty

        top_p: float | None
        top_p = self.top_p

        timeout: int | None
        timeout = self.timeout

        max_retries: int | None
        max_retries = self.max_retries

        response_format: dict[str, Any] | None
        if isinstance(self.response_format, NodeConfigOutResponseFormatType0):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        llm_model_config_id: int | None
        llm_model_config_id = self.llm_model_config_id

        credential_id: int | None
        credential_id = self.credential_id

        is_active = self.is_active

        priority = self.priority

        trigger_config = self.trigger_config.to_dict()

        input_template: None | str
        input_template = self.input_template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "system_prompt": system_prompt,
                "extra_config": extra_config,
                "llm_credential_id": llm_credential_id,
                "model_name": model_name,
                "temperature": temperature,
                "max_tokens": max_tokens,
                "frequency_penalty": frequency_penalty,
                "presence_penalty": presence_penalty,
                "top_p": top_p,
                "timeout": timeout,
                "max_retries": max_retries,
                "response_format": response_format,
                "llm_model_config_id": llm_model_config_id,
                "credential_id": credential_id,
                "is_active": is_active,
                "priority": priority,
                "trigger_config": trigger_config,
                "input_template": input_template,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.node_config_out_extra_config import NodeConfigOutExtraConfig
        from ..models.node_config_out_response_format_type_0 import (
            NodeConfigOutResponseFormatType0,
        )
        from ..models.node_config_out_trigger_config import NodeConfigOutTriggerConfig

        d = dict(src_dict)
        system_prompt = d.pop("system_prompt")

        extra_config = NodeConfigOutExtraConfig.from_dict(d.pop("extra_config"))

        def _parse_llm_credential_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        llm_credential_id = _parse_llm_credential_id(d.pop("llm_credential_id"))

        model_name = d.pop("model_name")

        def _parse_temperature(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        temperature = _parse_temperature(d.pop("temperature"))

        def _parse_max_tokens(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_tokens = _parse_max_tokens(d.pop("max_tokens"))

        def _parse_frequency_penalty(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        frequency_penalty = _parse_frequency_penalty(d.pop("frequency_penalty"))

        def _parse_presence_penalty(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        presence_penalty = _parse_presence_penalty(d.pop("presence_penalty"))

        def _parse_top_p(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        top_p = _parse_top_p(d.pop("top_p"))

        def _parse_timeout(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        timeout = _parse_timeout(d.pop("timeout"))

        def _parse_max_retries(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_retries = _parse_max_retries(d.pop("max_retries"))

        def _parse_response_format(data: object) -> NodeConfigOutResponseFormatType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_format_type_0 = NodeConfigOutResponseFormatType0.from_dict(data)

                return response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NodeConfigOutResponseFormatType0 | None, data)

        response_format = _parse_response_format(d.pop("response_format"))

        def _parse_llm_model_config_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        llm_model_config_id = _parse_llm_model_config_id(d.pop("llm_model_config_id"))

        def _parse_credential_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        credential_id = _parse_credential_id(d.pop("credential_id"))

        is_active = d.pop("is_active")

        priority = d.pop("priority")

        trigger_config = NodeConfigOutTriggerConfig.from_dict(d.pop("trigger_config"))

        def _parse_input_template(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        input_template = _parse_input_template(d.pop("input_template"))

        node_config_out = cls(
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

        node_config_out.additional_properties = d
        return node_config_out

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
