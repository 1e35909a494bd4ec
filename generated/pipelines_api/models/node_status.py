from enum import StrEnum


class NodeStatus(StrEnum):
    AVAILABLE = "available"
    CLAIMED = "claimed"
    DEFERRED = "deferred"
    ESCALATED = "escalated"
    FAILED = "failed"
    FINISHED = "finished"
    NA = "na"
    PENDING = "pending"
    QUARANTINED = "quarantined"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
