"""Contains all the data models used in inputs/outputs"""

from .detail import Detail
from .edge_validation_failure import EdgeValidationFailure
from .edge_validation_failure_detail import EdgeValidationFailureDetail
from .health import Health
from .health_status import HealthStatus
from .validation_error_item import ValidationErrorItem
from .validation_error_item_ctx import ValidationErrorItemCtx
from .validation_failure import ValidationFailure

__all__ = (
    "Detail",
    "EdgeValidationFailure",
    "EdgeValidationFailureDetail",
    "Health",
    "HealthStatus",
    "ValidationErrorItem",
    "ValidationErrorItemCtx",
    "ValidationFailure",
)
