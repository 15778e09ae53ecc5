"""The error taxonomy, with one root: every error a person can act on is a
:class:`CareerPivotError` and carries a message for a dialog.

Titles are English source texts marked with ``QT_TRANSLATE_NOOP("errors", …)``; the UI shows
them through its translator in the context ``errors`` (``ui.i18n.error_title``), so
translators get each one once. Messages are sentences meant to be shown as they are.

Everything else is a bug and goes to the excepthook (``careerpivot.ui.crash``), which logs the
traceback and shows a dialog instead of ending the app.
"""

from __future__ import annotations

from careerpivot.core.vocab import QT_TRANSLATE_NOOP

__all__ = [
    "QT_TRANSLATE_NOOP",
    "CareerPivotError",
    "ExportError",
    "ImportFileError",
    "NotFoundError",
    "StoreWriteError",
    "ValidationError",
    "WorkspaceOpenError",
]

#: The translation context of every error title.
CONTEXT = "errors"


class CareerPivotError(Exception):
    """An error the user can act on: ``title`` (a source text of the ``errors`` context),
    ``message`` and an optional technical ``detail``."""

    title = QT_TRANSLATE_NOOP("errors", "CareerPivot")

    def __init__(self, message: str, *, detail: str = "", title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        if title is not None:
            self.title = title


class ValidationError(CareerPivotError, ValueError):
    """Bad input for one field. ``field`` names the field, ``message`` says what to change."""

    title = QT_TRANSLATE_NOOP("errors", "Check what you entered")

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.args = (f"{field}: {message}",)
        self.field = field


class WorkspaceOpenError(CareerPivotError):
    """A workspace file could not be opened; ``kind`` says why (see store.failures.open_message)."""

    title = QT_TRANSLATE_NOOP("errors", "Cannot open the workspace")

    def __init__(self, kind: str, path: str, message: str, *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.kind = kind
        self.path = path


class StoreWriteError(CareerPivotError):
    """A change could not be stored. The caller keeps the user's text and may retry."""

    title = QT_TRANSLATE_NOOP("errors", "Your change was not saved")

    def __init__(self, kind: str, message: str, *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.kind = kind  # busy, disk_full, read_only, corrupt, io


class NotFoundError(CareerPivotError):
    title = QT_TRANSLATE_NOOP("errors", "Not found")


class ImportFileError(CareerPivotError):
    title = QT_TRANSLATE_NOOP("errors", "Cannot import the file")

    def __init__(self, message: str, *, line: int | None = None, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.line = line


class ExportError(CareerPivotError):
    title = QT_TRANSLATE_NOOP("errors", "Cannot write the file")
