"""The edge refuses to run without the surface table: its body cap and rate limits are per
surface, and an empty table would silently apply them to nothing."""

from __future__ import annotations

import pytest

import pipelines_server.app  # noqa: F401 - registers the surfaces, as the server does
from pipelines_server.edge import surfaces
from pipelines_server.edge.middleware import EdgeMiddleware


def test_every_surface_prefix_is_found_longest_first():
    assert surfaces.find("/api/v1/tasks").prefix == "/api/v1"
    assert surfaces.find("/api/projects").prefix == "/api"
    assert surfaces.find("/apis/v2beta1/runs").prefix == "/apis/v2beta1"
    assert surfaces.find("/elsewhere") is None


def test_the_edge_fails_closed_without_surfaces(monkeypatch):
    monkeypatch.setattr(surfaces, "_table", [])
    with pytest.raises(RuntimeError, match="no surfaces registered"):
        EdgeMiddleware(app=None)
