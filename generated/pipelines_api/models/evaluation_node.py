from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_node_kind import EvaluationNodeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_node_config import EvaluationNodeConfig


T = TypeVar("T", bound="EvaluationNode")


@_attrs_define
class EvaluationNode:
    """
    Attributes:
        id (str):
        kind (EvaluationNodeKind):
        name (str | Unset):
        config (EvaluationNodeConfig | Unset): Checks over the node's variables: regex (`pattern`), json_schema
            (`schema`), threshold (`min`/`max`). Output {passed, checks}; when a check fails the node (and the task) becomes
            quarantined (`on_failure`: quarantine, the default) or escalated. `evaluation_ref` ({evaluation_id, version})
            adds a library evaluation's criteria (programmatic only) as checks: they score the value at `output_path`
            (default input) against the one at `expected_path`; the evaluation passes per its pass_threshold. `checks` or
            `evaluation_ref` is required. Example: {'evaluation_ref': {'evaluation_id': 4, 'version': 1}, 'output_path':
            'nodes.answer.content', 'expected_path': 'task.expected'}.
    """

    id: str
    kind: EvaluationNodeKind
    name: str | Unset = UNSET
    config: EvaluationNodeConfig | Unset = UNSET
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
        from ..models.evaluation_node_config import EvaluationNodeConfig

        d = dict(src_dict)
        id = d.pop("id")

        kind = EvaluationNodeKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        _config = d.pop("config", UNSET)
        config: EvaluationNodeConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = EvaluationNodeConfig.from_dict(_config)

        evaluation_node = cls(
            id=id,
            kind=kind,
            name=name,
            config=config,
        )

        evaluation_node.additional_properties = d
        return evaluation_node

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
