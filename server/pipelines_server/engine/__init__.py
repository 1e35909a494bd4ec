"""The execution engine: the kind catalogue, graph validation and compiled graphs, the task
state machine, claims, executors, and the workers (in-process pool, Celery)."""
