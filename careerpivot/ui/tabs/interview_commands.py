"""The Interviews tab's commands: planning a new interview (the dialog that asks for it) and
deleting one (the question that says what goes with it). Each is undoable; the tab keeps the
list and the selection in step. Their texts are looked up under the tab's context,
"InterviewsTab" (the plural ones stay in the tab: pyside6-lupdate marks only ``tr()`` texts
as plurals)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import interviews, network, paths
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.add_interview import AddInterviewDialog
from careerpivot.ui.undo import push_add, push_delete
from careerpivot.ui.widgets.date_text import shown_datetime

translate = QCoreApplication.translate  # (a name lupdate recognises)


def plan_interview(parent: QWidget, ctx: AppContext, *, path_id: int | None,
                   contact_id: int | None) -> int | None:
    """Ask for a new interview (the person and path offered first: ``contact_id`` and
    ``path_id``) and create it, undoably; its id, or None when none was created."""
    title = translate("InterviewsTab", "New Interview")
    try:
        contacts = [(c.id, c.name, c.organization) for c in network.contact_choices()]
        path_choices = [(p.id, p.title) for p in paths.list_paths()]
    except CareerPivotError as exc:
        QMessageBox.warning(parent, title, exc.message)
        return None
    if not contacts:
        QMessageBox.information(parent, title, translate(
            "InterviewsTab",
            "Add the person to your network first (on the Network tab), then plan the "
            "conversation here."))
        return None
    values = AddInterviewDialog.ask(parent, contacts, path_choices, path_id=path_id,
                                    contact_id=contact_id)
    if not values:
        return None
    try:
        iid = interviews.create_interview(
            values["contact_id"], values["path_id"], values["scheduled_at"],
            values["minutes"], values["mode"])
    except CareerPivotError as exc:
        QMessageBox.warning(parent, title, exc.message)
        return None
    push_add(ctx, translate("InterviewsTab", "new interview"), Area.INTERVIEWS,
             lambda: interviews.delete_interview(iid))
    ctx.bus.changed.emit(Area.INTERVIEWS)
    ctx.bus.changed.emit(Area.CONTACTS)
    return iid


def confirm_delete(parent: QWidget, row: interviews.InterviewRow, parts: list[str]) -> bool:
    """Ask before deleting the interview ``row``, saying what is deleted with it (``parts``,
    e.g. "3 evidence verdicts"); True when the user said yes."""
    when = shown_datetime(row.scheduled_at) or translate("InterviewsTab", "no date")
    box = QMessageBox(QMessageBox.Icon.Question, translate("InterviewsTab", "Delete Interview"),
                      translate("InterviewsTab", "Delete the interview with {0} ({1})?").format(
                          row.contact_name, when),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("deleteInterviewDialog")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(translate("InterviewsTab", "Delete"))
    box.setInformativeText(
        translate("InterviewsTab", "Deleted with it: {0}.").format(", ".join(parts)) + "\n"
        + translate("InterviewsTab", "{0} stays in your network, and so does anyone they "
                                     "introduced. You can undo this.").format(row.contact_name))
    return box.exec() == QMessageBox.StandardButton.Yes


def delete_interview(parent: QWidget, ctx: AppContext, interview_id: int,
                     contact_name: str) -> bool:
    """Delete an interview (with ``contact_name``), undoably; False when it could not be."""
    try:
        snap = interviews.delete_interview(interview_id)
    except CareerPivotError as exc:
        QMessageBox.warning(parent, translate("InterviewsTab", "Delete Interview"), exc.message)
        return False
    push_delete(ctx, translate("InterviewsTab", "deletion of the interview with {0}").format(
        contact_name), Area.INTERVIEWS, snap, lambda: interviews.delete_interview(interview_id))
    return True
