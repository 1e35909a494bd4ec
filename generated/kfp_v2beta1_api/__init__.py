"""A client library for accessing Kubeflow Pipelines API v2beta1 (compatibility)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
