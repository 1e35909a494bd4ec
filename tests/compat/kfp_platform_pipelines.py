"""Our own pipelines for tests/compat/test_kfp_platform.py: each exercises one kfp-kubernetes
feature (or the workspace) the way one of Kubeflow's v2 samples does (pipeline_with_secret_as_env,
pipeline_with_secret_as_volume, pipeline_with_pod_metadata, pipeline_with_volume,
pipeline_with_workspace), with components that assert what the sample's components assert.

No `from __future__ import annotations`: the kfp compiler reads the annotations as types."""

from kfp import dsl, kubernetes
from kfp.dsl import OutputPath


@dsl.component(base_image="python:3.11")
def read_env_secrets() -> str:
    import os

    assert os.environ["LOGIN"] == "alice", "LOGIN"
    assert os.environ["TOKEN_A"] == "token-a", "TOKEN_A"
    assert os.environ["TOKEN_B"] == "token-b", "TOKEN_B"
    return "env ok"


@dsl.component(base_image="python:3.11")
def name_of_a_secret(name: OutputPath(str)):
    with open(name, "w") as f:
        f.write("kfp-secret-three")


@dsl.pipeline(name="secret-as-env")
def secret_as_env(secret_name: str = "kfp-secret-one") -> str:
    task = read_env_secrets()
    # The secret's name as a pipeline parameter, a constant and an upstream task's output.
    kubernetes.use_secret_as_env(task, secret_name=secret_name, secret_key_to_env={"user": "LOGIN"})
    kubernetes.use_secret_as_env(
        task, secret_name="kfp-secret-two", secret_key_to_env={"token": "TOKEN_A"}
    )
    named = name_of_a_secret()
    kubernetes.use_secret_as_env(
        task, secret_name=named.output, secret_key_to_env={"token": "TOKEN_B"}
    )
    return task.output


@dsl.component(base_image="python:3.11")
def read_volume_secret() -> str:
    import os

    with open(os.path.join("/mnt/secret", "user"), "rb") as f:
        user = f.read().decode()
    assert user == "alice", user
    return user


@dsl.pipeline(name="secret-as-volume")
def secret_as_volume(secret_name: str = "kfp-secret-one") -> str:
    task = read_volume_secret()
    kubernetes.use_secret_as_volume(task, secret_name=secret_name, mount_path="/mnt/secret")
    return task.output


@dsl.component(base_image="python:3.11")
def print_env_secret():
    import os

    print("the secret is " + os.environ.get("SECRET_USER", ""))


@dsl.pipeline(name="missing-secret")
def missing_secret(secret_name: str = "kfp-no-such-secret"):
    task = print_env_secret()
    kubernetes.use_secret_as_env(
        task, secret_name=secret_name, secret_key_to_env={"user": "SECRET_USER"}
    )


@dsl.component(base_image="python:3.11")
def read_pod_metadata() -> str:
    import os

    assert os.getenv("ANNOTATION") == "note", os.getenv("ANNOTATION")
    assert os.getenv("LABEL_ONE") == "one", os.getenv("LABEL_ONE")
    assert os.getenv("LABEL_TWO") == "two", os.getenv("LABEL_TWO")
    return "metadata ok"


@dsl.component(base_image="python:3.11")
def read_no_pod_metadata() -> str:
    import os

    # Not set on this task: the downward API gives "" (set, empty).
    assert os.environ["ANNOTATION"] == "", os.environ["ANNOTATION"]
    assert os.environ["LABEL_ONE"] == "", os.environ["LABEL_ONE"]
    return "no metadata ok"


@dsl.pipeline(name="pod-metadata")
def pod_metadata():
    task = read_pod_metadata().set_caching_options(False)
    kubernetes.add_pod_label(task, "task-label-1", "one")
    kubernetes.add_pod_label(task, "task-label-2", "two")
    kubernetes.add_pod_annotation(task, "task-annotation", "note")
    kubernetes.use_field_path_as_env(task, "ANNOTATION", "metadata.annotations['task-annotation']")
    kubernetes.use_field_path_as_env(task, "LABEL_ONE", "metadata.labels['task-label-1']")
    kubernetes.use_field_path_as_env(task, "LABEL_TWO", "metadata.labels['task-label-2']")
    bare = read_no_pod_metadata().set_caching_options(False)
    kubernetes.use_field_path_as_env(bare, "ANNOTATION", "metadata.annotations['task-annotation']")
    kubernetes.use_field_path_as_env(bare, "LABEL_ONE", "metadata.labels['task-label-1']")


@dsl.component(base_image="python:3.11")
def produce_on_volume() -> str:
    with open("/data/file.txt", "w") as f:
        f.write("Hello world")
    with open("/data/file.txt") as f:
        return f.read()


@dsl.component(base_image="python:3.11")
def consume_from_volume() -> str:
    with open("/data/file.txt") as f:
        return f.read()


