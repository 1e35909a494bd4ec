from enum import StrEnum


class NotificationType(StrEnum):
    JOB_FINISHED = "job_finished"
    SUBMISSION_REJECTED = "submission_rejected"
    TASK_ESCALATED = "task_escalated"
    TASK_FAILED = "task_failed"
    TASK_QUARANTINED = "task_quarantined"
    WORK_ASSIGNED = "work_assigned"

    def __str__(self) -> str:
        return str(self.value)
