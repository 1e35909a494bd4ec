# isort: skip_file
"""Every module that registers a job kind's handler (`@jobs.handler`): the runner imports
this one module so that each process knows every kind."""

from . import dataset_jobs  # noqa: F401 - dataset_import, dataset_eval

from . import task_jobs  # noqa: F401 - create_tasks, seed_from_dataset, export_tasks

from . import experiments  # noqa: F401 - experiment

from . import chains  # noqa: F401 - workflow_chain
