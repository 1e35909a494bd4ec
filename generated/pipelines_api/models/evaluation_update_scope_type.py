from enum import StrEnum


class EvaluationUpdateScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
