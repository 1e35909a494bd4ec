from enum import StrEnum


class ReviewNodeConfigOnExhausted(StrEnum):
    ESCALATE = "escalate"
    QUARANTINE = "quarantine"

    def __str__(self) -> str:
        return str(self.value)
