"""Turning managers' exports into validated snapshot batches (Polars lives only here)."""
