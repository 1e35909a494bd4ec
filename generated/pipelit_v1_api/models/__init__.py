"""Contains all the data models used in inputs/outputs"""

from .chat_history import ChatHistory
from .chat_history_messages_item import ChatHistoryMessagesItem
from .chat_history_messages_item_role import ChatHistoryMessagesItemRole
from .chat_message_in import ChatMessageIn
from .chat_message_out import ChatMessageOut
from .chat_message_out_status import ChatMessageOutStatus
from .credential_batch_delete import CredentialBatchDelete
from .credential_in import CredentialIn
from .credential_in_credential_type import CredentialInCredentialType
from .credential_in_detail_type_0 import CredentialInDetailType0
from .credential_list import CredentialList
from .credential_model import CredentialModel
from .credential_out import CredentialOut
from .credential_out_credential_type import CredentialOutCredentialType
from .credential_out_detail import CredentialOutDetail
from .credential_test_out import CredentialTestOut
from .credential_update import CredentialUpdate
from .credential_update_detail_type_0 import CredentialUpdateDetailType0
from .detail import Detail
from .dsl_validation import DslValidation
from .edge_in import EdgeIn
from .edge_in_condition_mapping_type_0 import EdgeInConditionMappingType0
from .edge_in_edge_label import EdgeInEdgeLabel
from .edge_in_edge_type import EdgeInEdgeType
from .edge_out import EdgeOut
from .edge_out_condition_mapping_type_0 import EdgeOutConditionMappingType0
from .edge_patch import EdgePatch
from .edge_patch_condition_mapping_type_0 import EdgePatchConditionMappingType0
from .edge_patch_edge_label import EdgePatchEdgeLabel
from .edge_patch_edge_type import EdgePatchEdgeType
from .edge_validation_failure import EdgeValidationFailure
from .edge_validation_failure_detail import EdgeValidationFailureDetail
from .execution import Execution
from .execution_detail import ExecutionDetail
from .execution_detail_final_output_type_0 import ExecutionDetailFinalOutputType0
from .execution_detail_trigger_payload_type_0 import ExecutionDetailTriggerPayloadType0
from .execution_log import ExecutionLog
from .execution_log_metadata_type_0 import ExecutionLogMetadataType0
from .execution_log_status import ExecutionLogStatus
from .execution_page import ExecutionPage
from .execution_started import ExecutionStarted
from .execution_started_status import ExecutionStartedStatus
from .execution_status import ExecutionStatus
from .execution_status_final_output_type_0 import ExecutionStatusFinalOutputType0
from .execution_status_name import ExecutionStatusName
from .health import Health
from .health_status import HealthStatus
from .inbound_command_result import InboundCommandResult
from .inbound_command_result_status import InboundCommandResultStatus
from .inbound_message import InboundMessage
from .inbound_message_attachments_item import InboundMessageAttachmentsItem
from .inbound_message_extra_data_type_0 import InboundMessageExtraDataType0
from .inbound_message_route import InboundMessageRoute
from .inbound_message_source import InboundMessageSource
from .inbound_message_source_from_type_0 import InboundMessageSourceFromType0
from .key_create_in import KeyCreateIn
from .key_created import KeyCreated
from .key_out import KeyOut
from .manual_execute_in import ManualExecuteIn
from .me_out import MeOut
from .mfa_code_in import MfaCodeIn
from .mfa_login_in import MfaLoginIn
from .mfa_setup_out import MfaSetupOut
from .mfa_status_out import MfaStatusOut
from .node_config import NodeConfig
from .node_config_extra_config import NodeConfigExtraConfig
from .node_config_out import NodeConfigOut
from .node_config_out_extra_config import NodeConfigOutExtraConfig
from .node_config_out_response_format_type_0 import NodeConfigOutResponseFormatType0
from .node_config_out_trigger_config import NodeConfigOutTriggerConfig
from .node_config_response_format_type_0 import NodeConfigResponseFormatType0
from .node_config_trigger_config import NodeConfigTriggerConfig
from .node_in import NodeIn
from .node_in_component_type import NodeInComponentType
from .node_out import NodeOut
from .node_patch import NodePatch
from .node_patch_component_type import NodePatchComponentType
from .node_type_port import NodeTypePort
from .node_type_port_data_type import NodeTypePortDataType
from .node_type_port_port_schema_type_0 import NodeTypePortPortSchemaType0
from .node_type_spec import NodeTypeSpec
from .node_type_spec_config_schema import NodeTypeSpecConfigSchema
from .pipelines_server_api_pipelit_epics_batch_delete_epics_body import (
    PipelinesServerApiPipelitEpicsBatchDeleteEpicsBody,
)
from .pipelines_server_api_pipelit_executions_batch_delete_executions_body import (
    PipelinesServerApiPipelitExecutionsBatchDeleteExecutionsBody,
)
from .pipelines_server_api_pipelit_memories_delete_checkpoints_body import (
    PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody,
)
from .pipelines_server_api_pipelit_memories_delete_episodes_body import (
    PipelinesServerApiPipelitMemoriesDeleteEpisodesBody,
)
from .pipelines_server_api_pipelit_memories_delete_facts_body import (
    PipelinesServerApiPipelitMemoriesDeleteFactsBody,
)
from .pipelines_server_api_pipelit_memories_delete_procedures_body import (
    PipelinesServerApiPipelitMemoriesDeleteProceduresBody,
)
from .pipelines_server_api_pipelit_memories_delete_users_body import (
    PipelinesServerApiPipelitMemoriesDeleteUsersBody,
)
from .pipelines_server_api_pipelit_memories_list_checkpoints_response_200 import (
    PipelinesServerApiPipelitMemoriesListCheckpointsResponse200,
)
from .pipelines_server_api_pipelit_memories_list_episodes_response_200 import (
    PipelinesServerApiPipelitMemoriesListEpisodesResponse200,
)
from .pipelines_server_api_pipelit_memories_list_facts_response_200 import (
    PipelinesServerApiPipelitMemoriesListFactsResponse200,
)
from .pipelines_server_api_pipelit_memories_list_procedures_response_200 import (
    PipelinesServerApiPipelitMemoriesListProceduresResponse200,
)
from .pipelines_server_api_pipelit_memories_list_users_response_200 import (
    PipelinesServerApiPipelitMemoriesListUsersResponse200,
)
from .pipelines_server_api_pipelit_settings_api_get_settings_response_200 import (
    PipelinesServerApiPipelitSettingsApiGetSettingsResponse200,
)
from .pipelines_server_api_pipelit_settings_api_recheck_environment_response_200 import (
    PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200,
)
from .pipelines_server_api_pipelit_settings_api_update_settings_response_200 import (
    PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200,
)
from .pipelines_server_api_pipelit_tasks_batch_delete_tasks_body import (
    PipelinesServerApiPipelitTasksBatchDeleteTasksBody,
)
from .pipelines_server_api_pipelit_workflows_batch_delete_workflows_body import (
    PipelinesServerApiPipelitWorkflowsBatchDeleteWorkflowsBody,
)
from .pipelines_server_api_pipelit_workflows_list_node_types_response_200 import (
    PipelinesServerApiPipelitWorkflowsListNodeTypesResponse200,
)
from .pipelines_server_api_pipelit_workflows_validate_dsl_body import (
    PipelinesServerApiPipelitWorkflowsValidateDslBody,
)
from .pipelines_server_api_pipelit_workspaces_batch_delete_workspaces_body import (
    PipelinesServerApiPipelitWorkspacesBatchDeleteWorkspacesBody,
)
from .pit_env_var import PitEnvVar
from .pit_env_var_source import PitEnvVarSource
from .pit_environment import PitEnvironment
from .pit_environment_capabilities import PitEnvironmentCapabilities
from .pit_environment_capabilities_network import PitEnvironmentCapabilitiesNetwork
from .pit_environment_capabilities_runtimes import PitEnvironmentCapabilitiesRuntimes
from .pit_environment_capabilities_runtimes_additional_property import (
    PitEnvironmentCapabilitiesRuntimesAdditionalProperty,
)
from .pit_environment_capabilities_shell_tools import (
    PitEnvironmentCapabilitiesShellTools,
)
from .pit_environment_capabilities_shell_tools_additional_property import (
    PitEnvironmentCapabilitiesShellToolsAdditionalProperty,
)
from .pit_environment_gate import PitEnvironmentGate
from .pit_epic import PitEpic
from .pit_epic_in import PitEpicIn
from .pit_epic_list import PitEpicList
from .pit_epic_patch import PitEpicPatch
from .pit_epic_patch_status_type_1 import PitEpicPatchStatusType1
from .pit_epic_patch_status_type_2_type_1 import PitEpicPatchStatusType2Type1
from .pit_epic_patch_status_type_3_type_1 import PitEpicPatchStatusType3Type1
from .pit_memory_checkpoint import PitMemoryCheckpoint
from .pit_memory_episode import PitMemoryEpisode
from .pit_memory_fact import PitMemoryFact
from .pit_memory_procedure import PitMemoryProcedure
from .pit_memory_user import PitMemoryUser
from .pit_ok_message import PitOkMessage
from .pit_platform_config import PitPlatformConfig
from .pit_settings_patch import PitSettingsPatch
from .pit_settings_patch_log_level_type_1 import PitSettingsPatchLogLevelType1
from .pit_settings_patch_log_level_type_2_type_1 import (
    PitSettingsPatchLogLevelType2Type1,
)
from .pit_settings_patch_log_level_type_3_type_1 import (
    PitSettingsPatchLogLevelType3Type1,
)
from .pit_settings_requested import PitSettingsRequested
from .pit_task import PitTask
from .pit_task_in import PitTaskIn
from .pit_task_in_requirements_type_0 import PitTaskInRequirementsType0
from .pit_task_list import PitTaskList
from .pit_task_patch import PitTaskPatch
from .pit_task_patch_status_type_1 import PitTaskPatchStatusType1
from .pit_task_patch_status_type_2_type_1 import PitTaskPatchStatusType2Type1
from .pit_task_patch_status_type_3_type_1 import PitTaskPatchStatusType3Type1
from .pit_task_requirements_type_0 import PitTaskRequirementsType0
from .pit_workspace import PitWorkspace
from .pit_workspace_in import PitWorkspaceIn
from .pit_workspace_list import PitWorkspaceList
from .pit_workspace_patch import PitWorkspacePatch
from .schedule_batch_delete import ScheduleBatchDelete
from .schedule_in import ScheduleIn
from .schedule_in_trigger_payload_type_0 import ScheduleInTriggerPayloadType0
from .schedule_job_info_type_0 import ScheduleJobInfoType0
from .schedule_list import ScheduleList
from .schedule_out import ScheduleOut
from .schedule_out_status import ScheduleOutStatus
from .schedule_out_trigger_payload_type_0 import ScheduleOutTriggerPayloadType0
from .schedule_update import ScheduleUpdate
from .schedule_update_trigger_payload_type_0 import ScheduleUpdateTriggerPayloadType0
from .self_update_in import SelfUpdateIn
from .setup_in import SetupIn
from .setup_status import SetupStatus
from .setup_status_environment_type_0 import SetupStatusEnvironmentType0
from .token_in import TokenIn
from .token_out import TokenOut
from .user_create_in import UserCreateIn
from .user_create_in_role import UserCreateInRole
from .user_list import UserList
from .user_out import UserOut
from .user_out_role import UserOutRole
from .user_update_in import UserUpdateIn
from .user_update_in_role_type_1 import UserUpdateInRoleType1
from .user_update_in_role_type_2_type_1 import UserUpdateInRoleType2Type1
from .user_update_in_role_type_3_type_1 import UserUpdateInRoleType3Type1
from .validation_error_item import ValidationErrorItem
from .validation_error_item_ctx import ValidationErrorItemCtx
from .validation_failure import ValidationFailure
from .workflow_detail import WorkflowDetail
from .workflow_in import WorkflowIn
from .workflow_in_input_schema_type_0 import WorkflowInInputSchemaType0
from .workflow_in_output_schema_type_0 import WorkflowInOutputSchemaType0
from .workflow_out import WorkflowOut
from .workflow_out_input_schema_type_0 import WorkflowOutInputSchemaType0
from .workflow_out_output_schema_type_0 import WorkflowOutOutputSchemaType0
from .workflow_page import WorkflowPage
from .workflow_patch import WorkflowPatch
from .workflow_patch_input_schema_type_0 import WorkflowPatchInputSchemaType0
from .workflow_patch_output_schema_type_0 import WorkflowPatchOutputSchemaType0
from .workflow_validation import WorkflowValidation

