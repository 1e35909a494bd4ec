from enum import StrEnum


class ProjectFileGcStatus(StrEnum):
    GC_PENDING = "gc_pending"

    def __str__(self) -> str:
        return str(self.value)
