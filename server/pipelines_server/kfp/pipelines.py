"""Kubeflow Pipelines pipelines and pipeline versions over the one domain.

A pipeline is a name (unique in its namespace, a project of the caller's organization), a
display name, a description and tags; each version holds one compiled KFP IR (the
`kfp.compiler.Compiler` output) and, when the package had one, its platform spec. Versions
come from an uploaded package (YAML, JSON, zip or tar.gz, read by `packages`) or from an
inline `pipeline_spec`; this server never downloads a `package_url`.

Upstream's rules kept here: `name` defaults to `display_name` and the other way round; a
duplicate name is a Conflict (ALREADY_EXISTS); deleting a pipeline that still has versions
without `cascade` is FAILED_PRECONDITION; tags are at most 20, keys and values at most 63
characters, keys non-empty and without '.', and `tags.<key>` is a filter key of the list.

Runs use `version_spec` (and `latest_version`) to find the IR they execute.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..shared import jsonsafe
from ..shared.errors import BadRequest, NotFound
from ..shared.principal import Principal
from ..store.models import KfpPipeline, KfpPipelineVersion, Project
from . import query as q
from .namespaces import (
    by_id,
    flush_unique,
    in_org,
    list_in_org,
    page_of,
    refuse_duplicate,
    resolve_namespace,
)
from .packages import Package, read_package

MAX_NAME = 200
MAX_TAGS = 20
MAX_TAG_CHARS = 63
MAX_URL = 2000
_TAG_KEY = re.compile(r"^[^.\"\\\x00]+$")

_P = KfpPipeline.__table__.c
_V = KfpPipelineVersion.__table__.c
_NAMESPACE = select(Project.name).where(Project.id == _P.project_id).scalar_subquery()
PIPELINE_FIELDS = {
    "pipeline_id": q.Field(_P.id),
    "name": q.Field(_P.name),
    "display_name": q.Field(_P.display_name),
    "description": q.Field(_P.description),
    "created_at": q.Field(_P.created_at, "timestamp"),
    "namespace": q.Field(_NAMESPACE),
}
VERSION_FIELDS = {
    "pipeline_version_id": q.Field(_V.id),
    "pipeline_id": q.Field(_V.pipeline_id),
    "name": q.Field(_V.name),
    "display_name": q.Field(_V.display_name),
    "description": q.Field(_V.description),
    "created_at": q.Field(_V.created_at, "timestamp"),
}


class FailedPrecondition(BadRequest):
    """Upstream's FAILED_PRECONDITION (HTTP 400, gRPC code 9)."""

    code = "failed_precondition"


# -- pure rules --------------------------------------------------------------------------------


def _text(value, what: str, limit: int | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"{what} must be a string")
    if "\x00" in value:
        raise BadRequest(f"{what} must not contain NUL characters")
    if limit is not None and len(value) > limit:
        raise BadRequest(f"{what} is longer than {limit} characters")
    return value


def names(name: str | None, display_name: str | None, what: str) -> tuple[str, str]:
    """(name, display_name): either defaults to the other; one of them is required."""
    n = _text(name, f"{what} name", MAX_NAME).strip()
    d = _text(display_name, f"{what} display_name", MAX_NAME).strip()
    if not n and not d:
        raise BadRequest(f"{what} name (or display_name) is required")
    return n or d, d or n


def check_tags(tags) -> dict[str, str]:
    """Upstream's tag constraints; keys also cannot hold quotes or backslashes here."""
    if tags is None:
        return {}
    if not isinstance(tags, dict):
        raise BadRequest("tags must be an object of string keys and string values")
    if len(tags) > MAX_TAGS:
        raise BadRequest(f"At most {MAX_TAGS} tags are allowed, got {len(tags)}")
    for key, value in tags.items():
        if not isinstance(key, str) or not key:
            raise BadRequest("Tag keys cannot be empty")
        if not _TAG_KEY.match(key):
            raise BadRequest(f"Tag key {key!r} cannot contain '.', quotes, backslashes or NUL")
        if not isinstance(value, str):
            raise BadRequest(f"Tag {key!r} must have a string value")
        if "\x00" in value:
            raise BadRequest(f"Tag {key!r} cannot contain NUL characters")
        if len(key) > MAX_TAG_CHARS or len(value) > MAX_TAG_CHARS:
            raise BadRequest(
                f"Tag {key!r}: keys and values are limited to {MAX_TAG_CHARS} characters"
            )
    return dict(tags)


