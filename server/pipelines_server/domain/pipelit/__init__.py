"""The rules of the Pipelit dialect: its node-type catalogue and edge rules, its workflows
compiled onto native workflows, executions as native tasks, and the resources only Pipelit
has (schedules by interval, workspaces, memories, epics and tasks)."""
