from enum import StrEnum


class CriterionConfigSubtype(StrEnum):
    CONTAINS_KEYWORDS = "contains_keywords"
    EXACT_MATCH = "exact_match"
    JSON_SCHEMA = "json_schema"
    REGEX = "regex"
    THRESHOLD = "threshold"

    def __str__(self) -> str:
        return str(self.value)