def parse_tags(raw: str | None) -> dict[str, str]:
    """The upload endpoints' `tags` query parameter: a JSON-encoded map."""
    if not raw:
        return {}
    try:
        tags = jsonsafe.loads(raw)
    except ValueError:
        raise BadRequest("tags must be a JSON-encoded map of strings to strings") from None
    return check_tags(tags)


def check_ir_shape(spec, platform=None) -> tuple[dict, dict | None]:
    """(pipeline_spec, platform_spec) of an inline spec, which must look like a compiled KFP IR:
    objects with a root and components or pipelineInfo, plain JSON data. Whether the IR can
    run (it parses, every task resolves) is ir.why_unrunnable's question.

    Also accepts upstream's combined form {"pipeline_spec": ..., "platform_spec": ...} and a
    PipelineJob's {"pipelineSpec": ...}."""
    if not isinstance(spec, dict):
        raise BadRequest("pipeline_spec must be an object (a compiled KFP pipeline)")
    if isinstance(spec.get("pipeline_spec"), dict):
        platform = spec.get("platform_spec") if platform is None else platform
        spec = spec["pipeline_spec"]
    elif isinstance(spec.get("pipelineSpec"), dict):
        spec = spec["pipelineSpec"]
    missing = []
    if not isinstance(spec.get("root"), dict):
        missing.append("root")
    if not isinstance(spec.get("components"), dict) and not isinstance(
        spec.get("pipelineInfo"), dict
    ):
        missing.append("components or pipelineInfo")
    if missing:
        raise BadRequest(
            "pipeline_spec is not a compiled KFP pipeline (missing " + ", ".join(missing) + ")"
        )
    if platform is not None and not isinstance(platform, dict):
        raise BadRequest("platform_spec must be an object")
    try:
        json.dumps(spec)
        json.dumps(platform)
    except (TypeError, ValueError):
        raise BadRequest("pipeline_spec must be plain JSON data") from None
    return spec, platform


def name_from_filename(filename: str | None) -> str:
    """Upstream names an upload without `name` after its file, extension dropped."""
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    for suffix in (".tar.gz", ".tgz", ".yaml", ".yml", ".json", ".zip"):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return base


def tag_keys(filter_raw: str | None, sort_raw: str | None) -> set[str]:
    """The `tags.<key>` names a list query uses (unparseable input is left to query.py)."""
    keys = set()
    try:
        spec = jsonsafe.loads(filter_raw) if filter_raw else {}
    except ValueError:
        spec = {}
    predicates = spec.get("predicates") if isinstance(spec, dict) else None
    for predicate in predicates if isinstance(predicates, list) else []:
        key = predicate.get("key") if isinstance(predicate, dict) else None
        if isinstance(key, str) and key.startswith("tags."):
            keys.add(key)
    first = (sort_raw or "").split()
    if first and first[0].startswith("tags."):
        keys.add(first[0])
    return keys


def spec_of(version: KfpPipelineVersion) -> dict:
    return json.loads(version.pipeline_spec)


def platform_of(version: KfpPipelineVersion) -> dict | None:
    return json.loads(version.platform_spec) if version.platform_spec else None


def wire_spec(version: KfpPipelineVersion) -> dict:
    """What upstream returns as `pipeline_spec`: the IR, or, when there is a platform spec,
    {"pipeline_spec": IR, "platform_spec": ...}."""
    platform = platform_of(version)
    if platform is None:
        return spec_of(version)
    return {"pipeline_spec": spec_of(version), "platform_spec": platform}


# -- pipelines ---------------------------------------------------------------------------------


def create_pipeline(
    session: Session,
    principal: Principal,
    *,
    name: str | None,
    display_name: str | None = None,
    description: str | None = None,
    namespace: str | None = None,
    tags: dict | None = None,
) -> KfpPipeline:
    name, display = names(name, display_name, "Pipeline")
    description = _text(description, "Pipeline description")
    tags = check_tags(tags)
    project = resolve_namespace(session, principal, namespace, create=True)
    message = f"A pipeline named {name!r} already exists in namespace {project.name!r}"
    refuse_duplicate(
        session,
        KfpPipeline,
        message,
        KfpPipeline.project_id == project.id,
        KfpPipeline.name == name,
    )
    pipeline = KfpPipeline(
        id=str(uuid.uuid4()),
        org_id=principal.org_id,
        project_id=project.id,
        name=name,
        display_name=display,
        description=description,
        tags=tags,
    )
    session.add(pipeline)
    flush_unique(session, message)
    return pipeline


