from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subtask_node_kind import SubtaskNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subtask_node_config import SubtaskNodeConfig


T = TypeVar("T", bound="SubtaskNode")


@_attrs_define
class SubtaskNode:
    """
    Attributes:
        id (str):
        kind (SubtaskNodeKind):
        name (str | Unset):
        config (SubtaskNodeConfig | Unset): A form for a person (ports in: any, out: object). Each field takes its value
            from the user (default), the task input (`input_field`, default the same name), a `static` value, or an llm call
            (`prompt`, `credential`, `model`) made before the form opens. A `file_upload` field is answered with
            `{"file_id": "<id>"}`, a confirmed file of the task's project (see submit-subtask). `assign_to` (a user id of
            the organization, checked when the graph is saved): the node is reserved for that user when it becomes available
            (only they see it in my-work and may open it) and they get a `work_assigned` notification; a user removed since
            goes unreserved (the pool). After a review sends the work back, its `on_reject` rule decides who may take it.
    """

    id: str
    kind: SubtaskNodeKind
    name: str | Unset = UNSET
    config: SubtaskNodeConfig | Unset = UNSET
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
        from ..models.subtask_node_config import SubtaskNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = SubtaskNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: SubtaskNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = SubtaskNodeConfig.from_dict(_config)

        subtask_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        subtask_node.additional_properties = d
        return subtask_node

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
