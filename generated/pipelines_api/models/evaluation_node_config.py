from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.evaluation_node_config_on_failure import EvaluationNodeConfigOnFailure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_node_config_checks_item import EvaluationNodeConfigChecksItem


T = TypeVar("T", bound="EvaluationNodeConfig")


@_attrs_define
class EvaluationNodeConfig:
    """Checks over the node's variables: regex (`pattern`), json_schema (`schema`), threshold (`min`/`max`). Output
    {passed, checks}; when a check fails the node (and the task) becomes quarantined (`on_failure`: quarantine, the
    default) or escalated.

        Attributes:
            checks (list[EvaluationNodeConfigChecksItem]):
            on_failure (EvaluationNodeConfigOnFailure | Unset):
    """

    checks: list[EvaluationNodeConfigChecksItem]
    on_failure: EvaluationNodeConfigOnFailure | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        on_failure: str | Unset = UNSET
        if not isinstance(self.on_failure, Unset):
            on_failure = self.on_failure.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checks": checks,
            }
        )
        if on_failure is not UNSET:
            field_dict["on_failure"] = on_failure

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_node_config_checks_item import (
            EvaluationNodeConfigChecksItem,
        )

        d = dict(src_dict)
        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = EvaluationNodeConfigChecksItem.from_dict(checks_item_data)

            checks.append(checks_item)

        _on_failure = d.pop("on_failure", UNSET)
        on_failure: EvaluationNodeConfigOnFailure | Unset
        if isinstance(_on_failure, Unset):
            on_failure = UNSET
        else:
            on_failure = EvaluationNodeConfigOnFailure(_on_failure)

        evaluation_node_config = cls(
            checks=checks,
            on_failure=on_failure,
        )

        return evaluation_node_config
