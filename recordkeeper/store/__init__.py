"""EDGE: persistence with SQLAlchemy 2 and Alembic; the only place that knows SQL."""
