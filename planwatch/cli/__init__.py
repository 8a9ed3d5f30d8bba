"""The ``planwatch`` command line: one thin command per library call.

The top layer (store → monitor → report and web → cli): a command parses its options, makes one
call into the library and formats the answer, so the Python user has the same power.

* ``app`` — the ``main`` group, one-line errors and exit codes, the options commands share;
* ``extract`` — the facts of one file, no database;
* ``store`` — ingest, the monitoring questions, corrections, export, backup, ``demo``;
* ``projects`` — key projects;
* ``report`` — the evaluation report;
* ``web`` — ``serve``, the dashboard and JSON API.

Importing this package imports every command module, so ``main`` holds every command.
"""

from planwatch.cli import extract, projects, report, store, web  # noqa: F401  (they add their commands)
from planwatch.cli.app import main, run

__all__ = ["main", "run"]
