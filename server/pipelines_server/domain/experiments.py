"""Job handlers of issue 11 (filled in by its work)."""
