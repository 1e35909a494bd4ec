"""Contains all the data models used in inputs/outputs"""

from .experiment_service_archive_experiment_response_200 import (
    ExperimentServiceArchiveExperimentResponse200,
)
from .experiment_service_delete_experiment_response_200 import (
    ExperimentServiceDeleteExperimentResponse200,
)
from .experiment_service_unarchive_experiment_response_200 import (
    ExperimentServiceUnarchiveExperimentResponse200,
)
from .google_rpc_status import GoogleRpcStatus
from .pipeline_service_delete_pipeline_response_200 import (
    PipelineServiceDeletePipelineResponse200,
)
from .pipeline_service_delete_pipeline_version_response_200 import (
    PipelineServiceDeletePipelineVersionResponse200,
)
from .pipeline_task_detail_child_task import PipelineTaskDetailChildTask
from .protobuf_any import ProtobufAny
from .recurring_run_mode import RecurringRunMode
from .recurring_run_service_delete_recurring_run_response_200 import (
    RecurringRunServiceDeleteRecurringRunResponse200,
)
from .recurring_run_service_disable_recurring_run_response_200 import (
    RecurringRunServiceDisableRecurringRunResponse200,
)
from .recurring_run_service_enable_recurring_run_response_200 import (
    RecurringRunServiceEnableRecurringRunResponse200,
)
from .run_service_archive_run_response_200 import RunServiceArchiveRunResponse200
from .run_service_delete_run_response_200 import RunServiceDeleteRunResponse200
from .run_service_retry_run_response_200 import RunServiceRetryRunResponse200
from .run_service_terminate_run_response_200 import RunServiceTerminateRunResponse200
from .run_service_unarchive_run_response_200 import RunServiceUnarchiveRunResponse200
from .upload_error import UploadError
from .upload_file import UploadFile
from .v2_beta_1_artifact_detail import V2Beta1ArtifactDetail
from .v2_beta_1_artifact_detail_direction import V2Beta1ArtifactDetailDirection
from .v2_beta_1_artifact_detail_metadata import V2Beta1ArtifactDetailMetadata
from .v2_beta_1_artifact_list import V2Beta1ArtifactList
from .v2_beta_1_create_pipeline_and_version_request import (
    V2Beta1CreatePipelineAndVersionRequest,
)
from .v2_beta_1_cron_schedule import V2Beta1CronSchedule
from .v2_beta_1_experiment import V2Beta1Experiment
from .v2_beta_1_experiment_storage_state import V2Beta1ExperimentStorageState
from .v2_beta_1_get_healthz_response import V2Beta1GetHealthzResponse
from .v2_beta_1_list_experiments_response import V2Beta1ListExperimentsResponse
from .v2_beta_1_list_pipeline_versions_response import (
    V2Beta1ListPipelineVersionsResponse,
)
from .v2_beta_1_list_pipelines_response import V2Beta1ListPipelinesResponse
from .v2_beta_1_list_recurring_runs_response import V2Beta1ListRecurringRunsResponse
from .v2_beta_1_list_runs_response import V2Beta1ListRunsResponse
from .v2_beta_1_periodic_schedule import V2Beta1PeriodicSchedule
from .v2_beta_1_pipeline import V2Beta1Pipeline
from .v2_beta_1_pipeline_task_detail import V2Beta1PipelineTaskDetail
from .v2_beta_1_pipeline_task_detail_input_parameters import (
    V2Beta1PipelineTaskDetailInputParameters,
)
from .v2_beta_1_pipeline_task_detail_inputs import V2Beta1PipelineTaskDetailInputs
from .v2_beta_1_pipeline_task_detail_kind import V2Beta1PipelineTaskDetailKind
from .v2_beta_1_pipeline_task_detail_output_parameters import (
    V2Beta1PipelineTaskDetailOutputParameters,
)
from .v2_beta_1_pipeline_task_detail_outputs import V2Beta1PipelineTaskDetailOutputs
from .v2_beta_1_pipeline_task_detail_pod_annotations import (
    V2Beta1PipelineTaskDetailPodAnnotations,
)
from .v2_beta_1_pipeline_task_detail_pod_labels import (
    V2Beta1PipelineTaskDetailPodLabels,
)
from .v2_beta_1_pipeline_version import V2Beta1PipelineVersion
from .v2_beta_1_pipeline_version_pipeline_spec import V2Beta1PipelineVersionPipelineSpec
from .v2_beta_1_pipeline_version_reference import V2Beta1PipelineVersionReference
from .v2_beta_1_read_artifact_response import V2Beta1ReadArtifactResponse
from .v2_beta_1_recurring_run import V2Beta1RecurringRun
from .v2_beta_1_recurring_run_pipeline_spec import V2Beta1RecurringRunPipelineSpec
from .v2_beta_1_recurring_run_plugins_input import V2Beta1RecurringRunPluginsInput
from .v2_beta_1_recurring_run_status import V2Beta1RecurringRunStatus
from .v2_beta_1_run import V2Beta1Run
from .v2_beta_1_run_details import V2Beta1RunDetails
from .v2_beta_1_run_pipeline_spec import V2Beta1RunPipelineSpec
from .v2_beta_1_run_plugins_input import V2Beta1RunPluginsInput
from .v2_beta_1_run_plugins_output import V2Beta1RunPluginsOutput
from .v2_beta_1_run_storage_state import V2Beta1RunStorageState
from .v2_beta_1_runtime_config import V2Beta1RuntimeConfig
from .v2_beta_1_runtime_config_parameters import V2Beta1RuntimeConfigParameters
from .v2_beta_1_runtime_state import V2Beta1RuntimeState
from .v2_beta_1_runtime_status import V2Beta1RuntimeStatus
from .v2_beta_1_tags import V2Beta1Tags
from .v2_beta_1_trigger import V2Beta1Trigger
from .v2_beta_1_url import V2Beta1Url

