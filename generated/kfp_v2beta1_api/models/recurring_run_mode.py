from enum import StrEnum


class RecurringRunMode(StrEnum):
    DISABLE = "DISABLE"
    ENABLE = "ENABLE"
    MODE_UNSPECIFIED = "MODE_UNSPECIFIED"

    def __str__(self) -> str:
        return str(self.value)
