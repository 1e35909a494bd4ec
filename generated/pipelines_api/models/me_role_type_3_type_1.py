from enum import StrEnum


class MeRoleType3Type1(StrEnum):
    MEMBER = "member"
    ORG_ADMIN = "org_admin"

    def __str__(self) -> str:
        return str(self.value)
