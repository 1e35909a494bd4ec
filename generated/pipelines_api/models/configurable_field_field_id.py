from enum import StrEnum


class ConfigurableFieldFieldId(StrEnum):
    EVALUATION = "evaluation"
    MODEL = "model"
    PROMPT = "prompt"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
