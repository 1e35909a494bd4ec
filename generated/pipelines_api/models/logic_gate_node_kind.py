from enum import StrEnum


class LogicGateNodeKind(StrEnum):
    LOGIC_GATE = "logic_gate"

    def __str__(self) -> str:
        return str(self.value)
