"""EDGE: how the service meets its operators: systemd notifications, leader election, metrics.

Each module here is called by the daemon (the shell); none holds business rules.
"""
