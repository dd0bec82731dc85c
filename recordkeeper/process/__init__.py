"""recordkeeper.process."""
