from enum import StrEnum


class V2Beta1ArtifactDetailDirection(StrEnum):
    INPUT = "input"
    OUTPUT = "output"

    def __str__(self) -> str:
        return str(self.value)