def get_pipeline(session: Session, principal: Principal, pipeline_id: str) -> KfpPipeline:
    return in_org(session, principal, KfpPipeline, pipeline_id, "Pipeline")


def get_pipeline_by_name(
    session: Session, principal: Principal, name: str, namespace: str | None
) -> KfpPipeline:
    project = resolve_namespace(session, principal, namespace)
    pipeline = None
    if "\x00" not in name:
        pipeline = session.scalars(
            select(KfpPipeline).where(
                KfpPipeline.project_id == project.id, KfpPipeline.name == name
            )
        ).first()
    if pipeline is None:
        raise NotFound(f"Pipeline named {name!r} not found in namespace {project.name!r}")
    return pipeline


def list_pipelines(
    session: Session, principal: Principal, **query
) -> tuple[list[KfpPipeline], int, str]:
    """Pipelines; `query` is list_in_org's keywords, whose filter and sort may name tags."""
    fields = dict(PIPELINE_FIELDS)
    for key in tag_keys(query.get("filter_raw"), query.get("sort_by")):
        tag = key[len("tags.") :]
        if not tag or not _TAG_KEY.match(tag) or len(tag) > MAX_TAG_CHARS:
            raise BadRequest(f"Invalid filter: {key!r} is not a tag key")
        fields[key] = q.Field(_P.tags[tag].as_string())
    return list_in_org(session, principal, KfpPipeline, fields, **query)


def delete_pipeline(
    session: Session, principal: Principal, pipeline_id: str, cascade: bool = False
) -> None:
    pipeline = get_pipeline(session, principal, pipeline_id)
    versions = list(
        session.scalars(
            select(KfpPipelineVersion).where(KfpPipelineVersion.pipeline_id == pipeline.id)
        )
    )
    if versions and not cascade:
        raise FailedPrecondition(
            f"Pipeline {pipeline_id!r} has {len(versions)} version(s): delete them first, "
            "or delete with cascade=true"
        )
    for version in versions:
        session.delete(version)
    session.flush()
    session.delete(pipeline)


def update_pipeline(
    session: Session, principal: Principal, pipeline_id: str, body: dict
) -> KfpPipeline:
    """PATCH: upstream's mutable fields, display_name and tags (replaced when given)."""
    pipeline = get_pipeline(session, principal, pipeline_id)
    if body.get("display_name"):
        pipeline.display_name = _text(body["display_name"], "Pipeline display_name", MAX_NAME)
    if "tags" in body and body["tags"] is not None:
        pipeline.tags = check_tags(body["tags"])
    return pipeline


# -- versions ----------------------------------------------------------------------------------


def _add_version(
    session: Session,
    pipeline: KfpPipeline,
    *,
    name: str | None,
    display_name: str | None,
    description: str | None,
    spec: dict,
    platform: dict | None,
    code_source_url: str | None = None,
    package_url: str | None = None,
    tags: dict | None = None,
) -> KfpPipelineVersion:
    name, display = names(name, display_name, "Pipeline version")
    description = _text(description, "Pipeline version description")
    code_source_url = _text(code_source_url, "code_source_url", MAX_URL)
    package_url = _text(package_url, "package_url.pipeline_url", MAX_URL)
    tags = check_tags(tags)
    message = f"Pipeline {pipeline.name!r} already has a version named {name!r}"
    refuse_duplicate(
        session,
        KfpPipelineVersion,
        message,
        KfpPipelineVersion.pipeline_id == pipeline.id,
        KfpPipelineVersion.name == name,
    )
    version = KfpPipelineVersion(
        id=str(uuid.uuid4()),
        pipeline_id=pipeline.id,
        name=name,
        display_name=display,
        description=description,
        pipeline_spec=json.dumps(spec, separators=(",", ":")),
        platform_spec=json.dumps(platform, separators=(",", ":")) if platform else None,
        code_source_url=code_source_url,
        package_url=package_url,
        tags=tags,
    )
    session.add(version)
    flush_unique(session, message)
    return version


