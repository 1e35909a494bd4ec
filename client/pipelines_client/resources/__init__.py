"""Resource helpers hung on a client: `client.projects`, `client.tasks`, ...

Each helper is a thin class over `client.call` / `client.paginate` with the generated
operations; it adds behaviour (iteration, waiting, uploads), never a second copy of a model.
"""

from __future__ import annotations

from .projects import AsyncProjects, Projects


def attach(client) -> None:
    client.projects = Projects(client)


def attach_async(client) -> None:
    client.projects = AsyncProjects(client)
