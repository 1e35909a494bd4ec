from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.v2_beta_1_pipeline_task_detail_kind import V2Beta1PipelineTaskDetailKind
from ..models.v2_beta_1_runtime_state import V2Beta1RuntimeState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.google_rpc_status import GoogleRpcStatus
    from ..models.pipeline_task_detail_child_task import PipelineTaskDetailChildTask
    from ..models.v2_beta_1_artifact_detail import V2Beta1ArtifactDetail
    from ..models.v2_beta_1_pipeline_task_detail_input_parameters import (
        V2Beta1PipelineTaskDetailInputParameters,
    )
    from ..models.v2_beta_1_pipeline_task_detail_inputs import (
        V2Beta1PipelineTaskDetailInputs,
    )
    from ..models.v2_beta_1_pipeline_task_detail_output_parameters import (
        V2Beta1PipelineTaskDetailOutputParameters,
    )
    from ..models.v2_beta_1_pipeline_task_detail_outputs import (
        V2Beta1PipelineTaskDetailOutputs,
    )
    from ..models.v2_beta_1_pipeline_task_detail_pod_annotations import (
        V2Beta1PipelineTaskDetailPodAnnotations,
    )
    from ..models.v2_beta_1_pipeline_task_detail_pod_labels import (
        V2Beta1PipelineTaskDetailPodLabels,
    )
    from ..models.v2_beta_1_runtime_status import V2Beta1RuntimeStatus


T = TypeVar("T", bound="V2Beta1PipelineTaskDetail")


