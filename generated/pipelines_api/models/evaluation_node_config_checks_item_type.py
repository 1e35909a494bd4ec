from enum import StrEnum


class EvaluationNodeConfigChecksItemType(StrEnum):
    JSON_SCHEMA = "json_schema"
    REGEX = "regex"
    THRESHOLD = "threshold"

    def __str__(self) -> str:
        return str(self.value)
