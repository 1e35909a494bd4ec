"""The Python SDK of the pipelines server, on its generated clients.

from pipelines_client import Client

with Client("http://127.0.0.1:8000", "pk_...") as pipelines:
    project = pipelines.projects.create("Translations")
    print([p.name for p in pipelines.projects.list()])
"""

from .aio import AsyncClient
from .client import Client
from .errors import (
    Ambiguous,
    ApiError,
    BadRequest,
    Conflict,
    ConnectionFailed,
    Forbidden,
    Gone,
    InvalidFile,
    NotFound,
    PayloadTooLarge,
    PipelinesError,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    Unauthorized,
    ValidationFailed,
    WaitTimeout,
)
from .transport import RetryPolicy

__version__ = "0.1.0"

__all__ = [
    "Ambiguous",
    "ApiError",
    "AsyncClient",
    "BadRequest",
    "Client",
    "Conflict",
    "ConnectionFailed",
    "Forbidden",
    "Gone",
    "InvalidFile",
    "NotFound",
    "PayloadTooLarge",
    "PipelinesError",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "ServiceUnavailable",
    "Unauthorized",
    "ValidationFailed",
    "WaitTimeout",
    "__version__",
]
