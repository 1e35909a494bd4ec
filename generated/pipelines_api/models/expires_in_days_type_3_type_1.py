from enum import IntEnum


class ExpiresInDaysType3Type1(IntEnum):
    VALUE_30 = 30
    VALUE_90 = 90
    VALUE_365 = 365

    def __str__(self) -> str:
        return str(self.value)
