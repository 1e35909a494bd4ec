"""What every layer may use: domain errors, the principal, JSON safety checks."""
