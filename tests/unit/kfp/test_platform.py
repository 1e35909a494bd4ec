"""kfp/platform.py, kfp/volumes.py and kfp/workspaces.py: the rules that map kfp-kubernetes
settings onto the server, without a server (no sandbox: folders and values only)."""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest

from pipelines_server.kfp import workspaces
from pipelines_server.kfp.platform import Platform, PlatformError, secret_data
from pipelines_server.kfp.volumes import VolumeError, Volumes, check_name


class Store:
    """The two IOStore reads the platform uses."""

    def __init__(self, inputs=None, outputs=None):
        self.inputs, self.outputs = inputs or {}, outputs or {}

    def get_parent_input(self, name):
        if name not in self.inputs:
            raise ValueError(name)
        return self.inputs[name]

    def get_task_output(self, task, key):
        return self.outputs[(task, key)]


def _spec(executors=None, workspace=False):
    k8s = {"deploymentSpec": {"executors": executors or {}}}
    if workspace:
        k8s["pipelineConfig"] = {"workspace": {"size": "1Mi"}}
    return {"platforms": {"kubernetes": k8s}}


def _platform(tmp_path, spec, secrets=None, sandboxed=True, org_id=1):
    return Platform(
        spec,
        run_id="run-1",
        volumes=Volumes(tmp_path, org_id),
        secrets=secrets,
        sandboxed=sandboxed,
        namespace="ns",
    )


def test_a_credential_is_a_secret_of_its_json_keys_or_of_api_key_and_base_url():
    cred = SimpleNamespace(api_key=json.dumps({"username": "u"}), base_url="https://x")
    assert secret_data(cred) == {"username": "u"}
    plain = SimpleNamespace(api_key="sk-1", base_url="https://x")
    assert secret_data(plain) == {"api_key": "sk-1", "base_url": "https://x"}
    nested = SimpleNamespace(api_key=json.dumps({"a": {"b": 1}}), base_url="https://x")
    assert secret_data(nested)["api_key"] == nested.api_key


@pytest.mark.parametrize("name", ["../x", "a/b", "UPPER", "", "-a", "a" * 254, ".."])
def test_volume_names_are_kubernetes_names_and_never_paths(name):
    with pytest.raises(VolumeError):
        check_name(name)


def test_create_pvc_names_as_upstream_and_deletes(tmp_path):
    vols = Volumes(tmp_path, 7)
    name = vols.create({"pvc_name_suffix": "-data"})
    assert name.endswith("-data") and len(name) == 36 + 5
    assert (tmp_path / "7" / "pvc" / name).is_dir()
    assert vols.create({"pvc_name": "fixed"}) == "fixed"
    with pytest.raises(VolumeError):
        vols.create({"pvc_name": "a", "pvc_name_suffix": "-b"})
    vols.delete(name)
    assert not (tmp_path / "7" / "pvc" / name).exists()
    with pytest.raises(VolumeError, match="no volume"):
        vols.delete(name)


def test_one_organizations_volume_is_not_anothers(tmp_path):
    Volumes(tmp_path, 1).create({"pvc_name": "shared"})
    with pytest.raises(VolumeError, match="no volume 'shared' in this organization"):
        Volumes(tmp_path, 2).mountable("shared")


def test_secret_names_resolve_from_constants_inputs_and_outputs(tmp_path):
    seen = []

    def secrets(name):
        seen.append(name)
        return {"k": f"value-of-{name}"}

    spec = _spec(
        {
            "exec-a": {
                "secretAsEnv": [
                    {
                        "keyToEnv": [{"envVar": "A", "secretKey": "k"}],
                        "secretNameParameter": {"componentInputParameter": "p"},
                    },
                    {
                        "keyToEnv": [{"envVar": "B", "secretKey": "k"}],
                        "secretNameParameter": {"runtimeValue": {"constant": "c"}},
                    },
                    {
                        "keyToEnv": [{"envVar": "C", "secretKey": "k"}],
                        "secretNameParameter": {
                            "taskOutputParameter": {
                                "producerTask": "t",
                                "outputParameterKey": "o",
                            }
                        },
                    },
                ]
            }
        }
    )
    store = Store({"pipelinechannel--p": "from-input"}, {("t", "o"): "from-output"})
    out = _platform(tmp_path, spec, secrets).for_task("exec-a", {}, store, "task")
    assert seen == ["from-input", "c", "from-output"]
    assert out.secret_env == {
        "A": "value-of-from-input",
        "B": "value-of-c",
        "C": "value-of-from-output",
    }
    assert out.env == {}


def test_a_missing_secret_fails_unless_optional_and_never_quotes_values(tmp_path):
    def secrets(name):
        raise LookupError(f"credential {name!r} does not exist in this organization")

    item = {
        "keyToEnv": [{"envVar": "A", "secretKey": "k"}],
        "secretNameParameter": {"runtimeValue": {"constant": "gone"}},
    }
    platform = _platform(tmp_path, _spec({"exec-a": {"secretAsEnv": [item]}}), secrets)
    with pytest.raises(PlatformError, match="Secret 'gone' cannot be read"):
        platform.for_task("exec-a", {}, Store(), "task")
    optional = _platform(
        tmp_path, _spec({"exec-a": {"secretAsEnv": [{**item, "optional": True}]}}), secrets
    )
    assert optional.for_task("exec-a", {}, Store(), "task").secret_env == {}
    present = _platform(
        tmp_path, _spec({"exec-a": {"secretAsEnv": [item]}}), lambda n: {"other": "s3cr3t"}
    )
    with pytest.raises(PlatformError) as err:
        present.for_task("exec-a", {}, Store(), "task")
    assert "no key 'k'" in str(err.value) and "s3cr3t" not in str(err.value)


