"""Use cases: the only code that touches both the core and the edges."""
