"""Upstream's wire conventions shared by the KFP handlers: empty query parameters count as
absent, unset fields are omitted, list replies carry total_size and next_page_token."""

from __future__ import annotations


def opt(value):
    """The kfp SDK sends absent query parameters as empty strings (`namespace=`)."""
    return value or None


def list_reply(key: str, items: list, total: int, token: str) -> dict:
    out: dict = {"total_size": total}
    if items:
        out[key] = items
    if token:
        out["next_page_token"] = token
    return out
