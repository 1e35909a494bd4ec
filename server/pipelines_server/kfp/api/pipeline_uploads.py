"""KFP v2beta1 PipelineUploadService handlers: a pipeline package as a multipart upload (a
new pipeline, or a new version of one); errors in upstream's upload shape (see errors.py)."""

from __future__ import annotations

from ...web.auth import caller_session
from .. import pipelines as kp
from ..packages import MAX_SPEC_BYTES
from .pipelines import one_pipeline_reply, version_reply
from .wire import opts


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
    with caller_session() as (session, me):
        p, _ = kp.upload_pipeline(
            session,
            me,
            filename=filename,
            data=data,
            fields=opts(
                name=name,
                display_name=display_name,
                description=description,
                namespace=namespace,
                tags=tags,
                code_source_url=code_source_url,
            ),
        )
        return one_pipeline_reply(session, p), 200


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
    with caller_session() as (session, me):
        v = kp.upload_version(
            session,
            me,
            filename=filename,
            data=data,
            fields=opts(
                pipeline_id=pipelineid,
                name=name,
                display_name=display_name,
                description=description,
                tags=tags,
                code_source_url=code_source_url,
            ),
        )
        return version_reply(v), 200
