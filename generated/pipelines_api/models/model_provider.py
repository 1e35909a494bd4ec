from enum import StrEnum


class ModelProvider(StrEnum):
    OPENAI_COMPATIBLE = "openai_compatible"

    def __str__(self) -> str:
        return str(self.value)
