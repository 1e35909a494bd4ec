from enum import StrEnum


class EvaluationCreateScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
