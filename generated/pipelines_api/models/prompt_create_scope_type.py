from enum import StrEnum


class PromptCreateScopeType(StrEnum):
    ORG = "org"

    def __str__(self) -> str:
        return str(self.value)
