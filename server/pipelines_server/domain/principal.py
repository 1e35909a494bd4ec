from __future__ import annotations

from dataclasses import dataclass

ORG_ADMIN = "org_admin"
MEMBER = "member"
ROLES = (ORG_ADMIN, MEMBER)


@dataclass(frozen=True)
class Principal:
    """Who is calling: an organization API key and the user who created it.

    `user_id` is None when that user has been removed; the key still works for what does not
    need an identity (the reference's rule for External API v1).
    """

    org_id: int
    api_key_id: int
    user_id: int | None
    role: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == ORG_ADMIN
