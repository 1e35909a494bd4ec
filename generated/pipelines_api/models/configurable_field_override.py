from enum import StrEnum


class ConfigurableFieldOverride(StrEnum):
    EVALUATIONS = "evaluations"
    MODELS = "models"
    PROMPTS = "prompts"

    def __str__(self) -> str:
        return str(self.value)
