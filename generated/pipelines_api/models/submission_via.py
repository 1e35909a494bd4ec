from enum import StrEnum


class SubmissionVia(StrEnum):
    ADMIN_EDIT = "admin_edit"
    ADMIN_SUBMIT = "admin_submit"
    INLINE_EDIT = "inline_edit"
    RESOLVE = "resolve"
    REVERT = "revert"
    WORKER = "worker"

    def __str__(self) -> str:
        return str(self.value)