@_attrs_define
class V2Beta1PipelineTaskDetail:
    """
    Attributes:
        run_id (str | Unset):
        task_id (str | Unset):
        display_name (str | Unset):
        create_time (datetime.datetime | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        state (V2Beta1RuntimeState | Unset):
        error (GoogleRpcStatus | Unset):
        inputs (V2Beta1PipelineTaskDetailInputs | Unset):
        outputs (V2Beta1PipelineTaskDetailOutputs | Unset):
        parent_task_id (str | Unset):
        state_history (list[V2Beta1RuntimeStatus] | Unset):
        child_tasks (list[PipelineTaskDetailChildTask] | Unset):
        input_parameters (V2Beta1PipelineTaskDetailInputParameters | Unset): Extension (not upstream) - the task's input
            parameter values.
        output_parameters (V2Beta1PipelineTaskDetailOutputParameters | Unset): Extension (not upstream) - the task's
            output parameter values; on the root task, the pipeline's outputs.
        artifacts (list[V2Beta1ArtifactDetail] | Unset):
        kind (V2Beta1PipelineTaskDetailKind | Unset): Extension (not upstream) - what the task is in the compiled
            pipeline.
        cached (bool | Unset): Extension (not upstream) - its outputs came from the cache.
        pod_labels (V2Beta1PipelineTaskDetailPodLabels | Unset): Extension (not upstream) - the labels kfp-kubernetes'
            add_pod_label gave the task (no pod runs it here; the task reads them through use_field_path_as_env).
        pod_annotations (V2Beta1PipelineTaskDetailPodAnnotations | Unset): Extension (not upstream) - the annotations
            kfp-kubernetes' add_pod_annotation gave the task.
    """

    run_id: str | Unset = UNSET
    task_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    create_time: datetime.datetime | Unset = UNSET
    start_time: datetime.datetime | Unset = UNSET
    end_time: datetime.datetime | Unset = UNSET
    state: V2Beta1RuntimeState | Unset = UNSET
    error: GoogleRpcStatus | Unset = UNSET
    inputs: V2Beta1PipelineTaskDetailInputs | Unset = UNSET
    outputs: V2Beta1PipelineTaskDetailOutputs | Unset = UNSET
    parent_task_id: str | Unset = UNSET
    state_history: list[V2Beta1RuntimeStatus] | Unset = UNSET
    child_tasks: list[PipelineTaskDetailChildTask] | Unset = UNSET
    input_parameters: V2Beta1PipelineTaskDetailInputParameters | Unset = UNSET
    output_parameters: V2Beta1PipelineTaskDetailOutputParameters | Unset = UNSET
    artifacts: list[V2Beta1ArtifactDetail] | Unset = UNSET
    kind: V2Beta1PipelineTaskDetailKind | Unset = UNSET
    cached: bool | Unset = UNSET
    pod_labels: V2Beta1PipelineTaskDetailPodLabels | Unset = UNSET
    pod_annotations: V2Beta1PipelineTaskDetailPodAnnotations | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

        task_id = self.task_id

        display_name = self.display_name

        create_time: str | Unset = UNSET
        if not isinstance(self.create_time, Unset):
            create_time = self.create_time.isoformat()

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        end_time: str | Unset = UNSET
        if not isinstance(self.end_time, Unset):
            end_time = self.end_time.isoformat()

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        outputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = self.outputs.to_dict()

        parent_task_id = self.parent_task_id

        state_history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.state_history, Unset):
            state_history = []
            for state_history_item_data in self.state_history:
                state_history_item = state_history_item_data.to_dict()
                state_history.append(state_history_item)

        child_tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.child_tasks, Unset):
            child_tasks = []
            for child_tasks_item_data in self.child_tasks:
                child_tasks_item = child_tasks_item_data.to_dict()
                child_tasks.append(child_tasks_item)

        input_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_parameters, Unset):
            input_parameters = self.input_parameters.to_dict()

        output_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output_parameters, Unset):
            output_parameters = self.output_parameters.to_dict()

        artifacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.artifacts, Unset):
            artifacts = []
            for artifacts_item_data in self.artifacts:
                artifacts_item = artifacts_item_data.to_dict()
                artifacts.append(artifacts_item)

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        cached = self.cached

        pod_labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pod_labels, Unset):
            pod_labels = self.pod_labels.to_dict()

        pod_annotations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pod_annotations, Unset):
            pod_annotations = self.pod_annotations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if state is not UNSET:
            field_dict["state"] = state
        if error is not UNSET:
            field_dict["error"] = error
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if parent_task_id is not UNSET:
            field_dict["parent_task_id"] = parent_task_id
        if state_history is not UNSET:
            field_dict["state_history"] = state_history
        if child_tasks is not UNSET:
            field_dict["child_tasks"] = child_tasks
        if input_parameters is not UNSET:
            field_dict["input_parameters"] = input_parameters
        if output_parameters is not UNSET:
            field_dict["output_parameters"] = output_parameters
        if artifacts is not UNSET:
            field_dict["artifacts"] = artifacts
        if kind is not UNSET:
            field_dict["kind"] = kind
        if cached is not UNSET:
            field_dict["cached"] = cached
        if pod_labels is not UNSET:
            field_dict["pod_labels"] = pod_labels
        if pod_annotations is not UNSET:
            field_dict["pod_annotations"] = pod_annotations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.google_rpc_status import GoogleRpcStatus
        from ..models.pipeline_task_detail_child_task import PipelineTaskDetailChildTask
        from ..models.v2_beta_1_artifact_detail import V2Beta1ArtifactDetail
        from ..models.v2_beta_1_pipeline_task_detail_input_parameters import (
            V2Beta1PipelineTaskDetailInputParameters,
        )
        from ..models.v2_beta_1_pipeline_task_detail_inputs import (
            V2Beta1PipelineTaskDetailInputs,
        )
        from ..models.v2_beta_1_pipeline_task_detail_output_parameters import (
            V2Beta1PipelineTaskDetailOutputParameters,
        )
        from ..models.v2_beta_1_pipeline_task_detail_outputs import (
            V2Beta1PipelineTaskDetailOutputs,
        )
        from ..models.v2_beta_1_pipeline_task_detail_pod_annotations import (
            V2Beta1PipelineTaskDetailPodAnnotations,
        )
        from ..models.v2_beta_1_pipeline_task_detail_pod_labels import (
            V2Beta1PipelineTaskDetailPodLabels,
        )
        from ..models.v2_beta_1_runtime_status import V2Beta1RuntimeStatus

        d = dict(src_dict)
        run_id = d.pop("run_id", UNSET)

        task_id = d.pop("task_id", UNSET)

        display_name = d.pop("display_name", UNSET)

        _create_time = d.pop("create_time", UNSET)
        create_time: datetime.datetime | Unset
        if isinstance(_create_time, Unset):
            create_time = UNSET
        else:
            create_time = datetime.datetime.fromisoformat(_create_time)

        _start_time = d.pop("start_time", UNSET)
        start_time: datetime.datetime | Unset
        if isinstance(_start_time, Unset):
            start_time = UNSET
        else:
            start_time = datetime.datetime.fromisoformat(_start_time)

        _end_time = d.pop("end_time", UNSET)
        end_time: datetime.datetime | Unset
        if isinstance(_end_time, Unset):
            end_time = UNSET
        else:
            end_time = datetime.datetime.fromisoformat(_end_time)

        _state = d.pop("state", UNSET)
        state: V2Beta1RuntimeState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = V2Beta1RuntimeState(_state)

        _error = d.pop("error", UNSET)
        error: GoogleRpcStatus | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = GoogleRpcStatus.from_dict(_error)

        _inputs = d.pop("inputs", UNSET)
        inputs: V2Beta1PipelineTaskDetailInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = V2Beta1PipelineTaskDetailInputs.from_dict(_inputs)

        _outputs = d.pop("outputs", UNSET)
        outputs: V2Beta1PipelineTaskDetailOutputs | Unset
        if isinstance(_outputs, Unset):
            outputs = UNSET
        else:
            outputs = V2Beta1PipelineTaskDetailOutputs.from_dict(_outputs)

        parent_task_id = d.pop("parent_task_id", UNSET)

        _state_history = d.pop("state_history", UNSET)
        state_history: list[V2Beta1RuntimeStatus] | Unset = UNSET
        if _state_history is not UNSET:
            state_history = []
            for state_history_item_data in _state_history:
                state_history_item = V2Beta1RuntimeStatus.from_dict(state_history_item_data)

                state_history.append(state_history_item)

        _child_tasks = d.pop("child_tasks", UNSET)
        child_tasks: list[PipelineTaskDetailChildTask] | Unset = UNSET
        if _child_tasks is not UNSET:
            child_tasks = []
            for child_tasks_item_data in _child_tasks:
                child_tasks_item = PipelineTaskDetailChildTask.from_dict(child_tasks_item_data)

                child_tasks.append(child_tasks_item)

        _input_parameters = d.pop("input_parameters", UNSET)
        input_parameters: V2Beta1PipelineTaskDetailInputParameters | Unset
        if isinstance(_input_parameters, Unset):
            input_parameters = UNSET
        else:
            input_parameters = V2Beta1PipelineTaskDetailInputParameters.from_dict(_input_parameters)

        _output_parameters = d.pop("output_parameters", UNSET)
        output_parameters: V2Beta1PipelineTaskDetailOutputParameters | Unset
        if isinstance(_output_parameters, Unset):
            output_parameters = UNSET
        else:
            output_parameters = V2Beta1PipelineTaskDetailOutputParameters.from_dict(
                _output_parameters
            )

        _artifacts = d.pop("artifacts", UNSET)
        artifacts: list[V2Beta1ArtifactDetail] | Unset = UNSET
        if _artifacts is not UNSET:
            artifacts = []
            for artifacts_item_data in _artifacts:
                artifacts_item = V2Beta1ArtifactDetail.from_dict(artifacts_item_data)

                artifacts.append(artifacts_item)

        _kind = d.pop("kind", UNSET)
        kind: V2Beta1PipelineTaskDetailKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = V2Beta1PipelineTaskDetailKind(_kind)

        cached = d.pop("cached", UNSET)

        _pod_labels = d.pop("pod_labels", UNSET)
        pod_labels: V2Beta1PipelineTaskDetailPodLabels | Unset
        if isinstance(_pod_labels, Unset):
            pod_labels = UNSET
        else:
            pod_labels = V2Beta1PipelineTaskDetailPodLabels.from_dict(_pod_labels)

        _pod_annotations = d.pop("pod_annotations", UNSET)
        pod_annotations: V2Beta1PipelineTaskDetailPodAnnotations | Unset
        if isinstance(_pod_annotations, Unset):
            pod_annotations = UNSET
        else:
            pod_annotations = V2Beta1PipelineTaskDetailPodAnnotations.from_dict(_pod_annotations)

        v2_beta_1_pipeline_task_detail = cls(
            run_id=run_id,
            task_id=task_id,
            display_name=display_name,
            create_time=create_time,
            start_time=start_time,
            end_time=end_time,
            state=state,
            error=error,
            inputs=inputs,
            outputs=outputs,
            parent_task_id=parent_task_id,
            state_history=state_history,
            child_tasks=child_tasks,
            input_parameters=input_parameters,
            output_parameters=output_parameters,
            artifacts=artifacts,
            kind=kind,
            cached=cached,
            pod_labels=pod_labels,
            pod_annotations=pod_annotations,
        )

        v2_beta_1_pipeline_task_detail.additional_properties = d
        return v2_beta_1_pipeline_task_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
