"""Contains all the data models used in inputs/outputs"""

from .activate_request import ActivateRequest
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_status import ApiKeyStatus
from .api_key_update import ApiKeyUpdate
from .chart_field import ChartField
from .chart_field_values import ChartFieldValues
from .chart_field_values_items_item import ChartFieldValuesItemsItem
from .chart_fields import ChartFields
from .chart_query import ChartQuery
from .chart_query_filters_item import ChartQueryFiltersItem
from .chart_query_filters_item_op import ChartQueryFiltersItemOp
from .chart_query_metrics_item import ChartQueryMetricsItem
from .chart_query_metrics_item_agg import ChartQueryMetricsItemAgg
from .chart_query_order_by import ChartQueryOrderBy
from .chart_query_order_by_direction import ChartQueryOrderByDirection
from .chart_query_result import ChartQueryResult
from .chart_query_result_rows_item import ChartQueryResultRowsItem
from .cli_login_decision import CliLoginDecision
from .cli_login_poll import CliLoginPoll
from .cli_login_poll_state import CliLoginPollState
from .cli_login_request import CliLoginRequest
from .cli_login_request_state import CliLoginRequestState
from .cli_login_session import CliLoginSession
from .cli_login_start import CliLoginStart
from .code_node import CodeNode
from .code_node_config import CodeNodeConfig
from .code_node_config_input_type import CodeNodeConfigInputType
from .code_node_config_output_type import CodeNodeConfigOutputType
from .code_node_kind import CodeNodeKind
from .config_overrides import ConfigOverrides
from .config_overrides_evaluations_item import ConfigOverridesEvaluationsItem
from .config_overrides_models_item import ConfigOverridesModelsItem
from .config_overrides_prompts_item import ConfigOverridesPromptsItem
from .configurable_field import ConfigurableField
from .configurable_field_current import ConfigurableFieldCurrent
from .configurable_field_field_id import ConfigurableFieldFieldId
from .configurable_field_override import ConfigurableFieldOverride
from .configurable_fields import ConfigurableFields
from .configurable_node import ConfigurableNode
from .configurable_node_kind import ConfigurableNodeKind
from .correction_inline_edit import CorrectionInlineEdit
from .correction_resolution import CorrectionResolution
from .correction_resolution_action import CorrectionResolutionAction
from .correction_review_decision import CorrectionReviewDecision
from .correction_review_decision_decision import CorrectionReviewDecisionDecision
from .correction_values import CorrectionValues
from .correction_values_values import CorrectionValuesValues
from .credential import Credential
from .credential_create import CredentialCreate
from .credential_page import CredentialPage
from .credential_update import CredentialUpdate
from .criterion import Criterion
from .criterion_config import CriterionConfig
from .criterion_config_mode import CriterionConfigMode
from .criterion_config_schema import CriterionConfigSchema
from .criterion_config_subtype import CriterionConfigSubtype
from .criterion_create import CriterionCreate
from .criterion_create_output_schema import CriterionCreateOutputSchema
from .criterion_create_scope_type import CriterionCreateScopeType
from .criterion_create_type import CriterionCreateType
from .criterion_output_schema_type_0 import CriterionOutputSchemaType0
from .criterion_page import CriterionPage
from .criterion_type import CriterionType
from .criterion_update import CriterionUpdate
from .criterion_update_output_schema import CriterionUpdateOutputSchema
from .criterion_update_scope_type import CriterionUpdateScopeType
from .criterion_update_type import CriterionUpdateType
from .dataset import Dataset
from .dataset_analytics import DatasetAnalytics
from .dataset_column import DatasetColumn
from .dataset_column_analytics import DatasetColumnAnalytics
from .dataset_column_analytics_numeric_type_0 import DatasetColumnAnalyticsNumericType0
from .dataset_column_analytics_text_length_type_0 import (
    DatasetColumnAnalyticsTextLengthType0,
)
from .dataset_column_analytics_top_values_item import (
    DatasetColumnAnalyticsTopValuesItem,
)
from .dataset_column_analytics_type_counts import DatasetColumnAnalyticsTypeCounts
from .dataset_column_type import DatasetColumnType
from .dataset_column_type_counts import DatasetColumnTypeCounts
from .dataset_content_page import DatasetContentPage
from .dataset_content_page_items_item import DatasetContentPageItemsItem
from .dataset_content_page_items_item_data import DatasetContentPageItemsItemData
from .dataset_eval_config import DatasetEvalConfig
from .dataset_eval_config_evaluations_item import DatasetEvalConfigEvaluationsItem
from .dataset_eval_config_suggested_mapping import DatasetEvalConfigSuggestedMapping
from .dataset_eval_preview import DatasetEvalPreview
from .dataset_eval_preview_column_mapping import DatasetEvalPreviewColumnMapping
from .dataset_eval_request import DatasetEvalRequest
from .dataset_eval_request_column_mapping import DatasetEvalRequestColumnMapping
from .dataset_eval_row_result import DatasetEvalRowResult
from .dataset_eval_row_result_criteria_item import DatasetEvalRowResultCriteriaItem
from .dataset_eval_row_result_data import DatasetEvalRowResultData
from .dataset_eval_run import DatasetEvalRun
from .dataset_eval_run_column_mapping import DatasetEvalRunColumnMapping
from .dataset_eval_summary import DatasetEvalSummary
from .dataset_eval_summary_criteria_item import DatasetEvalSummaryCriteriaItem
from .dataset_file_upload import DatasetFileUpload
from .dataset_import_form import DatasetImportForm
from .dataset_import_job import DatasetImportJob
from .dataset_import_preview import DatasetImportPreview
from .dataset_import_preview_format import DatasetImportPreviewFormat
from .dataset_import_preview_rows_item import DatasetImportPreviewRowsItem
from .dataset_import_started import DatasetImportStarted
from .dataset_import_started_format import DatasetImportStartedFormat
from .dataset_job_view import DatasetJobView
from .dataset_job_view_result import DatasetJobViewResult
from .dataset_job_view_status import DatasetJobViewStatus
from .dataset_line_error import DatasetLineError
from .dataset_page import DatasetPage
from .dataset_source_format import DatasetSourceFormat
from .dataset_status import DatasetStatus
from .edge import Edge
from .end_node import EndNode
from .end_node_config import EndNodeConfig
from .end_node_kind import EndNodeKind
from .error import Error
from .evaluation import Evaluation
from .evaluation_create import EvaluationCreate
from .evaluation_create_scope_type import EvaluationCreateScopeType
from .evaluation_criterion_ref import EvaluationCriterionRef
from .evaluation_node import EvaluationNode
from .evaluation_node_config import EvaluationNodeConfig
from .evaluation_node_config_checks_item import EvaluationNodeConfigChecksItem
from .evaluation_node_config_checks_item_schema import (
    EvaluationNodeConfigChecksItemSchema,
)
from .evaluation_node_config_checks_item_type import EvaluationNodeConfigChecksItemType
from .evaluation_node_config_on_failure import EvaluationNodeConfigOnFailure
from .evaluation_node_kind import EvaluationNodeKind
from .evaluation_page import EvaluationPage
from .evaluation_ref import EvaluationRef
from .evaluation_score import EvaluationScore
from .evaluation_score_criteria_item import EvaluationScoreCriteriaItem
from .evaluation_score_request import EvaluationScoreRequest
from .evaluation_score_request_variables import EvaluationScoreRequestVariables
from .evaluation_update import EvaluationUpdate
from .evaluation_update_scope_type import EvaluationUpdateScopeType
from .experiment import Experiment
from .experiment_create import ExperimentCreate
from .experiment_create_tasks_item import ExperimentCreateTasksItem
from .experiment_create_tasks_item_fields import ExperimentCreateTasksItemFields
from .experiment_create_variants_item import ExperimentCreateVariantsItem
from .experiment_job_status import ExperimentJobStatus
from .experiment_kind import ExperimentKind
from .experiment_result import ExperimentResult
from .experiment_status import ExperimentStatus
from .experiment_variant import ExperimentVariant
from .experiment_variant_config_overrides import ExperimentVariantConfigOverrides
from .experiment_variant_status import ExperimentVariantStatus
from .expires_in_days_type_1 import ExpiresInDaysType1
from .expires_in_days_type_2_type_1 import ExpiresInDaysType2Type1
from .expires_in_days_type_3_type_1 import ExpiresInDaysType3Type1
from .export_dataset_format import ExportDatasetFormat
from .field_mapping import FieldMapping
from .field_type import FieldType
from .gate_condition import GateCondition
from .gate_condition_all_item import GateConditionAllItem
from .gate_condition_any_item import GateConditionAnyItem
from .gate_condition_not import GateConditionNot
from .gate_condition_op import GateConditionOp
from .graph import Graph
from .health import Health
from .health_check import HealthCheck
from .health_check_status import HealthCheckStatus
from .health_checks import HealthChecks
from .health_status import HealthStatus
from .http_node import HttpNode
from .http_node_config import HttpNodeConfig
from .http_node_config_headers import HttpNodeConfigHeaders
from .http_node_config_method import HttpNodeConfigMethod
from .http_node_kind import HttpNodeKind
from .input_field import InputField
from .key_owner_type_0 import KeyOwnerType0
from .library_item_meta import LibraryItemMeta
from .library_item_meta_scope_type import LibraryItemMetaScopeType
from .linked_node_view import LinkedNodeView
from .linked_node_view_task_fields import LinkedNodeViewTaskFields
from .llm_analytics import LlmAnalytics
from .llm_analytics_by_model_item import LlmAnalyticsByModelItem
from .llm_analytics_by_node_item import LlmAnalyticsByNodeItem
from .llm_analytics_by_node_model_item import LlmAnalyticsByNodeModelItem
from .llm_analytics_totals import LlmAnalyticsTotals
from .llm_node import LlmNode
from .llm_node_config import LlmNodeConfig
from .llm_node_config_response_format import LlmNodeConfigResponseFormat
from .llm_node_kind import LlmNodeKind
from .llm_usage import LlmUsage
from .logic_gate_node import LogicGateNode
from .logic_gate_node_config import LogicGateNodeConfig
from .logic_gate_node_config_routes_item import LogicGateNodeConfigRoutesItem
from .logic_gate_node_kind import LogicGateNodeKind
from .loop_node import LoopNode
from .loop_node_config import LoopNodeConfig
from .loop_node_kind import LoopNodeKind
from .me import Me
from .me_api_key import MeApiKey
from .me_role_type_1 import MeRoleType1
from .me_role_type_2_type_1 import MeRoleType2Type1
from .me_role_type_3_type_1 import MeRoleType3Type1
from .merge_node import MergeNode
from .merge_node_config import MergeNodeConfig
from .merge_node_kind import MergeNodeKind
from .model import Model
from .model_page import ModelPage
from .model_provider import ModelProvider
from .my_submission import MySubmission
from .my_submission_kind import MySubmissionKind
from .my_submission_page import MySubmissionPage
from .my_submissions_kind import MySubmissionsKind
from .my_work_item import MyWorkItem
from .my_work_item_kind import MyWorkItemKind
from .my_work_item_status import MyWorkItemStatus
from .my_work_kind import MyWorkKind
from .my_work_page import MyWorkPage
from .node_history_event import NodeHistoryEvent
from .node_history_event_data import NodeHistoryEventData
from .node_history_event_submission_type_0 import NodeHistoryEventSubmissionType0
from .node_history_page import NodeHistoryPage
from .node_status import NodeStatus
from .node_submission_entry import NodeSubmissionEntry
from .node_summary import NodeSummary
from .node_with_linked import NodeWithLinked
from .node_work import NodeWork
from .node_work_kind import NodeWorkKind
from .node_work_task_fields import NodeWorkTaskFields
from .node_work_values import NodeWorkValues
from .notification import Notification
from .notification_count import NotificationCount
from .notification_data import NotificationData
from .notification_mark_read import NotificationMarkRead
from .notification_mark_read_result import NotificationMarkReadResult
from .notification_page import NotificationPage
from .notification_type import NotificationType
from .nullable_user_type_0 import NullableUserType0
from .org_my_submissions_kind import OrgMySubmissionsKind
from .org_my_work_kind import OrgMyWorkKind
from .organization import Organization
from .organization_page import OrganizationPage
from .page_meta import PageMeta
from .port_type import PortType
from .project import Project
from .project_create import ProjectCreate
from .project_file import ProjectFile
from .project_file_confirm import ProjectFileConfirm
from .project_file_download_url import ProjectFileDownloadUrl
from .project_file_gc import ProjectFileGc
from .project_file_gc_status import ProjectFileGcStatus
from .project_file_page import ProjectFilePage
from .project_file_status import ProjectFileStatus
from .project_file_upload_request import ProjectFileUploadRequest
from .project_file_upload_url import ProjectFileUploadUrl
from .project_file_upload_url_headers import ProjectFileUploadUrlHeaders
from .project_file_upload_url_method import ProjectFileUploadUrlMethod
from .project_instruction import ProjectInstruction
from .project_instruction_create import ProjectInstructionCreate
from .project_instruction_page import ProjectInstructionPage
from .project_instruction_update import ProjectInstructionUpdate
from .project_my_submissions_kind import ProjectMySubmissionsKind
from .project_my_work_kind import ProjectMyWorkKind
from .project_page import ProjectPage
from .project_update import ProjectUpdate
from .prompt import Prompt
from .prompt_create import PromptCreate
from .prompt_create_role import PromptCreateRole
from .prompt_create_scope_type import PromptCreateScopeType
from .prompt_page import PromptPage
from .prompt_placeholder import PromptPlaceholder
from .prompt_ref import PromptRef
from .prompt_role import PromptRole
from .prompt_update import PromptUpdate
from .prompt_update_role import PromptUpdateRole
from .prompt_update_scope_type import PromptUpdateScopeType
from .review_node import ReviewNode
from .review_node_config import ReviewNodeConfig
from .review_node_config_on_exhausted import ReviewNodeConfigOnExhausted
from .review_node_config_on_reject import ReviewNodeConfigOnReject
from .review_node_kind import ReviewNodeKind
from .review_submission import ReviewSubmission
from .review_submission_decision import ReviewSubmissionDecision
from .review_verdict import ReviewVerdict
from .reviewed_subtask_type_0 import ReviewedSubtaskType0
from .role import Role
from .seed_from_dataset import SeedFromDataset
from .seed_from_dataset_column_mapping import SeedFromDatasetColumnMapping
from .seed_job import SeedJob
from .seed_row_error import SeedRowError
from .seed_row_error_errors_item import SeedRowErrorErrorsItem
from .select_option import SelectOption
from .select_options import SelectOptions
from .server_sent_event import ServerSentEvent
from .start_node import StartNode
from .start_node_config import StartNodeConfig
from .start_node_kind import StartNodeKind
from .submission_review_type_0 import SubmissionReviewType0
from .submission_review_type_0_status import SubmissionReviewType0Status
from .submission_via import SubmissionVia
from .submission_view import SubmissionView
from .submission_view_task import SubmissionViewTask
from .submission_view_task_fields import SubmissionViewTaskFields
from .subtask_node import SubtaskNode
from .subtask_node_config import SubtaskNodeConfig
from .subtask_node_config_fields_item import SubtaskNodeConfigFieldsItem
from .subtask_node_config_fields_item_source import SubtaskNodeConfigFieldsItemSource
from .subtask_node_config_fields_item_type import SubtaskNodeConfigFieldsItemType
from .subtask_node_kind import SubtaskNodeKind
from .subtask_submission import SubtaskSubmission
from .subtask_submission_values import SubtaskSubmissionValues
from .tag import Tag
from .tag_create import TagCreate
from .tag_page import TagPage
from .task_detail import TaskDetail
from .task_detail_fields import TaskDetailFields
from .task_node import TaskNode
from .task_status import TaskStatus
from .task_summary import TaskSummary
from .task_summary_fields import TaskSummaryFields
from .task_summary_page import TaskSummaryPage
from .task_tag_ref import TaskTagRef
from .task_tags import TaskTags
from .task_tags_set import TaskTagsSet
from .tasks_create_async_request import TasksCreateAsyncRequest
from .tasks_create_job import TasksCreateJob
from .tasks_create_request import TasksCreateRequest
from .tasks_create_result import TasksCreateResult
from .tasks_creation_mode import TasksCreationMode
from .tasks_creation_mode_endpoints import TasksCreationModeEndpoints
from .tasks_creation_mode_example_type_0 import TasksCreationModeExampleType0
from .tasks_creation_mode_fields_item import TasksCreationModeFieldsItem
from .tasks_creation_mode_mode import TasksCreationModeMode
from .tasks_export_inline import TasksExportInline
from .tasks_export_inline_format import TasksExportInlineFormat
from .tasks_export_job import TasksExportJob
from .tasks_export_job_format import TasksExportJobFormat
from .tasks_export_request import TasksExportRequest
from .tasks_export_request_format import TasksExportRequestFormat
from .tasks_export_request_include_item import TasksExportRequestIncludeItem
from .tasks_job import TasksJob
from .tasks_job_result import TasksJobResult
from .tasks_job_status import TasksJobStatus
from .tasks_row import TasksRow
from .tasks_row_error import TasksRowError
from .tasks_row_fields import TasksRowFields
from .tasks_status_summary import TasksStatusSummary
from .tasks_status_summary_nodes_by_status import TasksStatusSummaryNodesByStatus
from .tasks_status_summary_tasks_by_status import TasksStatusSummaryTasksByStatus
from .tasks_user_page import TasksUserPage
from .timeline_event import TimelineEvent
from .timeline_event_data import TimelineEventData
from .timeline_page import TimelinePage
from .user import User
from .user_create import UserCreate
from .user_page import UserPage
from .user_update import UserUpdate
from .validation_issue import ValidationIssue
from .workflow import Workflow
from .workflow_chain import WorkflowChain
from .workflow_chain_create import WorkflowChainCreate
from .workflow_chain_page import WorkflowChainPage
from .workflow_chain_stats import WorkflowChainStats
from .workflow_chain_update import WorkflowChainUpdate
from .workflow_create import WorkflowCreate
from .workflow_page import WorkflowPage
from .workflow_status import WorkflowStatus
from .workflow_template import WorkflowTemplate
from .workflow_template_create import WorkflowTemplateCreate
from .workflow_template_page import WorkflowTemplatePage
from .workflow_update import WorkflowUpdate
from .workflow_validation import WorkflowValidation