__all__ = (
    "ExperimentServiceArchiveExperimentResponse200",
    "ExperimentServiceDeleteExperimentResponse200",
    "ExperimentServiceUnarchiveExperimentResponse200",
    "GoogleRpcStatus",
    "PipelineServiceDeletePipelineResponse200",
    "PipelineServiceDeletePipelineVersionResponse200",
    "PipelineTaskDetailChildTask",
    "ProtobufAny",
    "RecurringRunMode",
    "RecurringRunServiceDeleteRecurringRunResponse200",
    "RecurringRunServiceDisableRecurringRunResponse200",
    "RecurringRunServiceEnableRecurringRunResponse200",
    "RunServiceArchiveRunResponse200",
    "RunServiceDeleteRunResponse200",
    "RunServiceRetryRunResponse200",
    "RunServiceTerminateRunResponse200",
    "RunServiceUnarchiveRunResponse200",
    "UploadError",
    "UploadFile",
    "V2Beta1ArtifactDetail",
    "V2Beta1ArtifactDetailDirection",
    "V2Beta1ArtifactDetailMetadata",
    "V2Beta1ArtifactList",
    "V2Beta1CreatePipelineAndVersionRequest",
    "V2Beta1CronSchedule",
    "V2Beta1Experiment",
    "V2Beta1ExperimentStorageState",
    "V2Beta1GetHealthzResponse",
    "V2Beta1ListExperimentsResponse",
    "V2Beta1ListPipelineVersionsResponse",
    "V2Beta1ListPipelinesResponse",
    "V2Beta1ListRecurringRunsResponse",
    "V2Beta1ListRunsResponse",
    "V2Beta1PeriodicSchedule",
    "V2Beta1Pipeline",
    "V2Beta1PipelineTaskDetail",
    "V2Beta1PipelineTaskDetailInputParameters",
    "V2Beta1PipelineTaskDetailInputs",
    "V2Beta1PipelineTaskDetailKind",
    "V2Beta1PipelineTaskDetailOutputParameters",
    "V2Beta1PipelineTaskDetailOutputs",
    "V2Beta1PipelineTaskDetailPodAnnotations",
    "V2Beta1PipelineTaskDetailPodLabels",
    "V2Beta1PipelineVersion",
    "V2Beta1PipelineVersionPipelineSpec",
    "V2Beta1PipelineVersionReference",
    "V2Beta1ReadArtifactResponse",
    "V2Beta1RecurringRun",
    "V2Beta1RecurringRunPipelineSpec",
    "V2Beta1RecurringRunPluginsInput",
    "V2Beta1RecurringRunStatus",
    "V2Beta1Run",
    "V2Beta1RunDetails",
    "V2Beta1RunPipelineSpec",
    "V2Beta1RunPluginsInput",
    "V2Beta1RunPluginsOutput",
    "V2Beta1RunStorageState",
    "V2Beta1RuntimeConfig",
    "V2Beta1RuntimeConfigParameters",
    "V2Beta1RuntimeState",
    "V2Beta1RuntimeStatus",
    "V2Beta1Tags",
    "V2Beta1Trigger",
    "V2Beta1Url",
)