@dsl.pipeline(name="volume")
def volume() -> str:
    pvc = kubernetes.CreatePVC(
        pvc_name_suffix="-my-pvc", access_modes=["ReadWriteOnce"], size="5Mi"
    ).set_caching_options(False)
    producer = produce_on_volume().set_caching_options(False)
    consumer = consume_from_volume().after(producer).set_caching_options(False)
    kubernetes.mount_pvc(producer, pvc_name=pvc.outputs["name"], mount_path="/data")
    kubernetes.mount_pvc(consumer, pvc_name=pvc.outputs["name"], mount_path="/data")
    kubernetes.DeletePVC(pvc_name=pvc.outputs["name"]).after(consumer)
    return consumer.output


@dsl.component(base_image="python:3.11")
def write_text(text: str) -> str:
    with open("/data/text.txt", "w") as f:
        f.write(text)
    return text


@dsl.pipeline(name="named-volume")
def named_volume(text: str = "kept") -> str:
    """Creates (or reuses) the volume `kept-volume` and leaves it there."""
    pvc = kubernetes.CreatePVC(pvc_name="kept-volume", access_modes=["ReadWriteOnce"], size="1Mi")
    writer = write_text(text=text).set_caching_options(False)
    kubernetes.mount_pvc(writer, pvc_name=pvc.outputs["name"], mount_path="/data")
    return writer.output


@dsl.component(base_image="python:3.11")
def read_text() -> str:
    with open("/data/text.txt") as f:
        return f.read()


@dsl.pipeline(name="mount-existing-volume")
def mount_existing_volume(volume: str = "kept-volume") -> str:
    reader = read_text().set_caching_options(False)
    kubernetes.mount_pvc(reader, pvc_name=volume, mount_path="/data")
    return reader.output


@dsl.component(base_image="python:3.11")
def write_to_workspace(workspace_path: str) -> str:
    import os

    path = os.path.join(workspace_path, "data", "test_file.txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("Hello from workspace!")
    return path


@dsl.component(base_image="python:3.11")
def read_from_workspace(file_path: str) -> str:
    with open(file_path) as f:
        content = f.read()
    assert content == "Hello from workspace!", content
    return content


@dsl.pipeline(
    name="workspace",
    pipeline_config=dsl.PipelineConfig(
        workspace=dsl.WorkspaceConfig(
            size="1Gi",
            kubernetes=dsl.KubernetesWorkspaceConfig(pvcSpecPatch={"storageClassName": "std"}),
        )
    ),
)
def workspace() -> str:
    written = write_to_workspace(workspace_path=dsl.WORKSPACE_PATH_PLACEHOLDER)
    return read_from_workspace(file_path=written.output).output


@dsl.component(base_image="python:3.11")
def fail_after(file_path: str):
    raise RuntimeError("failing on purpose after writing " + file_path)


@dsl.pipeline(
    name="workspace-then-failure",
    pipeline_config=dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size="1Mi")),
)
def workspace_then_failure():
    # Not cached: the workspace test's run wrote the same file with the same inputs.
    written = write_to_workspace(workspace_path=dsl.WORKSPACE_PATH_PLACEHOLDER)
    written.set_caching_options(False)
    fail_after(file_path=written.output)


@dsl.component(
    base_image="python:3.11",
    task_config_passthroughs=[
        dsl.TaskConfigPassthrough(field=dsl.TaskConfigField.ENV, apply_to_task=True),
        dsl.TaskConfigField.RESOURCES,
        dsl.TaskConfigField.KUBERNETES_VOLUMES,
        dsl.TaskConfigField.KUBERNETES_NODE_SELECTOR,
        dsl.TaskConfigField.KUBERNETES_TOLERATIONS,
    ],
)
def echo_task_config(workspace_path: str, task_config: dsl.TaskConfig) -> str:
    import dataclasses
    import json
    import os

    assert os.environ["GREETING"] == "hi"
    return json.dumps(dataclasses.asdict(task_config), sort_keys=True)


@dsl.pipeline(
    name="task-config",
    pipeline_config=dsl.PipelineConfig(workspace=dsl.WorkspaceConfig(size="1Mi")),
)
def task_config() -> str:
    pvc = kubernetes.CreatePVC(
        pvc_name="task-config-volume", access_modes=["ReadWriteOnce"], size="1Mi"
    ).set_caching_options(False)
    task = (
        echo_task_config(workspace_path=dsl.WORKSPACE_PATH_PLACEHOLDER)
        .set_caching_options(False)
        .set_cpu_limit("100m")
        .set_memory_request("100Mi")
        .set_env_variable(name="GREETING", value="hi")
    )
    kubernetes.mount_pvc(task, pvc_name=pvc.outputs["name"], mount_path="/data")
    kubernetes.add_node_selector(task, label_key="disktype", label_value="ssd")
    kubernetes.add_toleration(task, key="k", operator="Exists", effect="NoExecute")
    kubernetes.DeletePVC(pvc_name=pvc.outputs["name"]).after(task)
    return task.output


@dsl.pipeline(name="volume-over-the-interpreter")
def volume_over_the_interpreter():
    """A writable volume over what the sandbox's first process runs (before its uid drop)."""
    pvc = kubernetes.CreatePVC(pvc_name="over-usr", access_modes=["ReadWriteOnce"], size="1Mi")
    task = read_text().set_caching_options(False)
    kubernetes.mount_pvc(task, pvc_name=pvc.outputs["name"], mount_path="/usr/lib")
