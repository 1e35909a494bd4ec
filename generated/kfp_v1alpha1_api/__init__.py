"""A client library for accessing Kubeflow Pipelines run logs (compatibility)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
