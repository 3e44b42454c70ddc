"""`sitroom collect` commands (being written)."""


def register(subparsers) -> None:
    """Add this group's commands to the parser."""
