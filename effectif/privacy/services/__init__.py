"""Writes of the privacy app: rights requests, archives, erasures and the purge."""
