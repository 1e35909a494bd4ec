"""Live events: the shared reader of new timeline events and the SSE/WebSocket endpoints."""
