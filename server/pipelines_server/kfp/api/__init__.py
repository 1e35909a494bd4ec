"""The Kubeflow Pipelines surfaces (v2beta1, and v1alpha1's run logs): one handler module per
service tag of openapi/kfp-*.yaml, plus upstream's error bodies and wire conventions."""
