"""Outreach messages: a composer that fills a template for a contact, and the template editor.

The composer checks what it fills: the word count (a warning above
``core.templates.WORD_LIMIT``), whether a request ends with a question, whether it proposes a
short call, and which facts are missing. The message can be copied or opened in the mail
program (a ``mailto:`` link with the subject and body percent-encoded); *Mark as Sent* logs an
outreach entry and moves the contact's stage forward (``services.outreach.record_sent``),
undoable with Edit > Undo.

The template editor stores every edit when it is made (a :class:`FormBinder`), in the
workspace; *Restore Original* brings back the words the app started with.

The package: ``dialog`` holds the coordinator, :class:`OutreachDialog`, with the list of
templates; it tells its two pages which template is chosen, and the editor tells it (a Qt
signal) when the template was stored. ``composer`` holds the "Message" page,
``template_editor`` the "Edit Template" page and ``message_checks`` what both say about a
text. Every text of the package is looked up under the context "OutreachDialog".
"""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from careerpivot.ui.dialogs.outreach.dialog import OutreachDialog
from careerpivot.ui.dialogs.outreach.message_checks import checks, placeholder_names

__all__ = ["OutreachDialog", "checks", "open_url", "placeholder_names"]


def open_url(url: QUrl) -> bool:
    """Hand a link to the desktop (tests replace this)."""
    return QDesktopServices.openUrl(url)
