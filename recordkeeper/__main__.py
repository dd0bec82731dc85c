"""`python -m recordkeeper` runs the command-line interface."""

from recordkeeper.cli import main

main()
