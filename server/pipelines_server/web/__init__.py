"""HTTP glue the surfaces share: domain errors to HTTP errors, authentication from headers,
request validation."""
