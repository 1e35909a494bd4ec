from enum import StrEnum


class ConfigurableNodeKind(StrEnum):
    EVALUATION = "evaluation"
    LLM = "llm"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
