from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion_config_mode import CriterionConfigMode
from ..models.criterion_config_subtype import CriterionConfigSubtype
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criterion_config_schema import CriterionConfigSchema


T = TypeVar("T", bound="CriterionConfig")


@_attrs_define
class CriterionConfig:
    """programmatic: `subtype` exact_match (output equals `expected`; `case_sensitive`,
    default true), contains_keywords (`keywords`, `mode` any|all, `case_sensitive` default
    false), regex (`pattern`), json_schema (`schema`), threshold (`min`/`max`); `path`
    (default output) picks the value scored. llm_judge: `prompt_text` (a template over
    output, expected, record, ...), `model_slug` (a model of GET /orgs/{id}/models),
    `pass_threshold` (0-1, default 0.5); the judge answers {score 0-1, reason}.

        Attributes:
            subtype (CriterionConfigSubtype | Unset):
            keywords (list[str] | Unset):
            mode (CriterionConfigMode | Unset):
            case_sensitive (bool | Unset):
            pattern (str | Unset):
            schema (CriterionConfigSchema | Unset):
            min_ (float | Unset):
            max_ (float | Unset):
            path (str | Unset):
            expected_path (str | Unset):
            prompt_text (str | Unset):
            model_slug (str | Unset):
            pass_threshold (float | Unset):
    """

    subtype: CriterionConfigSubtype | Unset = UNSET
    keywords: list[str] | Unset = UNSET
    mode: CriterionConfigMode | Unset = UNSET
    case_sensitive: bool | Unset = UNSET
    pattern: str | Unset = UNSET
    schema: CriterionConfigSchema | Unset = UNSET
    min_: float | Unset = UNSET
    max_: float | Unset = UNSET
    path: str | Unset = UNSET
    expected_path: str | Unset = UNSET
    prompt_text: str | Unset = UNSET
    model_slug: str | Unset = UNSET
    pass_threshold: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subtype: str | Unset = UNSET
        if not isinstance(self.subtype, Unset):
            subtype = self.subtype.value

        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        case_sensitive = self.case_sensitive

        pattern = self.pattern

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        min_ = self.min_

        max_ = self.max_

        path = self.path

        expected_path = self.expected_path

        prompt_text = self.prompt_text

        model_slug = self.model_slug

        pass_threshold = self.pass_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if subtype is not UNSET:
            field_dict["subtype"] = subtype
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if mode is not UNSET:
            field_dict["mode"] = mode
        if case_sensitive is not UNSET:
            field_dict["case_sensitive"] = case_sensitive
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if schema is not UNSET:
            field_dict["schema"] = schema
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if path is not UNSET:
            field_dict["path"] = path
        if expected_path is not UNSET:
            field_dict["expected_path"] = expected_path
        if prompt_text is not UNSET:
            field_dict["prompt_text"] = prompt_text
        if model_slug is not UNSET:
            field_dict["model_slug"] = model_slug
        if pass_threshold is not UNSET:
            field_dict["pass_threshold"] = pass_threshold

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_config_schema import CriterionConfigSchema

        d = dict(src_dict)
        _subtype = d.pop("subtype", UNSET)
        subtype: CriterionConfigSubtype | Unset
        if isinstance(_subtype, Unset):
            subtype = UNSET
        else:
            subtype = CriterionConfigSubtype(_subtype)

        keywords = cast(list[str], d.pop("keywords", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: CriterionConfigMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = CriterionConfigMode(_mode)

        case_sensitive = d.pop("case_sensitive", UNSET)

        pattern = d.pop("pattern", UNSET)

        _schema = d.pop("schema", UNSET)
        schema: CriterionConfigSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = CriterionConfigSchema.from_dict(_schema)

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        path = d.pop("path", UNSET)

        expected_path = d.pop("expected_path", UNSET)

        prompt_text = d.pop("prompt_text", UNSET)

        model_slug = d.pop("model_slug", UNSET)

        pass_threshold = d.pop("pass_threshold", UNSET)

        criterion_config = cls(
            subtype=subtype,
            keywords=keywords,
            mode=mode,
            case_sensitive=case_sensitive,
            pattern=pattern,
            schema=schema,
            min_=min_,
            max_=max_,
            path=path,
            expected_path=expected_path,
            prompt_text=prompt_text,
            model_slug=model_slug,
            pass_threshold=pass_threshold,
        )

        criterion_config.additional_properties = d
        return criterion_config

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
