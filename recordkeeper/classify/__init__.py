"""recordkeeper.classify."""
