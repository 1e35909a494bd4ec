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
from .protobuf_any import ProtobufAny
from .v2_beta_1_experiment import V2Beta1Experiment
from .v2_beta_1_experiment_storage_state import V2Beta1ExperimentStorageState
from .v2_beta_1_get_healthz_response import V2Beta1GetHealthzResponse
from .v2_beta_1_list_experiments_response import V2Beta1ListExperimentsResponse

__all__ = (
    "ExperimentServiceArchiveExperimentResponse200",
    "ExperimentServiceDeleteExperimentResponse200",
    "ExperimentServiceUnarchiveExperimentResponse200",
    "GoogleRpcStatus",
    "ProtobufAny",
    "V2Beta1Experiment",
    "V2Beta1ExperimentStorageState",
    "V2Beta1GetHealthzResponse",
    "V2Beta1ListExperimentsResponse",
)
