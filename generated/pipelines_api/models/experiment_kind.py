from enum import StrEnum


class ExperimentKind(StrEnum):
    EXPERIMENT = "experiment"

    def __str__(self) -> str:
        return str(self.value)
