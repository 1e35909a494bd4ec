from enum import StrEnum


class CorrectionReviewDecisionDecision(StrEnum):
    FAIL = "fail"
    PASS = "pass"

    def __str__(self) -> str:
        return str(self.value)
