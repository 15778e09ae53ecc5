"""Only a held conversation counts as evidence: the question asked when a verdict or a skill
mention is recorded on one that was not held (services.interviews.NotHeldError), and the undo
step of holding it — its own step, apart from the verdict or mention that follows: undoing
that leaves the conversation held, undoing again puts back its status, date, the person as
recorded, its follow-up actions and its contact's stage."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from careerpivot.services import interviews
from careerpivot.services.interviews import HoldChange, HoldOffer
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.undo import push_change


def _day(day) -> str:
    return QLocale().toString(day, QLocale.FormatType.LongFormat)


class HoldQuestion:
    """"Mark this conversation as held on <its date>?", or, when it lies ahead, "… today,
    moving it from <its date>?"; yes marks it held, no keeps nothing."""

    @staticmethod
    def texts(offer: HoldOffer) -> tuple[str, str]:
        """The question and its explanation."""
        translate = QCoreApplication.translate
        if not offer.moves:
            question = translate("HoldQuestion", "Mark this conversation as held on {0}?"
                                 ).format(_day(offer.day))
        elif offer.planned is None:
            question = translate("HoldQuestion", "This conversation has no date. Mark it as "
                                 "held today, {0}?").format(_day(offer.day))
        else:
            question = translate("HoldQuestion", "This conversation is planned for {0}. Mark "
                                 "it as held today, {1}, and move it to that day?"
                                 ).format(_day(offer.planned), _day(offer.day))
        return question, translate(
            "HoldQuestion", "Only a conversation that was held counts as evidence. Notes and "
            "answers can be written before it; verdicts and skill mentions wait until it has "
            "taken place.")

    @classmethod
    def build(cls, parent: QWidget | None, offer: HoldOffer) -> QMessageBox:
        question, why = cls.texts(offer)
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("HoldQuestion", "Was it held?"),
                          question, QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("holdConversationQuestion")
        box.setInformativeText(why)
        yes = box.addButton(QCoreApplication.translate("HoldQuestion", "Mark as &Held"),
                            QMessageBox.ButtonRole.YesRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        return box

    @classmethod
    def ask(cls, parent: QWidget | None, offer: HoldOffer) -> bool:
        box = cls.build(parent, offer)
        box.exec()
        return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.YesRole


def hold_if_agreed(parent: QWidget | None, interview_id: int) -> HoldChange | None:
    """Ask, and mark the conversation held when the user agrees; what changed when it now is
    (the caller announces the change and records the undo step, :func:`push_hold`)."""
    offer = interviews.hold_offer(interview_id)
    if not HoldQuestion.ask(parent, offer):
        return None
    return interviews.hold_interview(interview_id)


def push_hold(ctx: AppContext, change: HoldChange) -> None:
    """Record a hold that happened as one undo step: undo un-holds the conversation, redo
    holds it again on the same day."""
    holder = {"change": change}

    def announce() -> None:
        for area in (Area.LOG, Area.CONTACTS):
            ctx.bus.changed.emit(area)

    def undo() -> None:
        interviews.unhold_interview(holder["change"])
        announce()

    def redo() -> None:
        first = holder["change"]
        holder["change"] = interviews.hold_interview(first.interview_id, today=first.day)
        announce()

    push_change(ctx, QCoreApplication.translate("HoldQuestion", "marking a conversation as held"),
                Area.INTERVIEWS, undo, redo)


#: What a panel calls to have a conversation held: True when it now is.
Hold = Callable[[int], bool]
