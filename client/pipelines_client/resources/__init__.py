"""Resource helpers hung on a client: `client.projects`, `client.tasks`, ...

Each helper is a thin class over `client.call` / `client.paginate` with the generated
operations; it adds behaviour (iteration, waiting, uploads), never a second copy of a model.
A helper whose methods are single calls serves both clients as it is (the async client's
calls are awaitables, its pages async iterators); helpers made of several calls have an
Async twin.
"""

from __future__ import annotations

from .datasets import AsyncDatasets, Datasets
from .events import AsyncEvents, Events
from .experiments import AsyncExperiments, Experiments
from .files import AsyncFiles, Files
from .jobs import AsyncJobs, Jobs
from .keys import AsyncKeys, Keys
from .kfp import AsyncRuns, Kfp, Runs
from .projects import AsyncProjects, Projects
from .tasks import AsyncTasks, Tasks
from .v1 import V1, AsyncV1
from .work import AsyncWork, Work
from .workflows import AsyncWorkflows, Workflows


def attach(client) -> None:
    client.projects = Projects(client)
    client.workflows = Workflows(client)
    client.tasks = Tasks(client)
    client.jobs = Jobs(client)
    client.datasets = Datasets(client)
    client.experiments = Experiments(client)
    client.work = Work(client)
    client.keys = Keys(client)
    client.files = Files(client)
    client.events = Events(client)
    client.v1 = V1(client)
    client.kfp = Kfp(client, Runs)


def attach_async(client) -> None:
    client.projects = AsyncProjects(client)
    client.workflows = AsyncWorkflows(client)
    client.tasks = AsyncTasks(client)
    client.jobs = AsyncJobs(client)
    client.datasets = AsyncDatasets(client)
    client.experiments = AsyncExperiments(client)
    client.work = AsyncWork(client)
    client.keys = AsyncKeys(client)
    client.files = AsyncFiles(client)
    client.events = AsyncEvents(client)
    client.v1 = AsyncV1(client)
    client.kfp = Kfp(client, AsyncRuns)
