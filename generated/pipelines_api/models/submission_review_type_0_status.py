from enum import StrEnum


class SubmissionReviewType0Status(StrEnum):
    PASSED = "passed"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
