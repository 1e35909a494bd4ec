"""The native API (/api, openapi/pipelines.yaml): one module per spec tag, plus its reply
shapes and error body."""
