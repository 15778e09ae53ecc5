"""What the status bar says once an export is written: what went into the file, in words, and
the file's name — "Exported 124 contacts to contacts.csv.", "Saved the transition plan
(3 pages) to plan.pdf." — with "Show in Folder" beside it. The full path is the tooltip,
never the message (see :mod:`careerpivot.ui.widgets.status_notice`).

The data exports (File > Export ▸) and the PDF documents (``ui.export``) both say it here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import DataBus

if TYPE_CHECKING:
    from careerpivot.services.exports import Exported

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


def _list_sentence(list_name: str, count: int, name: str) -> str:
    """ "Exported 124 contacts to contacts.csv." for one list (one sentence per list, so that
    each reads well in every language)."""
    if list_name == "contacts":
        text = translate("ExportNotice", "Exported %Ln contact(s) to {0}.", "", count)
    elif list_name == "interviews":
        text = translate("ExportNotice", "Exported %Ln interview(s) to {0}.", "", count)
    elif list_name == "assumptions":
        text = translate("ExportNotice", "Exported %Ln assumption(s) to {0}.", "", count)
    elif list_name == "skills":
        text = translate("ExportNotice", "Exported %Ln skill(s) to {0}.", "", count)
    elif list_name == "learning":
        text = translate("ExportNotice", "Exported %Ln learning item(s) to {0}.", "", count)
    elif list_name == "milestones":
        text = translate("ExportNotice", "Exported %Ln milestone(s) to {0}.", "", count)
    elif list_name == "log":
        text = translate("ExportNotice", "Exported %Ln log item(s) to {0}.", "", count)
    else:
        text = translate("ExportNotice", "Exported %Ln row(s) to {0}.", "", count)
    return text.format(name)


def data_text(kind: str, target: Path, written: list[Exported]) -> str:
    """The sentence for a data export of ``kind`` (csv, csv-all, ics, vcf, json) to
    ``target`` that wrote ``written``."""
    first = written[0] if written else None
    name = first.path.name if first is not None else target.name
    count = first.count if first is not None else 0
    if kind == "csv" and first is not None:
        (list_name,) = first.counts
        return _list_sentence(list_name, count, name)
    if kind == "csv-all":
        rows = sum(w.count for w in written)
        lists = translate("ExportNotice", "%Ln list(s)", "", len(written))
        return translate("ExportNotice", "Exported {0} ({1}) to the folder {2}.").format(
            lists, translate("ExportNotice", "%Ln row(s)", "", rows), target.name)
    if kind == "ics":
        return translate("ExportNotice", "Exported %Ln calendar event(s) to {0}.", "",
                         count).format(name)
    if kind == "vcf":
        return translate("ExportNotice", "Exported %Ln contact(s) to {0}.", "",
                         count).format(name)
    counts = first.counts if first is not None else {}
    return translate("ExportNotice", "Exported the whole workspace ({0}, {1}) to {2}.").format(
        translate("ExportNotice", "%Ln contact(s)", "", counts.get("contact", 0)),
        translate("ExportNotice", "%Ln interview(s)", "", counts.get("interview", 0)), name)


def document_text(kind: str, pages: int, path: Path) -> str:
    """ "Saved the summary (1 page) to summary.pdf." for a PDF document of ``kind``."""
    if kind == "summary":
        text = translate("ExportNotice", "Saved the summary (%n page(s)) to {0}.", "", pages)
    elif kind == "plan":
        text = translate("ExportNotice", "Saved the transition plan (%n page(s)) to {0}.", "",
                         pages)
    elif kind == "prep":
        text = translate("ExportNotice", "Saved the prep sheet (%n page(s)) to {0}.", "",
                         pages)
    else:
        text = translate("ExportNotice", "Saved %n page(s) to {0}.", "", pages)
    return text.format(path.name)


def announce(window: QWidget, bus: DataBus, text: str, where: Path) -> None:
    """Show ``text`` in ``window``'s status bar with "Show in Folder" (the folder that holds
    ``where``, or the folder ``where``), its full path the tooltip; on the bus's status line
    when there is no main window."""
    from careerpivot.ui.widgets import status_notice

    notice = status_notice.for_window(window)
    if notice is None:
        bus.status.emit(text)
        return
    notice.show_notice(text, translate("ExportNotice", "Show in Folder"),
                       lambda: status_notice.show_folder(where), tooltip=str(where))
