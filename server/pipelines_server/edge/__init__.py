"""The ASGI edge in front of connexion: per-surface headers, body and header size caps,
rate limits and the streaming upload PUT."""
