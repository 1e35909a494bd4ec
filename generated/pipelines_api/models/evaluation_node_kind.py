from enum import StrEnum


class EvaluationNodeKind(StrEnum):
    EVALUATION = "evaluation"

    def __str__(self) -> str:
        return str(self.value)
