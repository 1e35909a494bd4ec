from enum import StrEnum


class SubtaskNodeConfigFieldsItemSource(StrEnum):
    INPUT = "input"
    LLM = "llm"
    STATIC = "static"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
