from enum import StrEnum


class V2Beta1RunStorageState(StrEnum):
    ARCHIVED = "ARCHIVED"
    AVAILABLE = "AVAILABLE"
    STORAGE_STATE_UNSPECIFIED = "STORAGE_STATE_UNSPECIFIED"

    def __str__(self) -> str:
        return str(self.value)
