"""recordkeeper.registry."""
