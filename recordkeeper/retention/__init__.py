"""recordkeeper.retention."""
