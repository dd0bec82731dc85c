"""PURE: decides from observed (size, mtime, time) which files are done being written."""
