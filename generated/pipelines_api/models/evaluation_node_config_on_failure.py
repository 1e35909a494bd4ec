from enum import StrEnum


class EvaluationNodeConfigOnFailure(StrEnum):
    ESCALATE = "escalate"
    QUARANTINE = "quarantine"

    def __str__(self) -> str:
        return str(self.value)
