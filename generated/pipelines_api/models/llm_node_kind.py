from enum import StrEnum


class LlmNodeKind(StrEnum):
    LLM = "llm"

    def __str__(self) -> str:
        return str(self.value)
