from enum import StrEnum


class CriterionCreateScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
