"""Contains all the data models used in inputs/outputs"""

from .google_rpc_status import GoogleRpcStatus
from .google_rpc_status_details_item import GoogleRpcStatusDetailsItem

__all__ = (
    "GoogleRpcStatus",
    "GoogleRpcStatusDetailsItem",
)