__all__ = (
    "ActivateRequest",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyStatus",
    "ApiKeyUpdate",
    "ChartField",
    "ChartFieldValues",
    "ChartFieldValuesItemsItem",
    "ChartFields",
    "ChartQuery",
    "ChartQueryFiltersItem",
    "ChartQueryFiltersItemOp",
    "ChartQueryMetricsItem",
    "ChartQueryMetricsItemAgg",
    "ChartQueryOrderBy",
    "ChartQueryOrderByDirection",
    "ChartQueryResult",
    "ChartQueryResultRowsItem",
    "CliLoginDecision",
    "CliLoginPoll",
    "CliLoginPollState",
    "CliLoginRequest",
    "CliLoginRequestState",
    "CliLoginSession",
    "CliLoginStart",
    "CodeNode",
    "CodeNodeConfig",
    "CodeNodeConfigInputType",
    "CodeNodeConfigOutputType",
    "CodeNodeKind",
    "ConfigOverrides",
    "ConfigOverridesEvaluationsItem",
    "ConfigOverridesModelsItem",
    "ConfigOverridesPromptsItem",
    "ConfigurableField",
    "ConfigurableFieldCurrent",
    "ConfigurableFieldFieldId",
    "ConfigurableFieldOverride",
    "ConfigurableFields",
    "ConfigurableNode",
    "ConfigurableNodeKind",
    "CorrectionInlineEdit",
    "CorrectionResolution",
    "CorrectionResolutionAction",
    "CorrectionReviewDecision",
    "CorrectionReviewDecisionDecision",
    "CorrectionValues",
    "CorrectionValuesValues",
    "Credential",
    "CredentialCreate",
    "CredentialPage",
    "CredentialUpdate",
    "Criterion",
    "CriterionConfig",
    "CriterionConfigMode",
    "CriterionConfigSchema",
    "CriterionConfigSubtype",
    "CriterionCreate",
    "CriterionCreateOutputSchema",
    "CriterionCreateScopeType",
    "CriterionCreateType",
    "CriterionOutputSchemaType0",
    "CriterionPage",
    "CriterionType",
    "CriterionUpdate",
    "CriterionUpdateOutputSchema",
    "CriterionUpdateScopeType",
    "CriterionUpdateType",
    "Dataset",
    "DatasetAnalytics",
    "DatasetColumn",
    "DatasetColumnAnalytics",
    "DatasetColumnAnalyticsNumericType0",
    "DatasetColumnAnalyticsTextLengthType0",
    "DatasetColumnAnalyticsTopValuesItem",
    "DatasetColumnAnalyticsTypeCounts",
    "DatasetColumnType",
    "DatasetColumnTypeCounts",
    "DatasetContentPage",
    "DatasetContentPageItemsItem",
    "DatasetContentPageItemsItemData",
    "DatasetEvalConfig",
    "DatasetEvalConfigEvaluationsItem",
    "DatasetEvalConfigSuggestedMapping",
    "DatasetEvalPreview",
    "DatasetEvalPreviewColumnMapping",
    "DatasetEvalRequest",
    "DatasetEvalRequestColumnMapping",
    "DatasetEvalRowResult",
    "DatasetEvalRowResultCriteriaItem",
    "DatasetEvalRowResultData",
    "DatasetEvalRun",
    "DatasetEvalRunColumnMapping",
    "DatasetEvalSummary",
    "DatasetEvalSummaryCriteriaItem",
    "DatasetFileUpload",
    "DatasetImportForm",
    "DatasetImportJob",
    "DatasetImportPreview",
    "DatasetImportPreviewFormat",
    "DatasetImportPreviewRowsItem",
    "DatasetImportStarted",
    "DatasetImportStartedFormat",
    "DatasetJobView",
    "DatasetJobViewResult",
    "DatasetJobViewStatus",
    "DatasetLineError",
    "DatasetPage",
    "DatasetSourceFormat",
    "DatasetStatus",
    "Edge",
    "EndNode",
    "EndNodeConfig",
    "EndNodeKind",
    "Error",
    "Evaluation",
    "EvaluationCreate",
    "EvaluationCreateScopeType",
    "EvaluationCriterionRef",
    "EvaluationNode",
    "EvaluationNodeConfig",
    "EvaluationNodeConfigChecksItem",
    "EvaluationNodeConfigChecksItemSchema",
    "EvaluationNodeConfigChecksItemType",
    "EvaluationNodeConfigOnFailure",
    "EvaluationNodeKind",
    "EvaluationPage",
    "EvaluationRef",
    "EvaluationScore",
    "EvaluationScoreCriteriaItem",
    "EvaluationScoreRequest",
    "EvaluationScoreRequestVariables",
    "EvaluationUpdate",
    "EvaluationUpdateScopeType",
    "Experiment",
    "ExperimentCreate",
    "ExperimentCreateTasksItem",
    "ExperimentCreateTasksItemFields",
    "ExperimentCreateVariantsItem",
    "ExperimentJobStatus",
    "ExperimentKind",
    "ExperimentResult",
    "ExperimentStatus",
    "ExperimentVariant",
    "ExperimentVariantConfigOverrides",
    "ExperimentVariantStatus",
    "ExpiresInDaysType1",
    "ExpiresInDaysType2Type1",
    "ExpiresInDaysType3Type1",
    "ExportDatasetFormat",
    "FieldMapping",
    "FieldType",
    "GateCondition",
    "GateConditionAllItem",
    "GateConditionAnyItem",
    "GateConditionNot",
    "GateConditionOp",
    "Graph",
    "Health",
    "HealthCheck",
    "HealthCheckStatus",
    "HealthChecks",
    "HealthStatus",
    "HttpNode",
    "HttpNodeConfig",
    "HttpNodeConfigHeaders",
    "HttpNodeConfigMethod",
    "HttpNodeKind",
    "InputField",
    "KeyOwnerType0",
    "LibraryItemMeta",
    "LibraryItemMetaScopeType",
    "LinkedNodeView",
    "LinkedNodeViewTaskFields",
    "LlmAnalytics",
    "LlmAnalyticsByModelItem",
    "LlmAnalyticsByNodeItem",
    "LlmAnalyticsByNodeModelItem",
    "LlmAnalyticsTotals",
    "LlmNode",
    "LlmNodeConfig",
    "LlmNodeConfigResponseFormat",
    "LlmNodeKind",
    "LlmUsage",
    "LogicGateNode",
    "LogicGateNodeConfig",
    "LogicGateNodeConfigRoutesItem",
    "LogicGateNodeKind",
    "LoopNode",
    "LoopNodeConfig",
    "LoopNodeKind",
    "Me",
    "MeApiKey",
    "MeRoleType1",
    "MeRoleType2Type1",
    "MeRoleType3Type1",
    "MergeNode",
    "MergeNodeConfig",
    "MergeNodeKind",
    "Model",
    "ModelPage",
    "ModelProvider",
    "MySubmission",
    "MySubmissionKind",
    "MySubmissionPage",
    "MySubmissionsKind",
    "MyWorkItem",
    "MyWorkItemKind",
    "MyWorkItemStatus",
    "MyWorkKind",
    "MyWorkPage",
    "NodeHistoryEvent",
    "NodeHistoryEventData",
    "NodeHistoryEventSubmissionType0",
    "NodeHistoryPage",
    "NodeStatus",
    "NodeSubmissionEntry",
    "NodeSummary",
    "NodeWithLinked",
    "NodeWork",
    "NodeWorkKind",
    "NodeWorkTaskFields",
    "NodeWorkValues",
    "Notification",
    "NotificationCount",
    "NotificationData",
    "NotificationMarkRead",
    "NotificationMarkReadResult",
    "NotificationPage",
    "NotificationType",
    "NullableUserType0",
    "OrgMySubmissionsKind",
    "OrgMyWorkKind",
    "Organization",
    "OrganizationPage",
    "PageMeta",
    "PortType",
    "Project",
    "ProjectCreate",
    "ProjectFile",
    "ProjectFileConfirm",
    "ProjectFileDownloadUrl",
    "ProjectFileGc",
    "ProjectFileGcStatus",
    "ProjectFilePage",
    "ProjectFileStatus",
    "ProjectFileUploadRequest",
    "ProjectFileUploadUrl",
    "ProjectFileUploadUrlHeaders",
    "ProjectFileUploadUrlMethod",
    "ProjectInstruction",
    "ProjectInstructionCreate",
    "ProjectInstructionPage",
    "ProjectInstructionUpdate",
    "ProjectMySubmissionsKind",
    "ProjectMyWorkKind",
    "ProjectPage",
    "ProjectUpdate",
    "Prompt",
    "PromptCreate",
    "PromptCreateRole",
    "PromptCreateScopeType",
    "PromptPage",
    "PromptPlaceholder",
    "PromptRef",
    "PromptRole",
    "PromptUpdate",
    "PromptUpdateRole",
    "PromptUpdateScopeType",
    "ReviewNode",
    "ReviewNodeConfig",
    "ReviewNodeConfigOnExhausted",
    "ReviewNodeConfigOnReject",
    "ReviewNodeKind",
    "ReviewSubmission",
    "ReviewSubmissionDecision",
    "ReviewVerdict",
    "ReviewedSubtaskType0",
    "Role",
    "SeedFromDataset",
    "SeedFromDatasetColumnMapping",
    "SeedJob",
    "SeedRowError",
    "SeedRowErrorErrorsItem",
    "SelectOption",
    "SelectOptions",
    "ServerSentEvent",
    "StartNode",
    "StartNodeConfig",
    "StartNodeKind",
    "SubmissionReviewType0",
    "SubmissionReviewType0Status",
    "SubmissionVia",
    "SubmissionView",
    "SubmissionViewTask",
    "SubmissionViewTaskFields",
    "SubtaskNode",
    "SubtaskNodeConfig",
    "SubtaskNodeConfigFieldsItem",
    "SubtaskNodeConfigFieldsItemSource",
    "SubtaskNodeConfigFieldsItemType",
    "SubtaskNodeKind",
    "SubtaskSubmission",
    "SubtaskSubmissionValues",
    "Tag",
    "TagCreate",
    "TagPage",
    "TaskDetail",
    "TaskDetailFields",
    "TaskNode",
    "TaskStatus",
    "TaskSummary",
    "TaskSummaryFields",
    "TaskSummaryPage",
    "TaskTagRef",
    "TaskTags",
    "TaskTagsSet",
    "TasksCreateAsyncRequest",
    "TasksCreateJob",
    "TasksCreateRequest",
    "TasksCreateResult",
    "TasksCreationMode",
    "TasksCreationModeEndpoints",
    "TasksCreationModeExampleType0",
    "TasksCreationModeFieldsItem",
    "TasksCreationModeMode",
    "TasksExportInline",
    "TasksExportInlineFormat",
    "TasksExportJob",
    "TasksExportJobFormat",
    "TasksExportRequest",
    "TasksExportRequestFormat",
    "TasksExportRequestIncludeItem",
    "TasksJob",
    "TasksJobResult",
    "TasksJobStatus",
    "TasksRow",
    "TasksRowError",
    "TasksRowFields",
    "TasksStatusSummary",
    "TasksStatusSummaryNodesByStatus",
    "TasksStatusSummaryTasksByStatus",
    "TasksUserPage",
    "TimelineEvent",
    "TimelineEventData",
    "TimelinePage",
    "User",
    "UserCreate",
    "UserPage",
    "UserUpdate",
    "ValidationIssue",
    "Workflow",
    "WorkflowChain",
    "WorkflowChainCreate",
    "WorkflowChainPage",
    "WorkflowChainStats",
    "WorkflowChainUpdate",
    "WorkflowCreate",
    "WorkflowPage",
    "WorkflowStatus",
    "WorkflowTemplate",
    "WorkflowTemplateCreate",
    "WorkflowTemplatePage",
    "WorkflowUpdate",
    "WorkflowValidation",
)
