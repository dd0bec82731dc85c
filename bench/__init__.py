"""Benchmarks live here; each script prints its results and the command that made them."""
