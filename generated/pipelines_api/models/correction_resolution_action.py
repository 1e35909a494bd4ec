from enum import StrEnum


class CorrectionResolutionAction(StrEnum):
    FAIL = "fail"
    PASS = "pass"
    SEND_BACK = "send_back"

    def __str__(self) -> str:
        return str(self.value)
