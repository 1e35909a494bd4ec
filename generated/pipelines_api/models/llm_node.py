from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_node_kind import LlmNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.llm_node_config import LlmNodeConfig


T = TypeVar("T", bound="LlmNode")


@_attrs_define
class LlmNode:
    """
    Attributes:
        id (str):
        kind (LlmNodeKind):
        name (str | Unset):
        config (LlmNodeConfig | Unset): A sandboxed Jinja2 prompt (and optional system prompt) sent to the OpenAI-
            compatible /chat/completions of the organization credential named `credential`. Output {content, model, usage,
            json (response_format json)}. Defaults: timeout_seconds 60, retries 2, backoff_seconds 1, response_format text.
            From the library: `prompt_ref` ({prompt_id, version}) instead of `prompt`, `system_ref` instead of `system`,
            `model_slug` (GET /orgs/{org_id}/models) instead of `credential` + `model`; one of each pair is required.
            References are checked when the workflow is saved or activated (unknown prompt or version: 422; a model slug no
            credential serves: 403) and resolved into the workflow version tasks run with (`version` left out: the latest
            when that version is first used). Example: {'prompt_ref': {'prompt_id': 12, 'version': 2}, 'model_slug':
            'gpt-4o-mini', 'response_format': 'text'}.
    """

    id: str
    kind: LlmNodeKind
    name: str | Unset = UNSET
    config: LlmNodeConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.llm_node_config import LlmNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = LlmNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: LlmNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = LlmNodeConfig.from_dict(_config)

        llm_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        llm_node.additional_properties = d
        return llm_node

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
