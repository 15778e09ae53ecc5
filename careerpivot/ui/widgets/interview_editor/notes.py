"""The Notes page of the interview editor: what was said, and the overall fit signal."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from careerpivot.ui.widgets.form_parts import GrowingTextEdit
from careerpivot.ui.widgets.forms import FormBinder, error_label

#: The overall fit signal, -2..+2.
FIT_SIGNALS = (
    (2, QT_TRANSLATE_NOOP("InterviewEditor", "Strongly towards this path")),
    (1, QT_TRANSLATE_NOOP("InterviewEditor", "Leaning towards")),
    (0, QT_TRANSLATE_NOOP("InterviewEditor", "Neutral or unsure")),
    (-1, QT_TRANSLATE_NOOP("InterviewEditor", "Leaning against")),
    (-2, QT_TRANSLATE_NOOP("InterviewEditor", "Strongly against this path")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("InterviewEditor", text)


class NotesPage(QWidget):
    """What was said and what it means to me."""

    FIELDS = ("notes", "typical_week", "challenges", "success_metrics", "surprises",
              "resonated")

    def __init__(self, binder: FormBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        labels = {
            "notes": (self.tr("Notes:"), self.tr("Anything worth keeping from the "
                                                 "conversation")),
            "typical_week": (self.tr("T&ypical week:"), self.tr("How their week is spent")),
            "challenges": (self.tr("Hardest challenges:"), ""),
            "success_metrics": (self.tr("Success and the metrics leaders watch:"), ""),
            "surprises": (self.tr("What surprised me:"), ""),
            "resonated": (self.tr("What resonated with me:"), ""),
        }
        self.editors: dict[str, GrowingTextEdit] = {}
        for field in self.FIELDS:
            label_text, placeholder = labels[field]
            editor = GrowingTextEdit(4 if field == "notes" else 2, 14)
            editor.setObjectName(f"{field}Edit")
            editor.setPlaceholderText(placeholder)
            caption = QLabel(label_text)
            caption.setWordWrap(True)
            caption.setBuddy(editor)
            layout.addWidget(caption)
            layout.addWidget(editor)
            error = error_label(self)
            layout.addWidget(error)
            binder.bind(field, editor, error, title=label_text.replace("&", "").rstrip(":"))
            self.editors[field] = editor
        self.fit = QComboBox()
        self.fit.setObjectName("fitSignalCombo")
        self.fit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fit.setMinimumContentsLength(16)
        for value, text in FIT_SIGNALS:
            self.fit.addItem(f"{value:+d}  {_tr(text)}" if value else f"0  {_tr(text)}", value)
        self.fit.setToolTip(self.tr("After this conversation, does the path feel like a "
                                    "better or a worse fit?"))
        row = QHBoxLayout()
        caption = QLabel(self.tr("Overall fit signal:"))
        caption.setBuddy(self.fit)
        row.addWidget(caption)
        row.addWidget(self.fit)
        row.addStretch(1)
        layout.addLayout(row)
        fit_error = error_label(self)
        layout.addWidget(fit_error)
        binder.bind("fit_signal", self.fit, fit_error, title=self.tr("fit signal"))
        layout.addStretch(1)
