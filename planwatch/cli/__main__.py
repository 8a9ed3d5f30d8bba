"""``python -m planwatch.cli``: the same as the ``planwatch`` command."""

from planwatch.cli import run

if __name__ == "__main__":
    run()
