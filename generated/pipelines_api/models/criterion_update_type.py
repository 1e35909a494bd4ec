from enum import StrEnum


class CriterionUpdateType(StrEnum):
    LLM_JUDGE = "llm_judge"
    PROGRAMMATIC = "programmatic"

    def __str__(self) -> str:
        return str(self.value)
