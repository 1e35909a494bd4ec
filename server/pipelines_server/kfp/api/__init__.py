"""The Kubeflow Pipelines v2beta1 surface (compatibility with the kfp SDK)."""
