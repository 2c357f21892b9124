"""Benchmarks, run as ``python -m bench <name> [args]`` (see bench/README.md)."""
