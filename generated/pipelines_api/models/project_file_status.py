from enum import StrEnum


class ProjectFileStatus(StrEnum):
    DELETED = "deleted"
    GC_PENDING = "gc_pending"
    PENDING = "pending"
    READY = "ready"
    UPLOADED = "uploaded"
    UPLOADING = "uploading"

    def __str__(self) -> str:
        return str(self.value)
