"""The execution engine: graph rules, the node-instance state machine, executors, workers."""
