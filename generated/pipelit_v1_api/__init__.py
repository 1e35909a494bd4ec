"""A client library for accessing Pipelit API (compatibility)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
