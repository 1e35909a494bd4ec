"""KFP v2beta1 pipelines, pipeline versions and package uploads: parse (empty query
parameters count as absent), call the domain, shape upstream's JSON (snake_case, unset
fields omitted, RFC 3339)."""

from __future__ import annotations

from ...domain import kfp
from ...domain import kfp_pipelines as kp
from ...domain.kfp_packages import MAX_SPEC_BYTES
from ...runtime import current
from ...store.models import KfpPipeline, KfpPipelineVersion
from ...web.auth import principal
from ..serialize import ts
from .wire import list_reply, opt


def _pipeline(p: KfpPipeline, namespaces: dict[int, str]) -> dict:
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


def _version(v: KfpPipelineVersion) -> dict:
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


def _one(session, p: KfpPipeline) -> dict:
    return _pipeline(p, kfp.namespaces_of(session, [p]))


# -- pipelines ---------------------------------------------------------------------------------


def pipeline_service_create_pipeline(body: dict):
    with current().db.session() as session:
        p = kp.create_pipeline(
            session,
            principal(),
            name=body.get("name"),
            display_name=body.get("display_name"),
            description=body.get("description"),
            namespace=opt(body.get("namespace")),
            tags=body.get("tags"),
        )
        return _one(session, p), 200


def pipeline_service_create_pipeline_and_version(body: dict):
    with current().db.session() as session:
        p, _ = kp.create_pipeline_and_version(
            session, principal(), body.get("pipeline") or {}, body.get("pipeline_version") or {}
        )
        return _one(session, p), 200


def pipeline_service_get_pipeline(pipeline_id: str):
    with current().db.session() as session:
        return _one(session, kp.get_pipeline(session, principal(), pipeline_id)), 200


def pipeline_service_get_pipeline_by_name(name: str, namespace: str | None = None):
    with current().db.session() as session:
        p = kp.get_pipeline_by_name(session, principal(), name, opt(namespace))
        return _one(session, p), 200


def pipeline_service_list_pipelines(
    namespace: str | None = None,
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
):
    with current().db.session() as session:
        rows, total, token = kp.list_pipelines(
            session,
            principal(),
            namespace=opt(namespace),
            filter_raw=opt(filter),
            sort_by=opt(sort_by),
            page_token=opt(page_token),
            page_size=page_size,
        )
        names = kfp.namespaces_of(session, rows)
        return list_reply("pipelines", [_pipeline(p, names) for p in rows], total, token), 200


def pipeline_service_update_pipeline(pipeline_id: str, body: dict):
    with current().db.session() as session:
        p = kp.update_pipeline(session, principal(), pipeline_id, body)
        return _one(session, p), 200


def pipeline_service_delete_pipeline(pipeline_id: str, cascade: bool | None = None):
    with current().db.session() as session:
        kp.delete_pipeline(session, principal(), pipeline_id, cascade=bool(cascade))
    return {}, 200


# -- versions ----------------------------------------------------------------------------------


def pipeline_service_create_pipeline_version(pipeline_id: str, body: dict):
    with current().db.session() as session:
        return _version(kp.create_version(session, principal(), pipeline_id, body)), 200


def pipeline_service_get_pipeline_version(pipeline_id: str, pipeline_version_id: str):
    with current().db.session() as session:
        v = kp.get_version(session, principal(), pipeline_id, pipeline_version_id)
        return _version(v), 200


def pipeline_service_list_pipeline_versions(
    pipeline_id: str,
    page_token: str | None = None,
    page_size: int | None = None,
    sort_by: str | None = None,
    filter: str | None = None,  # noqa: A002 - upstream's parameter name
):
    with current().db.session() as session:
        rows, total, token = kp.list_versions(
            session,
            principal(),
            pipeline_id,
            filter_raw=opt(filter),
            sort_by=opt(sort_by),
            page_token=opt(page_token),
            page_size=page_size,
        )
        return list_reply("pipeline_versions", [_version(v) for v in rows], total, token), 200


def pipeline_service_update_pipeline_version(
    pipeline_id: str, pipeline_version_id: str, body: dict
):
    with current().db.session() as session:
        v = kp.update_version(session, principal(), pipeline_id, pipeline_version_id, body)
        return _version(v), 200


def pipeline_service_delete_pipeline_version(pipeline_id: str, pipeline_version_id: str):
    with current().db.session() as session:
        kp.delete_version(session, principal(), pipeline_id, pipeline_version_id)
    return {}, 200


# -- uploads -----------------------------------------------------------------------------------


def _read(uploadfile) -> tuple[str | None, bytes | None]:
    """(filename, content) of the `uploadfile` part; the body cap bounds it already."""
    if uploadfile is None or not hasattr(uploadfile, "read"):
        return None, None
    return getattr(uploadfile, "filename", None), uploadfile.read(MAX_SPEC_BYTES + 1)


def pipeline_upload_service_upload_pipeline(
    uploadfile=None,
    name: str | None = None,
    display_name: str | None = None,
    description: str | None = None,
    namespace: str | None = None,
    tags: str | None = None,
    code_source_url: str | None = None,
):
    filename, data = _read(uploadfile)
    with current().db.session() as session:
        p, _ = kp.upload_pipeline(
            session,
            principal(),
            filename=filename,
            data=data,
            name=opt(name),
            display_name=opt(display_name),
            description=opt(description),
            namespace=opt(namespace),
            tags=opt(tags),
            code_source_url=opt(code_source_url),
        )
        return _one(session, p), 200


def pipeline_upload_service_upload_pipeline_version(
    uploadfile=None,
    name: str | None = None,
    display_name: str | None = None,
    pipelineid: str | None = None,
    description: str | None = None,
    tags: str | None = None,
    code_source_url: str | None = None,
):
    filename, data = _read(uploadfile)
    with current().db.session() as session:
        v = kp.upload_version(
            session,
            principal(),
            pipeline_id=opt(pipelineid),
            filename=filename,
            data=data,
            name=opt(name),
            display_name=opt(display_name),
            description=opt(description),
            tags=opt(tags),
            code_source_url=opt(code_source_url),
        )
        return _version(v), 200
