"""`python -m newsarchive` runs the newsarchive command."""
from .cli import cli

cli(prog_name="newsarchive")
