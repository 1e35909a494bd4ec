"""API keys of an organization. A created key's value is in the reply only once."""

from __future__ import annotations

from pipelines_api.api.api_keys import create_api_key, list_api_keys, revoke_api_key
from pipelines_api.models import ApiKeyCreate


class Keys:
    def __init__(self, client):
        self._client = client

    def list(self, org_id: int):
        return self._client.call(list_api_keys, org_id=org_id)

    def create(self, org_id: int, name: str, *, expires_in_days: int | None = None):
        body = ApiKeyCreate.from_dict({"name": name, "expires_in_days": expires_in_days})
        return self._client.call(create_api_key, org_id=org_id, body=body)

    def revoke(self, org_id: int, key_id: int):
        return self._client.call(revoke_api_key, org_id=org_id, key_id=key_id)


AsyncKeys = Keys
