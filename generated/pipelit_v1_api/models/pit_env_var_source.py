from enum import StrEnum


class PitEnvVarSource(StrEnum):
    CREDENTIAL = "credential"
    RAW = "raw"

    def __str__(self) -> str:
        return str(self.value)
