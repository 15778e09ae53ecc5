"""Only a held conversation counts as evidence: the question asked when a verdict or a skill
mention is recorded on one that was not held (services.interviews.NotHeldError)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from careerpivot.services import interviews
from careerpivot.services.interviews import HoldOffer


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


def hold_if_agreed(parent: QWidget | None, interview_id: int) -> bool:
    """Ask, and mark the conversation held when the user agrees; True when it now is (the
    caller announces the change)."""
    offer = interviews.hold_offer(interview_id)
    if not HoldQuestion.ask(parent, offer):
        return False
    interviews.hold_interview(interview_id)
    return True


#: What a panel calls to have a conversation held: True when it now is.
Hold = Callable[[int], bool]