def _inline_spec(body: dict) -> tuple[dict, dict | None, str]:
    """(spec, platform, package_url) of a version body: an inline `pipeline_spec`; a
    `package_url` alone is refused, since this server does not download packages."""
    url = body.get("package_url")
    pipeline_url = url.get("pipeline_url") if isinstance(url, dict) else None
    pipeline_url = _text(pipeline_url, "package_url.pipeline_url", MAX_URL)
    spec = body.get("pipeline_spec")
    if spec is None:
        if pipeline_url:
            raise BadRequest(
                f"Cannot create a pipeline version from package_url {pipeline_url!r}: this "
                "server does not download pipeline packages. Upload the package "
                "(POST /pipelines/upload_version) or send the compiled IR as pipeline_spec"
            )
        raise BadRequest(
            "A pipeline version needs its pipeline: pipeline_spec (the compiled IR) or an "
            "uploaded package (POST /pipelines/upload_version)"
        )
    ir, platform = check_ir_shape(spec, body.get("platform_spec"))
    return ir, platform, pipeline_url


def create_version(
    session: Session, principal: Principal, pipeline_id: str, body: dict
) -> KfpPipelineVersion:
    """POST /pipelines/{pipeline_id}/versions with an upstream PipelineVersion body."""
    pipeline = get_pipeline(session, principal, pipeline_id)
    ir, platform, url = _inline_spec(body)
    return _add_version(
        session,
        pipeline,
        name=body.get("name"),
        display_name=body.get("display_name"),
        description=body.get("description"),
        spec=ir,
        platform=platform,
        code_source_url=body.get("code_source_url"),
        package_url=url,
        tags=body.get("tags"),
    )


def create_pipeline_and_version(
    session: Session, principal: Principal, pipeline_body: dict, version_body: dict
) -> tuple[KfpPipeline, KfpPipelineVersion]:
    """POST /pipelines/create: both or neither (the caller's unit of work rolls back)."""
    ir, platform, url = _inline_spec(version_body or {})
    pipeline = create_pipeline(
        session,
        principal,
        name=pipeline_body.get("name"),
        display_name=pipeline_body.get("display_name"),
        description=pipeline_body.get("description"),
        namespace=pipeline_body.get("namespace") or None,
        tags=pipeline_body.get("tags"),
    )
    version = _add_version(
        session,
        pipeline,
        name=version_body.get("name") or pipeline.name,
        display_name=version_body.get("display_name") or pipeline.display_name,
        description=version_body.get("description") or pipeline.description,
        spec=ir,
        platform=platform,
        code_source_url=version_body.get("code_source_url"),
        package_url=url,
        tags=version_body.get("tags"),
    )
    return pipeline, version


def get_version(
    session: Session, principal: Principal, pipeline_id: str, pipeline_version_id: str
) -> KfpPipelineVersion:
    pipeline = get_pipeline(session, principal, pipeline_id)
    version = by_id(session, KfpPipelineVersion, pipeline_version_id)
    if version is None or version.pipeline_id != pipeline.id:
        raise NotFound(
            f"Pipeline version {pipeline_version_id!r} of pipeline {pipeline_id!r} not found"
        )
    return version


def latest_version(session: Session, principal: Principal, pipeline_id: str) -> KfpPipelineVersion:
    """The newest version of a pipeline (what upstream runs when only pipeline_id is given)."""
    pipeline = get_pipeline(session, principal, pipeline_id)
    version = session.scalars(
        select(KfpPipelineVersion)
        .where(KfpPipelineVersion.pipeline_id == pipeline.id)
        .order_by(KfpPipelineVersion.created_at.desc(), KfpPipelineVersion.id.desc())
        .limit(1)
    ).first()
    if version is None:
        raise NotFound(f"Pipeline {pipeline_id!r} has no versions")
    return version


def find_version(
    session: Session, principal: Principal, pipeline_version_id: str
) -> KfpPipelineVersion:
    """A version by its id alone, within the caller's organization."""
    version = by_id(session, KfpPipelineVersion, pipeline_version_id)
    if version is not None:
        pipeline = session.get(KfpPipeline, version.pipeline_id)
        if pipeline is not None and pipeline.org_id == principal.org_id:
            return version
    raise NotFound(f"Pipeline version {pipeline_version_id!r} not found")


