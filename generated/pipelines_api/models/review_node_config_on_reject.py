from enum import StrEnum


class ReviewNodeConfigOnReject(StrEnum):
    POOL = "pool"
    POOL_EXCLUDE_ORIGINAL = "pool_exclude_original"
    SAME_WORKER = "same_worker"

    def __str__(self) -> str:
        return str(self.value)
