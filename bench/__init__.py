"""The benchmark: synthetic universes and the measurements of docs/performance.md."""
