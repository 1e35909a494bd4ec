from enum import StrEnum


class CriterionType(StrEnum):
    LLM_JUDGE = "llm_judge"
    PROGRAMMATIC = "programmatic"

    def __str__(self) -> str:
        return str(self.value)
