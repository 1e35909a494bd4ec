"""KFP v2beta1 PipelineService handlers (pipelines and pipeline versions): parse (empty
query parameters count as absent), call the rules, shape upstream's JSON (snake_case, unset
fields omitted, RFC 3339)."""

from __future__ import annotations

from ...shared.timestamps import ts
from ...store.models import KfpPipeline, KfpPipelineVersion
from ...web.auth import caller_session
from .. import pipelines as kp
from ..namespaces import namespaces_of
from .wire import list_query, list_reply, opt


def pipeline_reply(p: KfpPipeline, namespaces: dict[int, str]) -> dict:
    out = {
        "pipeline_id": p.id,
        "name": p.name,
        "display_name": p.display_name,
        "description": p.description,
        "created_at": ts(p.created_at),
        "namespace": namespaces.get(p.project_id, ""),
        "tags": p.tags or None,
    }
    return {key: value for key, value in out.items() if value not in (None, "")}


def version_reply(v: KfpPipelineVersion) -> dict:
    out = {
        "pipeline_id": v.pipeline_id,
        "pipeline_version_id": v.id,
        "name": v.name,
        "display_name": v.display_name,
        "description": v.description,
        "created_at": ts(v.created_at),
        "package_url": {"pipeline_url": v.package_url} if v.package_url else None,
        "code_source_url": v.code_source_url,
        "pipeline_spec": kp.wire_spec(v),
        "tags": v.tags or None,
    }
    return {key: value for key, value in out.items() if value not in (None, "")}


def one_pipeline_reply(session, p: KfpPipeline) -> dict:
    return pipeline_reply(p, namespaces_of(session, [p]))


# -- pipelines ---------------------------------------------------------------------------------


def pipeline_service_create_pipeline(body: dict):
    with caller_session() as (session, me):
        p = kp.create_pipeline(
            session,
            me,
            name=body.get("name"),
            display_name=body.get("display_name"),
            description=body.get("description"),
            namespace=opt(body.get("namespace")),
            tags=body.get("tags"),
        )
        return one_pipeline_reply(session, p), 200


def pipeline_service_create_pipeline_and_version(body: dict):
    with caller_session() as (session, me):
        p, _ = kp.create_pipeline_and_version(
            session, me, body.get("pipeline") or {}, body.get("pipeline_version") or {}
        )
        return one_pipeline_reply(session, p), 200


def pipeline_service_get_pipeline(pipeline_id: str):
    with caller_session() as (session, me):
        return one_pipeline_reply(session, kp.get_pipeline(session, me, pipeline_id)), 200


def pipeline_service_get_pipeline_by_name(name: str, namespace: str | None = None):
    with caller_session() as (session, me):
        p = kp.get_pipeline_by_name(session, me, name, opt(namespace))
        return one_pipeline_reply(session, p), 200


def pipeline_service_list_pipelines(
    namespace: str | None = None,
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
):
    with caller_session() as (session, me):
        rows, total, token = kp.list_pipelines(
            session,
            me,
            **list_query(filter, sort_by, page_token, page_size, namespace=namespace),
        )
        names = namespaces_of(session, rows)
        return list_reply("pipelines", [pipeline_reply(p, names) for p in rows], total, token), 200


def pipeline_service_update_pipeline(pipeline_id: str, body: dict):
    with caller_session() as (session, me):
        p = kp.update_pipeline(session, me, pipeline_id, body)
        return one_pipeline_reply(session, p), 200


def pipeline_service_delete_pipeline(pipeline_id: str, cascade: bool | None = None):
    with caller_session() as (session, me):
        kp.delete_pipeline(session, me, pipeline_id, cascade=bool(cascade))
    return {}, 200


# -- versions ----------------------------------------------------------------------------------


def pipeline_service_create_pipeline_version(pipeline_id: str, body: dict):
    with caller_session() as (session, me):
        return version_reply(kp.create_version(session, me, pipeline_id, body)), 200


def pipeline_service_get_pipeline_version(pipeline_id: str, pipeline_version_id: str):
    with caller_session() as (session, me):
        v = kp.get_version(session, me, pipeline_id, pipeline_version_id)
        return version_reply(v), 200


def pipeline_service_list_pipeline_versions(
    pipeline_id: str,
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
):
    with caller_session() as (session, me):
        rows, total, token = kp.list_versions(
            session,
            me,
            pipeline_id,
            **list_query(filter, sort_by, page_token, page_size),
        )
        return list_reply("pipeline_versions", [version_reply(v) for v in rows], total, token), 200


def pipeline_service_update_pipeline_version(
    pipeline_id: str, pipeline_version_id: str, body: dict
):
    with caller_session() as (session, me):
        v = kp.update_version(session, me, pipeline_id, pipeline_version_id, body)
        return version_reply(v), 200


def pipeline_service_delete_pipeline_version(pipeline_id: str, pipeline_version_id: str):
    with caller_session() as (session, me):
        kp.delete_version(session, me, pipeline_id, pipeline_version_id)
    return {}, 200
