"""Kubeflow Pipelines v2beta1: the surface, its rules, its run queue and its DAG runner."""
