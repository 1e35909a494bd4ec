"""Contains all the data models used in inputs/outputs"""

from .create_tasks_request import CreateTasksRequest
from .create_tasks_response import CreateTasksResponse
from .error import Error
from .error_error import ErrorError
from .field_type import FieldType
from .health_check import HealthCheck
from .health_check_status import HealthCheckStatus
from .health_checks import HealthChecks
from .health_response import HealthResponse
from .health_response_status import HealthResponseStatus
from .node_summary import NodeSummary
from .row_error import RowError
from .schema_field import SchemaField
from .task_input import TaskInput
from .task_input_fields import TaskInputFields
from .task_list_response import TaskListResponse
from .task_status import TaskStatus
from .task_status_response import TaskStatusResponse
from .upload_confirm_response import UploadConfirmResponse
from .upload_init_request import UploadInitRequest
from .upload_init_response import UploadInitResponse
from .upload_status import UploadStatus
from .upload_status_response import UploadStatusResponse
from .workflow_response import WorkflowResponse
from .workflow_schema_response import WorkflowSchemaResponse
from .workflow_status import WorkflowStatus

__all__ = (
    "CreateTasksRequest",
    "CreateTasksResponse",
    "Error",
    "ErrorError",
    "FieldType",
    "HealthCheck",
    "HealthCheckStatus",
    "HealthChecks",
    "HealthResponse",
    "HealthResponseStatus",
    "NodeSummary",
    "RowError",
    "SchemaField",
    "TaskInput",
    "TaskInputFields",
    "TaskListResponse",
    "TaskStatus",
    "TaskStatusResponse",
    "UploadConfirmResponse",
    "UploadInitRequest",
    "UploadInitResponse",
    "UploadStatus",
    "UploadStatusResponse",
    "WorkflowResponse",
    "WorkflowSchemaResponse",
    "WorkflowStatus",
)
