from __future__ import annotations

from dataclasses import dataclass

from .errors import Forbidden, NotFound

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


USER_REMOVED = "The user who created this API key has been removed; create a new key"


def acting_user(principal: Principal) -> int:
    """The caller's user id (Forbidden for an API key whose creator was removed)."""
    if principal.user_id is None:
        raise Forbidden(USER_REMOVED)
    return principal.user_id


def require_admin(principal: Principal, org_id: int, what: str) -> None:
    """Org-admin operations: another organization is not found; a key whose user was removed,
    or a member's key, is forbidden."""
    if principal.org_id != org_id:
        raise NotFound("Organization not found")
    acting_user(principal)
    if not principal.is_admin:
        raise Forbidden(f"Only organization admins can manage {what}")
