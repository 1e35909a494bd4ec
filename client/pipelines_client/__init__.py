"""Hand-written SDK on top of the generated clients (grows with later surfaces)."""
