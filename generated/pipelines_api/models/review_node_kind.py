from enum import StrEnum


class ReviewNodeKind(StrEnum):
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
