"""APScheduler job functions: each computes `now` once and calls one service."""
