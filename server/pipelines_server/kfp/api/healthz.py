"""KFP v2beta1 HealthzService: what the kfp SDK reads to learn the server's version."""

from __future__ import annotations


def healthz_service_get_healthz():
    return {
        "commit_sha": "pipelines-server",
        "tag_name": "2.17.0",
        "multi_user": False,
        "pipeline_store": "database",
    }, 200
