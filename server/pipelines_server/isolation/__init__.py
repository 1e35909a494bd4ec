"""Containment of user-directed actions: the bubblewrap sandbox for user code and the
address policy for outbound calls. No imports from the rest of the server."""
