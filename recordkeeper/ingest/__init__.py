"""recordkeeper.ingest."""
