"""The performance harness: `make bench` writes results.md and results.json here."""
