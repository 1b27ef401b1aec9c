"""``python -m conflictlens``: the command line."""

from conflictlens.cli import main

main()
