"""Contains all the data models used in inputs/outputs"""

from .activate_request import ActivateRequest
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_status import ApiKeyStatus
from .api_key_update import ApiKeyUpdate
from .code_node import CodeNode
from .code_node_config import CodeNodeConfig
from .code_node_config_input_type import CodeNodeConfigInputType
from .code_node_config_output_type import CodeNodeConfigOutputType
from .code_node_kind import CodeNodeKind
from .credential import Credential
from .credential_create import CredentialCreate
from .credential_page import CredentialPage
from .credential_update import CredentialUpdate
from .edge import Edge
from .end_node import EndNode
from .end_node_config import EndNodeConfig
from .end_node_kind import EndNodeKind
from .error import Error
from .evaluation_node import EvaluationNode
from .evaluation_node_config import EvaluationNodeConfig
from .evaluation_node_config_checks_item import EvaluationNodeConfigChecksItem
from .evaluation_node_config_checks_item_schema import (
    EvaluationNodeConfigChecksItemSchema,
)
from .evaluation_node_config_checks_item_type import EvaluationNodeConfigChecksItemType
from .evaluation_node_config_on_failure import EvaluationNodeConfigOnFailure
from .evaluation_node_kind import EvaluationNodeKind
from .expires_in_days_type_1 import ExpiresInDaysType1
from .expires_in_days_type_2_type_1 import ExpiresInDaysType2Type1
from .expires_in_days_type_3_type_1 import ExpiresInDaysType3Type1
from .field_type import FieldType
from .gate_condition import GateCondition
from .gate_condition_all_item import GateConditionAllItem
from .gate_condition_any_item import GateConditionAnyItem
from .gate_condition_not import GateConditionNot
from .gate_condition_op import GateConditionOp
from .graph import Graph
from .health import Health
from .health_status import HealthStatus
from .http_node import HttpNode
from .http_node_config import HttpNodeConfig
from .http_node_config_headers import HttpNodeConfigHeaders
from .http_node_config_method import HttpNodeConfigMethod
from .http_node_kind import HttpNodeKind
from .input_field import InputField
from .key_owner_type_0 import KeyOwnerType0
from .llm_node import LlmNode
from .llm_node_config import LlmNodeConfig
from .llm_node_config_response_format import LlmNodeConfigResponseFormat
from .llm_node_kind import LlmNodeKind
from .logic_gate_node import LogicGateNode
from .logic_gate_node_config import LogicGateNodeConfig
from .logic_gate_node_config_routes_item import LogicGateNodeConfigRoutesItem
from .logic_gate_node_kind import LogicGateNodeKind
from .loop_node import LoopNode
from .loop_node_config import LoopNodeConfig
from .loop_node_kind import LoopNodeKind
from .me import Me
from .me_api_key import MeApiKey
from .merge_node import MergeNode
from .merge_node_config import MergeNodeConfig
from .merge_node_kind import MergeNodeKind
from .my_work_item import MyWorkItem
from .my_work_item_kind import MyWorkItemKind
from .my_work_item_status import MyWorkItemStatus
from .my_work_kind import MyWorkKind
from .my_work_page import MyWorkPage
from .node_status import NodeStatus
from .node_summary import NodeSummary
from .node_work import NodeWork
from .node_work_kind import NodeWorkKind
from .node_work_task_fields import NodeWorkTaskFields
from .node_work_values import NodeWorkValues
from .nullable_user_type_0 import NullableUserType0
from .organization import Organization
from .organization_page import OrganizationPage
from .page_meta import PageMeta
from .port_type import PortType
from .project import Project
from .project_create import ProjectCreate
from .project_my_work_kind import ProjectMyWorkKind
from .project_page import ProjectPage
from .project_update import ProjectUpdate
from .review_node import ReviewNode
from .review_node_config import ReviewNodeConfig
from .review_node_config_on_exhausted import ReviewNodeConfigOnExhausted
from .review_node_config_on_reject import ReviewNodeConfigOnReject
from .review_node_kind import ReviewNodeKind
from .review_submission import ReviewSubmission
from .review_submission_decision import ReviewSubmissionDecision
from .reviewed_subtask_type_0 import ReviewedSubtaskType0
from .role import Role
from .server_sent_event import ServerSentEvent
from .start_node import StartNode
from .start_node_config import StartNodeConfig
from .start_node_kind import StartNodeKind
from .subtask_node import SubtaskNode
from .subtask_node_config import SubtaskNodeConfig
from .subtask_node_config_fields_item import SubtaskNodeConfigFieldsItem
from .subtask_node_config_fields_item_source import SubtaskNodeConfigFieldsItemSource
from .subtask_node_config_fields_item_type import SubtaskNodeConfigFieldsItemType
from .subtask_node_kind import SubtaskNodeKind
from .subtask_submission import SubtaskSubmission
from .subtask_submission_values import SubtaskSubmissionValues
from .task_detail import TaskDetail
from .task_detail_fields import TaskDetailFields
from .task_node import TaskNode
from .task_status import TaskStatus
from .timeline_event import TimelineEvent
from .timeline_event_data import TimelineEventData
from .timeline_page import TimelinePage
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
    "CodeNode",
    "CodeNodeConfig",
    "CodeNodeConfigInputType",
    "CodeNodeConfigOutputType",
    "CodeNodeKind",
    "Credential",
    "CredentialCreate",
    "CredentialPage",
    "CredentialUpdate",
    "Edge",
    "EndNode",
    "EndNodeConfig",
    "EndNodeKind",
    "Error",
    "EvaluationNode",
    "EvaluationNodeConfig",
    "EvaluationNodeConfigChecksItem",
    "EvaluationNodeConfigChecksItemSchema",
    "EvaluationNodeConfigChecksItemType",
    "EvaluationNodeConfigOnFailure",
    "EvaluationNodeKind",
    "ExpiresInDaysType1",
    "ExpiresInDaysType2Type1",
    "ExpiresInDaysType3Type1",
    "FieldType",
    "GateCondition",
    "GateConditionAllItem",
    "GateConditionAnyItem",
    "GateConditionNot",
    "GateConditionOp",
    "Graph",
    "Health",
    "HealthStatus",
    "HttpNode",
    "HttpNodeConfig",
    "HttpNodeConfigHeaders",
    "HttpNodeConfigMethod",
    "HttpNodeKind",
    "InputField",
    "KeyOwnerType0",
    "LlmNode",
    "LlmNodeConfig",
    "LlmNodeConfigResponseFormat",
    "LlmNodeKind",
    "LogicGateNode",
    "LogicGateNodeConfig",
    "LogicGateNodeConfigRoutesItem",
    "LogicGateNodeKind",
    "LoopNode",
    "LoopNodeConfig",
    "LoopNodeKind",
    "Me",
    "MeApiKey",
    "MergeNode",
    "MergeNodeConfig",
    "MergeNodeKind",
    "MyWorkItem",
    "MyWorkItemKind",
    "MyWorkItemStatus",
    "MyWorkKind",
    "MyWorkPage",
    "NodeStatus",
    "NodeSummary",
    "NodeWork",
    "NodeWorkKind",
    "NodeWorkTaskFields",
    "NodeWorkValues",
    "NullableUserType0",
    "Organization",
    "OrganizationPage",
    "PageMeta",
    "PortType",
    "Project",
    "ProjectCreate",
    "ProjectMyWorkKind",
    "ProjectPage",
    "ProjectUpdate",
    "ReviewNode",
    "ReviewNodeConfig",
    "ReviewNodeConfigOnExhausted",
    "ReviewNodeConfigOnReject",
    "ReviewNodeKind",
    "ReviewSubmission",
    "ReviewSubmissionDecision",
    "ReviewedSubtaskType0",
    "Role",
    "ServerSentEvent",
    "StartNode",
    "StartNodeConfig",
    "StartNodeKind",
    "SubtaskNode",
    "SubtaskNodeConfig",
    "SubtaskNodeConfigFieldsItem",
    "SubtaskNodeConfigFieldsItemSource",
    "SubtaskNodeConfigFieldsItemType",
    "SubtaskNodeKind",
    "SubtaskSubmission",
    "SubtaskSubmissionValues",
    "TaskDetail",
    "TaskDetailFields",
    "TaskNode",
    "TaskStatus",
    "TimelineEvent",
    "TimelineEventData",
    "TimelinePage",
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
