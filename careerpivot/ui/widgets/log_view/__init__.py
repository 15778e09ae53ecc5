"""The tracking log: dated insights, decisions, weekly reviews, follow-up actions and outreach,
with search and filters, adding and editing entries, and marking actions done.

The list is read from ``services.log`` in one query per load, newest first, capped at
:data:`LOG_LIMIT` entries (a search or a filter reaches older ones); the search runs in the
service, after a short pause in typing.

The package: ``view`` holds the widget, :class:`LogView`; ``model`` its table model,
:class:`LogModel`, and :func:`status_colors`; ``entry_dialog`` the dialog that adds or edits
an entry, :class:`LogEntryDialog`.
"""

from careerpivot.ui.widgets.log_view.entry_dialog import LogEntryDialog
from careerpivot.ui.widgets.log_view.model import (
    COLUMN_COUNT,
    DATE,
    ENTRY,
    KIND,
    LINKED,
    STATUS,
    LogModel,
    status_colors,
)
from careerpivot.ui.widgets.log_view.view import LOG_LIMIT, SEARCH_DEBOUNCE_MS, LogView

__all__ = ["COLUMN_COUNT", "DATE", "ENTRY", "KIND", "LINKED", "LOG_LIMIT", "SEARCH_DEBOUNCE_MS",
           "STATUS", "LogEntryDialog", "LogModel", "LogView", "status_colors"]
