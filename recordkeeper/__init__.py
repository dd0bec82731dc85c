"""recordkeeper: records compliance for FMB project folders.

Watches shared project folders, classifies documents, checks the work
instruction's steps, and drives registration, retention and personal-data
deadlines behind a tamper-evident audit log.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
