"""GET /workflows/{workflow_id} and its /schema."""

from ...domain import fields as fieldschema
from ...domain import workflows
from ...shared.timestamps import ts
from ...web.auth import caller_session


def get_workflow(workflow_id: int):
    with caller_session() as (session, me):
        wf = workflows.get_workflow(session, me, workflow_id)
        return {
            "id": wf.id,
            "name": wf.name,
            "description": wf.description,
            "status": wf.status,
            "project_id": wf.project_id,
            "created_at": ts(wf.created_at),
            "updated_at": ts(wf.updated_at),
        }, 200


def get_workflow_schema(workflow_id: int):
    with caller_session() as (session, me):
        wf = workflows.get_workflow(session, me, workflow_id)
        out = []
        for f in wf.fields:
            item = {k: f[k] for k in ("name", "title", "type", "required", "description")}
            if "options" in f:
                item["options"] = f["options"]
            if "max_rating" in f:
                item["max_rating"] = f["max_rating"]
            item["format_hint"] = fieldschema.format_hint(f)
            out.append(item)
        n_files = len(fieldschema.file_fields(wf.fields))
        return {
            "workflow_id": wf.id,
            "fields": out,
            "has_file_upload_fields": n_files > 0,
            "has_only_file_upload_fields": n_files > 0 and n_files == len(wf.fields),
        }, 200
