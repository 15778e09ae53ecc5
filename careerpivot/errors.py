"""The error taxonomy: errors a person can act on carry a message for a dialog.

Everything else is a bug and goes to the excepthook (``careerpivot.ui.crash``), which logs the
traceback and shows a dialog instead of ending the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerpivot.core.validation import ValidationError

__all__ = [
    "CareerPivotError",
    "ExportError",
    "ImportFileError",
    "NotFoundError",
    "StoreWriteError",
    "ValidationError",
    "WorkspaceOpenError",
]


class CareerPivotError(Exception):
    """An error the user can act on. ``title`` and ``message`` are shown as they are."""

    title = "CareerPivot"

    def __init__(self, message: str, *, detail: str = "", title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        if title is not None:
            self.title = title


class WorkspaceOpenError(CareerPivotError):
    """A workspace file could not be opened; ``kind`` says why (see store.db.OpenFailure)."""

    title = "Cannot open the workspace"

    def __init__(self, kind: str, path: str, message: str, *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.kind = kind
        self.path = path


class StoreWriteError(CareerPivotError):
    """A change could not be stored. The caller keeps the user's text and may retry."""

    title = "Your change was not saved"

    def __init__(self, kind: str, message: str, *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.kind = kind  # busy, disk_full, read_only, corrupt, io


class NotFoundError(CareerPivotError):
    title = "Not found"


class ImportFileError(CareerPivotError):
    title = "Cannot import the file"

    def __init__(self, message: str, *, line: int | None = None, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.line = line


class ExportError(CareerPivotError):
    title = "Cannot write the file"


def __getattr__(name: str) -> type:
    # ValidationError is defined with the validation rules (core.validation, whose imports
    # and patterns the window does not need before its first paint): loaded when asked for.
    if name == "ValidationError":
        from careerpivot.core.validation import ValidationError

        return ValidationError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
