"""`python -m parity_check`: the same command line as `parity-check`."""
from .cli import run

run()
