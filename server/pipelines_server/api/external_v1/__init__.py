"""The External API v1 (/api/v1, openapi/external-v1.yaml), deprecated in favour of /api:
one module per spec tag, plus its error body."""
