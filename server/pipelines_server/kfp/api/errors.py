"""Upstream's error bodies: a google.rpc.Status with the HTTP status of its gRPC code, and,
for the two multipart upload endpoints, `{"error_message", "error_details"}`."""

from __future__ import annotations

from ...web.errors import HttpError

GRPC_CODES = {
    400: 3,  # INVALID_ARGUMENT
    401: 16,  # UNAUTHENTICATED
    403: 7,  # PERMISSION_DENIED
    404: 5,  # NOT_FOUND
    405: 12,  # UNIMPLEMENTED
    409: 6,  # ALREADY_EXISTS
    413: 3,
    415: 3,
    429: 8,  # RESOURCE_EXHAUSTED
    431: 3,
    500: 13,  # INTERNAL
    503: 14,  # UNAVAILABLE
}


def shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    # Upstream has no 422: whatever fails validation is INVALID_ARGUMENT.
    status = 400 if err.status == 422 else err.status
    code = GRPC_CODES.get(status, 2)  # 2 UNKNOWN
    if status == 400 and err.code == "failed_precondition":
        code = 9  # FAILED_PRECONDITION, which upstream's gateway also answers with 400
    message = err.message
    if err.errors and err.status == 422:
        message = "; ".join(e.message for e in err.errors) or message
    body = {
        "code": code,
        "message": message,
        "details": [
            {"@type": "type.googleapis.com/google.rpc.Status", "code": code, "message": message}
        ],
    }
    headers: dict[str, str] = {}
    if status == 429 and err.retry_after is not None:
        headers["Retry-After"] = str(err.retry_after)
    return status, body, headers


def upload_shape(err: HttpError) -> tuple[int, dict, dict[str, str]]:
    """POST /pipelines/upload and /pipelines/upload_version: upstream writes these errors
    itself, as `{"error_message": ..., "error_details": ...}`, not through the gateway."""
    status, body, headers = shape(err)
    return status, {"error_message": body["message"], "error_details": body["message"]}, headers