def version_spec(
    session: Session,
    principal: Principal,
    pipeline_id: str | None,
    pipeline_version_id: str | None,
) -> tuple[KfpPipelineVersion, dict]:
    """The version a run refers to and its IR: both ids, the version id alone, or the
    pipeline id alone (its latest version). NotFound otherwise."""
    if pipeline_version_id and pipeline_id:
        version = get_version(session, principal, pipeline_id, pipeline_version_id)
    elif pipeline_version_id:
        version = find_version(session, principal, pipeline_version_id)
    elif pipeline_id:
        version = latest_version(session, principal, pipeline_id)
    else:
        raise BadRequest("A pipeline_id or a pipeline_version_id is required")
    return version, spec_of(version)


def list_versions(
    session: Session,
    principal: Principal,
    pipeline_id: str,
    *,
    filter_raw: str | None,
    sort_by: str | None,
    page_token: str | None,
    page_size: int | None,
) -> tuple[list[KfpPipelineVersion], int, str]:
    pipeline = get_pipeline(session, principal, pipeline_id)
    return page_of(
        session,
        KfpPipelineVersion,
        VERSION_FIELDS,
        [KfpPipelineVersion.pipeline_id == pipeline.id],
        filter_raw=filter_raw,
        sort_by=sort_by,
        page_token=page_token,
        page_size=page_size,
        scope="versions:" + pipeline.id,
    )


def delete_version(
    session: Session, principal: Principal, pipeline_id: str, pipeline_version_id: str
) -> None:
    session.delete(get_version(session, principal, pipeline_id, pipeline_version_id))


def update_version(
    session: Session, principal: Principal, pipeline_id: str, pipeline_version_id: str, body: dict
) -> KfpPipelineVersion:
    """PATCH: upstream's mutable fields, display_name and tags (replaced when given)."""
    version = get_version(session, principal, pipeline_id, pipeline_version_id)
    if body.get("display_name"):
        version.display_name = _text(
            body["display_name"], "Pipeline version display_name", MAX_NAME
        )
    if "tags" in body and body["tags"] is not None:
        version.tags = check_tags(body["tags"])
    return version


# -- uploads -----------------------------------------------------------------------------------


def _package(filename: str | None, data: bytes | None) -> Package:
    if data is None:
        raise BadRequest("The pipeline package is missing: send it as the 'uploadfile' part")
    return read_package(filename or "", data)


def upload_pipeline(
    session: Session,
    principal: Principal,
    *,
    filename: str | None,
    data: bytes | None,
    fields: dict,
) -> tuple[KfpPipeline, KfpPipelineVersion]:
    """POST /pipelines/upload: a new pipeline and its first version (named like it). `fields`:
    the upload's name, display_name, description, namespace, tags (a JSON map) and
    code_source_url, each optional."""
    package = _package(filename, data)
    tag_map = parse_tags(fields.get("tags"))
    display_name = fields.get("display_name")
    name = fields.get("name") or display_name or name_from_filename(filename) or package.name
    pipeline = create_pipeline(
        session,
        principal,
        name=name,
        display_name=display_name,
        description=fields.get("description"),
        namespace=fields.get("namespace"),
        tags=tag_map,
    )
    version = _add_version(
        session,
        pipeline,
        name=pipeline.name,
        display_name=pipeline.display_name,
        description=pipeline.description,
        spec=package.pipeline_spec,
        platform=package.platform_spec,
        code_source_url=fields.get("code_source_url"),
    )
    return pipeline, version


def upload_version(
    session: Session,
    principal: Principal,
    *,
    filename: str | None,
    data: bytes | None,
    fields: dict,
) -> KfpPipelineVersion:
    """POST /pipelines/upload_version?pipelineid=...: a new version of a pipeline. `fields`:
    the upload's pipeline_id (required), name, display_name, description, tags (a JSON map)
    and code_source_url."""
    pipeline_id = fields.get("pipeline_id")
    if not pipeline_id:
        raise BadRequest("The pipelineid query parameter is required")
    pipeline = get_pipeline(session, principal, pipeline_id)
    package = _package(filename, data)
    tag_map = parse_tags(fields.get("tags"))
    display_name = fields.get("display_name")
    return _add_version(
        session,
        pipeline,
        name=fields.get("name") or display_name or name_from_filename(filename) or package.name,
        display_name=display_name,
        description=fields.get("description"),
        spec=package.pipeline_spec,
        platform=package.platform_spec,
        code_source_url=fields.get("code_source_url"),
        tags=tag_map,
    )
