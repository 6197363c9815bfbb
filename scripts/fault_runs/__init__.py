"""The pieces of `make faults` (scripts/faults.py): the servers, the faults, the figures."""
