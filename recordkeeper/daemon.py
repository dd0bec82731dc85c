"""SHELL: the long-running service (built out by the ingest issue)."""
