"""Benchmarks: `make bench` runs bench/run.py, which writes BENCHMARKS.md."""
