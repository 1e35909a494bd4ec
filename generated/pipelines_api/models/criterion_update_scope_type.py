from enum import StrEnum


class CriterionUpdateScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
