"""The Pipelit surface (`/pipelit/api/v1`): handlers in Pipelit's shapes over the native
domain and engine (`domain/pipelit/`)."""
