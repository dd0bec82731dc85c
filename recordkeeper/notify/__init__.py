"""recordkeeper.notify."""
