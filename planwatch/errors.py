"""Errors a user can act on.

Every failure caused by the input (a file we cannot read, a PDF without text, …) is an
``InputError``: the CLI prints its message as one line and exits non-zero, never a traceback.
"""


class PlanWatchError(Exception):
    """Base class of the errors PlanWatch reports to its user as one line."""


class InputError(PlanWatchError):
    """The input document cannot be processed; the message says why and what to do."""
