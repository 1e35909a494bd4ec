from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.evaluation_node_config_on_failure import EvaluationNodeConfigOnFailure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluation_node_config_checks_item import EvaluationNodeConfigChecksItem
    from ..models.evaluation_ref import EvaluationRef


T = TypeVar("T", bound="EvaluationNodeConfig")


@_attrs_define
class EvaluationNodeConfig:
    """Checks over the node's variables: regex (`pattern`), json_schema (`schema`), threshold (`min`/`max`). Output
    {passed, checks}; when a check fails the node (and the task) becomes quarantined (`on_failure`: quarantine, the
    default) or escalated. `evaluation_ref` ({evaluation_id, version}) adds a library evaluation's criteria
    (programmatic only) as checks: they score the value at `output_path` (default input) against the one at
    `expected_path`; the evaluation passes per its pass_threshold. `checks` or `evaluation_ref` is required.

        Example:
            {'evaluation_ref': {'evaluation_id': 4, 'version': 1}, 'output_path': 'nodes.answer.content', 'expected_path':
                'task.expected'}

        Attributes:
            evaluation_ref (EvaluationRef | Unset):
            output_path (str | Unset):
            expected_path (str | Unset):
            checks (list[EvaluationNodeConfigChecksItem] | Unset):
            on_failure (EvaluationNodeConfigOnFailure | Unset):
    """

    evaluation_ref: EvaluationRef | Unset = UNSET
    output_path: str | Unset = UNSET
    expected_path: str | Unset = UNSET
    checks: list[EvaluationNodeConfigChecksItem] | Unset = UNSET
    on_failure: EvaluationNodeConfigOnFailure | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        evaluation_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evaluation_ref, Unset):
            evaluation_ref = self.evaluation_ref.to_dict()

        output_path = self.output_path

        expected_path = self.expected_path

        checks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = []
            for checks_item_data in self.checks:
                checks_item = checks_item_data.to_dict()
                checks.append(checks_item)

        on_failure: str | Unset = UNSET
        if not isinstance(self.on_failure, Unset):
            on_failure = self.on_failure.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if evaluation_ref is not UNSET:
            field_dict["evaluation_ref"] = evaluation_ref
        if output_path is not UNSET:
            field_dict["output_path"] = output_path
        if expected_path is not UNSET:
            field_dict["expected_path"] = expected_path
        if checks is not UNSET:
            field_dict["checks"] = checks
        if on_failure is not UNSET:
            field_dict["on_failure"] = on_failure

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evaluation_node_config_checks_item import (
            EvaluationNodeConfigChecksItem,
        )
        from ..models.evaluation_ref import EvaluationRef

        d = dict(src_dict)
        _evaluation_ref = d.pop("evaluation_ref", UNSET)
        evaluation_ref: EvaluationRef | Unset
        if isinstance(_evaluation_ref, Unset):
            evaluation_ref = UNSET
        else:
            evaluation_ref = EvaluationRef.from_dict(_evaluation_ref)

        output_path = d.pop("output_path", UNSET)

        expected_path = d.pop("expected_path", UNSET)

        _checks = d.pop("checks", UNSET)
        checks: list[EvaluationNodeConfigChecksItem] | Unset = UNSET
        if _checks is not UNSET:
            checks = []
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
            evaluation_ref=evaluation_ref,
            output_path=output_path,
            expected_path=expected_path,
            checks=checks,
            on_failure=on_failure,
        )

        return evaluation_node_config
