"""Contains all the data models used in inputs/outputs"""

from .activate_request import ActivateRequest
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_status import ApiKeyStatus
from .api_key_update import ApiKeyUpdate
from .edge import Edge
from .error import Error
from .expires_in_days_type_1 import ExpiresInDaysType1
from .expires_in_days_type_2_type_1 import ExpiresInDaysType2Type1
from .expires_in_days_type_3_type_1 import ExpiresInDaysType3Type1
from .field_type import FieldType
from .graph import Graph
from .health import Health
from .health_status import HealthStatus
from .input_field import InputField
from .key_owner_type_0 import KeyOwnerType0
from .me import Me
from .me_api_key import MeApiKey
from .node import Node
from .node_config import NodeConfig
from .node_kind import NodeKind
from .nullable_user_type_0 import NullableUserType0
from .organization import Organization
from .organization_page import OrganizationPage
from .page_meta import PageMeta
from .project import Project
from .project_create import ProjectCreate
from .project_page import ProjectPage
from .project_update import ProjectUpdate
from .role import Role
from .user import User
from .user_create import UserCreate
from .user_page import UserPage
from .user_update import UserUpdate
from .validation_issue import ValidationIssue
from .workflow import Workflow
from .workflow_create import WorkflowCreate
from .workflow_page import WorkflowPage
from .workflow_status import WorkflowStatus
from .workflow_update import WorkflowUpdate

__all__ = (
    "ActivateRequest",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyStatus",
    "ApiKeyUpdate",
    "Edge",
    "Error",
    "ExpiresInDaysType1",
    "ExpiresInDaysType2Type1",
    "ExpiresInDaysType3Type1",
    "FieldType",
    "Graph",
    "Health",
    "HealthStatus",
    "InputField",
    "KeyOwnerType0",
    "Me",
    "MeApiKey",
    "Node",
    "NodeConfig",
    "NodeKind",
    "NullableUserType0",
    "Organization",
    "OrganizationPage",
    "PageMeta",
    "Project",
    "ProjectCreate",
    "ProjectPage",
    "ProjectUpdate",
    "Role",
    "User",
    "UserCreate",
    "UserPage",
    "UserUpdate",
    "ValidationIssue",
    "Workflow",
    "WorkflowCreate",
    "WorkflowPage",
    "WorkflowStatus",
    "WorkflowUpdate",
)
