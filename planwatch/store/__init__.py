"""The PlanWatch indicator database: ingest documents, keep versions and corrections.

``Store`` is the library entry point; ``planwatch.cli.store`` puts a command line over it.
"""

from planwatch.store.backend import StoreError, default_db_path
from planwatch.store.core import IngestReport, IngestResult, Store, collect_files, open_store
from planwatch.store.corrections import CorrectionError

__all__ = [
    "CorrectionError",
    "IngestReport",
    "IngestResult",
    "Store",
    "StoreError",
    "collect_files",
    "default_db_path",
    "open_store",
]