__all__ = (
    "ChatHistory",
    "ChatHistoryMessagesItem",
    "ChatHistoryMessagesItemRole",
    "ChatMessageIn",
    "ChatMessageOut",
    "ChatMessageOutStatus",
    "CredentialBatchDelete",
    "CredentialIn",
    "CredentialInCredentialType",
    "CredentialInDetailType0",
    "CredentialList",
    "CredentialModel",
    "CredentialOut",
    "CredentialOutCredentialType",
    "CredentialOutDetail",
    "CredentialTestOut",
    "CredentialUpdate",
    "CredentialUpdateDetailType0",
    "Detail",
    "DslValidation",
    "EdgeIn",
    "EdgeInConditionMappingType0",
    "EdgeInEdgeLabel",
    "EdgeInEdgeType",
    "EdgeOut",
    "EdgeOutConditionMappingType0",
    "EdgePatch",
    "EdgePatchConditionMappingType0",
    "EdgePatchEdgeLabel",
    "EdgePatchEdgeType",
    "EdgeValidationFailure",
    "EdgeValidationFailureDetail",
    "Execution",
    "ExecutionDetail",
    "ExecutionDetailFinalOutputType0",
    "ExecutionDetailTriggerPayloadType0",
    "ExecutionLog",
    "ExecutionLogMetadataType0",
    "ExecutionLogStatus",
    "ExecutionPage",
    "ExecutionStarted",
    "ExecutionStartedStatus",
    "ExecutionStatus",
    "ExecutionStatusFinalOutputType0",
    "ExecutionStatusName",
    "Health",
    "HealthStatus",
    "InboundCommandResult",
    "InboundCommandResultStatus",
    "InboundMessage",
    "InboundMessageAttachmentsItem",
    "InboundMessageExtraDataType0",
    "InboundMessageRoute",
    "InboundMessageSource",
    "InboundMessageSourceFromType0",
    "KeyCreateIn",
    "KeyCreated",
    "KeyOut",
    "ManualExecuteIn",
    "MeOut",
    "MfaCodeIn",
    "MfaLoginIn",
    "MfaSetupOut",
    "MfaStatusOut",
    "NodeConfig",
    "NodeConfigExtraConfig",
    "NodeConfigOut",
    "NodeConfigOutExtraConfig",
    "NodeConfigOutResponseFormatType0",
    "NodeConfigOutTriggerConfig",
    "NodeConfigResponseFormatType0",
    "NodeConfigTriggerConfig",
    "NodeIn",
    "NodeInComponentType",
    "NodeOut",
    "NodePatch",
    "NodePatchComponentType",
    "NodeTypePort",
    "NodeTypePortDataType",
    "NodeTypePortPortSchemaType0",
    "NodeTypeSpec",
    "NodeTypeSpecConfigSchema",
    "PipelinesServerApiPipelitEpicsBatchDeleteEpicsBody",
    "PipelinesServerApiPipelitExecutionsBatchDeleteExecutionsBody",
    "PipelinesServerApiPipelitMemoriesDeleteCheckpointsBody",
    "PipelinesServerApiPipelitMemoriesDeleteEpisodesBody",
    "PipelinesServerApiPipelitMemoriesDeleteFactsBody",
    "PipelinesServerApiPipelitMemoriesDeleteProceduresBody",
    "PipelinesServerApiPipelitMemoriesDeleteUsersBody",
    "PipelinesServerApiPipelitMemoriesListCheckpointsResponse200",
    "PipelinesServerApiPipelitMemoriesListEpisodesResponse200",
    "PipelinesServerApiPipelitMemoriesListFactsResponse200",
    "PipelinesServerApiPipelitMemoriesListProceduresResponse200",
    "PipelinesServerApiPipelitMemoriesListUsersResponse200",
    "PipelinesServerApiPipelitSettingsApiGetSettingsResponse200",
    "PipelinesServerApiPipelitSettingsApiRecheckEnvironmentResponse200",
    "PipelinesServerApiPipelitSettingsApiUpdateSettingsResponse200",
    "PipelinesServerApiPipelitTasksBatchDeleteTasksBody",
    "PipelinesServerApiPipelitWorkflowsBatchDeleteWorkflowsBody",
    "PipelinesServerApiPipelitWorkflowsListNodeTypesResponse200",
    "PipelinesServerApiPipelitWorkflowsValidateDslBody",
    "PipelinesServerApiPipelitWorkspacesBatchDeleteWorkspacesBody",
    "PitEnvVar",
    "PitEnvVarSource",
    "PitEnvironment",
    "PitEnvironmentCapabilities",
    "PitEnvironmentCapabilitiesNetwork",
    "PitEnvironmentCapabilitiesRuntimes",
    "PitEnvironmentCapabilitiesRuntimesAdditionalProperty",
    "PitEnvironmentCapabilitiesShellTools",
    "PitEnvironmentCapabilitiesShellToolsAdditionalProperty",
    "PitEnvironmentGate",
    "PitEpic",
    "PitEpicIn",
    "PitEpicList",
    "PitEpicPatch",
    "PitEpicPatchStatusType1",
    "PitEpicPatchStatusType2Type1",
    "PitEpicPatchStatusType3Type1",
    "PitMemoryCheckpoint",
    "PitMemoryEpisode",
    "PitMemoryFact",
    "PitMemoryProcedure",
    "PitMemoryUser",
    "PitOkMessage",
    "PitPlatformConfig",
    "PitSettingsPatch",
    "PitSettingsPatchLogLevelType1",
    "PitSettingsPatchLogLevelType2Type1",
    "PitSettingsPatchLogLevelType3Type1",
    "PitSettingsRequested",
    "PitTask",
    "PitTaskIn",
    "PitTaskInRequirementsType0",
    "PitTaskList",
    "PitTaskPatch",
    "PitTaskPatchStatusType1",
    "PitTaskPatchStatusType2Type1",
    "PitTaskPatchStatusType3Type1",
    "PitTaskRequirementsType0",
    "PitWorkspace",
    "PitWorkspaceIn",
    "PitWorkspaceList",
    "PitWorkspacePatch",
    "ScheduleBatchDelete",
    "ScheduleIn",
    "ScheduleInTriggerPayloadType0",
    "ScheduleJobInfoType0",
    "ScheduleList",
    "ScheduleOut",
    "ScheduleOutStatus",
    "ScheduleOutTriggerPayloadType0",
    "ScheduleUpdate",
    "ScheduleUpdateTriggerPayloadType0",
    "SelfUpdateIn",
    "SetupIn",
    "SetupStatus",
    "SetupStatusEnvironmentType0",
    "TokenIn",
    "TokenOut",
    "UserCreateIn",
    "UserCreateInRole",
    "UserList",
    "UserOut",
    "UserOutRole",
    "UserUpdateIn",
    "UserUpdateInRoleType1",
    "UserUpdateInRoleType2Type1",
    "UserUpdateInRoleType3Type1",
    "ValidationErrorItem",
    "ValidationErrorItemCtx",
    "ValidationFailure",
    "WorkflowDetail",
    "WorkflowIn",
    "WorkflowInInputSchemaType0",
    "WorkflowInOutputSchemaType0",
    "WorkflowOut",
    "WorkflowOutInputSchemaType0",
    "WorkflowOutOutputSchemaType0",
    "WorkflowPage",
    "WorkflowPatch",
    "WorkflowPatchInputSchemaType0",
    "WorkflowPatchOutputSchemaType0",
    "WorkflowValidation",
)
