"""Benchmarks of `make bench`: each prints its sizes and measured figures."""
