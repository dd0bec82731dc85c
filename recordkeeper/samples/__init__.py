"""Realistic sample documents: builders for tests, the example share, benchmark corpora.

Shipped in the package (like `structlog.testing`) because `make run` builds
its example share from them and `bench/` generates corpora with them.
"""