def test_a_secret_volume_is_a_folder_of_files_removed_after_the_task(tmp_path):
    item = {
        "mountPath": "/mnt/secret",
        "secretNameParameter": {"runtimeValue": {"constant": "s"}},
    }
    platform = _platform(
        tmp_path, _spec({"exec-a": {"secretAsVolume": [item]}}), lambda n: {"user": "u1"}
    )
    out = platform.for_task("exec-a", {}, Store(), "task")
    [mount] = out.mounts
    assert mount.target == "/mnt/secret" and not mount.writable
    with open(os.path.join(mount.source, "user")) as f:
        assert f.read() == "u1"
    out.cleanup()
    assert not os.path.exists(mount.source)


def test_field_paths_read_labels_annotations_and_the_task(tmp_path):
    config = {
        "podMetadata": {"labels": {"l": "lv"}, "annotations": {"a": "av"}},
        "fieldPathAsEnv": [
            {"name": "L", "fieldPath": "metadata.labels['l']"},
            {"name": "A", "fieldPath": "metadata.annotations['a']"},
            {"name": "NONE", "fieldPath": "metadata.labels['missing']"},
            {"name": "NAME", "fieldPath": "metadata.name"},
            {"name": "NS", "fieldPath": "metadata.namespace"},
        ],
    }
    platform = _platform(tmp_path, _spec({"exec-a": config}))
    out = platform.for_task("exec-a", {}, Store(), "task-9")
    assert out.env == {"L": "lv", "A": "av", "NONE": "", "NAME": "task-9", "NS": "ns"}
    assert platform.labels("exec-a") == ({"l": "lv"}, {"a": "av"})
    odd = {"fieldPathAsEnv": [{"name": "IP", "fieldPath": "status.podIP"}]}
    with pytest.raises(PlatformError, match="status.podIP"):
        _platform(tmp_path, _spec({"exec-a": odd})).for_task("exec-a", {}, Store(), "t")


def test_config_maps_fail_the_task_with_a_reason(tmp_path):
    spec = _spec({"exec-a": {"configMapAsEnv": [{"configMapName": "c"}]}})
    with pytest.raises(PlatformError, match="ConfigMap"):
        _platform(tmp_path, spec).for_task("exec-a", {}, Store(), "t")


def test_the_workspace_placeholder_resolves_to_the_mount_or_to_the_folder(tmp_path):
    args = {"path": workspaces.PLACEHOLDER + "/x", "n": 1}
    boxed = _platform(tmp_path, _spec(workspace=True))
    assert boxed.resolve_arguments(args) == {"path": "/kfp-workspace/x", "n": 1}
    out = boxed.for_task("exec-a", {"path": "/kfp-workspace/x"}, Store(), "t")
    [mount] = out.mounts
    assert mount.target == "/kfp-workspace" and mount.writable and out.shared_storage
    assert mount.source == str(tmp_path / "1" / "workspaces" / "run-1")
    bare = _platform(tmp_path, _spec(workspace=True), sandboxed=False)
    assert bare.resolve_arguments(args)["path"] == mount.source + "/x"
    boxed.finished(succeeded=True)
    assert not os.path.exists(mount.source)
    with pytest.raises(PlatformError, match="no workspace"):
        _platform(tmp_path, _spec()).resolve_arguments(args)


def test_the_workspace_is_hidden_from_kfp_local_and_restored():
    command = ["x", workspaces.PLACEHOLDER, "/kfp-workspace/a"]
    shielded = workspaces.shield(command)
    assert not any("kfp-workspace" in part or "{{$" in part for part in shielded)
    restored = workspaces.restore(shielded, "/kfp-workspace")
    assert restored == ["x", "/kfp-workspace", "/kfp-workspace/a"]
    inputs = {"inputs": {"parameterValues": {"p": "/kfp-workspace/f", "n": 2}}}
    assert json.dumps(workspaces.shield_inputs(inputs)).count("kfp-workspace") == 0


def test_a_task_config_struct_holds_only_the_fields_passed_through():
    from kfp.pipeline_spec import pipeline_spec_pb2 as pb

    from pipelines_server.kfp import task_config

    component = pb.ComponentSpec()
    component.input_definitions.parameters["tc"].parameter_type = task_config.TASK_CONFIG_TYPE
    component.input_definitions.parameters["n"].parameter_type = 1
    for field in (2, 4, 3):  # ENV, KUBERNETES_TOLERATIONS, KUBERNETES_AFFINITY
        component.task_config_passthroughs.add(field=field)
    container = pb.PipelineDeploymentConfig.PipelineContainerSpec()
    container.env.add(name="A", value="1")
    config = {
        "tolerations": [{"key": "k", "operator": "Exists", "tolerationSeconds": "60"}],
        "nodeAffinity": [
            {"matchExpressions": [{"key": "d", "operator": "In", "values": ["x"]}]},
            {"matchExpressions": [{"key": "z", "operator": "Exists"}], "weight": 5},
        ],
    }
    assert task_config.inputs(component) == ["tc"]
    assert task_config.build(component, container, config, [], None) == {
        "env": [{"name": "A", "value": "1"}],
        "tolerations": [{"key": "k", "operator": "Exists", "tolerationSeconds": 60}],
        "affinity": {
            "nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": {
                    "nodeSelectorTerms": [
                        {"matchExpressions": [{"key": "d", "operator": "In", "values": ["x"]}]}
                    ]
                },
                "preferredDuringSchedulingIgnoredDuringExecution": [
                    {
                        "weight": 5,
                        "preference": {"matchExpressions": [{"key": "z", "operator": "Exists"}]},
                    }
                ],
            }
        },
    }
