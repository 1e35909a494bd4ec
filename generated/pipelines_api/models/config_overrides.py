from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config_overrides_evaluations_item import ConfigOverridesEvaluationsItem
    from ..models.config_overrides_models_item import ConfigOverridesModelsItem
    from ..models.config_overrides_prompts_item import ConfigOverridesPromptsItem


T = TypeVar("T", bound="ConfigOverrides")


@_attrs_define
class ConfigOverrides:
    """The swaps of one variant; `{}` is a plain copy of the workflow (a baseline).

    Attributes:
        prompts (list[ConfigOverridesPromptsItem] | Unset):
        models (list[ConfigOverridesModelsItem] | Unset):
        evaluations (list[ConfigOverridesEvaluationsItem] | Unset):
    """

    prompts: list[ConfigOverridesPromptsItem] | Unset = UNSET
    models: list[ConfigOverridesModelsItem] | Unset = UNSET
    evaluations: list[ConfigOverridesEvaluationsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prompts, Unset):
            prompts = []
            for prompts_item_data in self.prompts:
                prompts_item = prompts_item_data.to_dict()
                prompts.append(prompts_item)

        models: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = []
            for models_item_data in self.models:
                models_item = models_item_data.to_dict()
                models.append(models_item)

        evaluations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evaluations, Unset):
            evaluations = []
            for evaluations_item_data in self.evaluations:
                evaluations_item = evaluations_item_data.to_dict()
                evaluations.append(evaluations_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if prompts is not UNSET:
            field_dict["prompts"] = prompts
        if models is not UNSET:
            field_dict["models"] = models
        if evaluations is not UNSET:
            field_dict["evaluations"] = evaluations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.config_overrides_evaluations_item import (
            ConfigOverridesEvaluationsItem,
        )
        from ..models.config_overrides_models_item import ConfigOverridesModelsItem
        from ..models.config_overrides_prompts_item import ConfigOverridesPromptsItem

        d = dict(src_dict)
        _prompts = d.pop("prompts", UNSET)
        prompts: list[ConfigOverridesPromptsItem] | Unset = UNSET
        if _prompts is not UNSET:
            prompts = []
            for prompts_item_data in _prompts:
                prompts_item = ConfigOverridesPromptsItem.from_dict(prompts_item_data)

                prompts.append(prompts_item)

        _models = d.pop("models", UNSET)
        models: list[ConfigOverridesModelsItem] | Unset = UNSET
        if _models is not UNSET:
            models = []
            for models_item_data in _models:
                models_item = ConfigOverridesModelsItem.from_dict(models_item_data)

                models.append(models_item)

        _evaluations = d.pop("evaluations", UNSET)
        evaluations: list[ConfigOverridesEvaluationsItem] | Unset = UNSET
        if _evaluations is not UNSET:
            evaluations = []
            for evaluations_item_data in _evaluations:
                evaluations_item = ConfigOverridesEvaluationsItem.from_dict(evaluations_item_data)

                evaluations.append(evaluations_item)

        config_overrides = cls(
            prompts=prompts,
            models=models,
            evaluations=evaluations,
        )

        return config_overrides
