"""Web interface (server-rendered)."""
