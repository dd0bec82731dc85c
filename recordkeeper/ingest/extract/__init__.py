"""recordkeeper.ingest.extract."""
