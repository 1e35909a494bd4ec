from enum import StrEnum


class PromptUpdateScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
