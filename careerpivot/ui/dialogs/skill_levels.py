"""The question asked when a conversation first mentions a skill new to the workspace: where the
user stands in it now and where they want to be. Skipping leaves the skill "not assessed"; its
levels can be set later on the Development tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from careerpivot.ui.itemmodels.skills import LEVEL_NAMES, level_name

#: The levels offered at first: none now, advanced as the aim (as the Add Skill dialog).
DEFAULT_CURRENT, DEFAULT_TARGET = 0, 3


def _levels_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for level in range(len(LEVEL_NAMES)):
        combo.addItem(level_name(level), level)
    return combo


class SkillLevelsDialog(QDialog):
    """The current and target level (0 none .. 4 expert) of a new skill, or "Skip — set
    later"; :meth:`ask` returns the two levels, or None when skipped."""

    def __init__(self, parent: QWidget | None, skill_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("skillLevelsDialog")
        self.setWindowTitle(self.tr("Levels of a New Skill"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "“{0}” is new to your skills. Where do you stand in it now, and where do you "
            "want to be? The development list ranks it by the gap between the two.")
            .format(skill_name))
        intro.setObjectName("skillLevelsIntro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = _levels_combo("skillLevelsCurrent")
        self.target = _levels_combo("skillLevelsTarget")
        self.current.setCurrentIndex(self.current.findData(DEFAULT_CURRENT))
        self.target.setCurrentIndex(self.target.findData(DEFAULT_TARGET))
        for text, combo in ((self.tr("&Current level:"), self.current),
                            (self.tr("&Target level:"), self.target)):
            caption = QLabel(text)
            caption.setBuddy(combo)
            form.addRow(caption, combo)
        layout.addLayout(form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.set_button = self.buttons.addButton(self.tr("&Set Levels"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.set_button.setObjectName("skillLevelsSet")
        self.set_button.setDefault(True)
        self.skip_button = self.buttons.addButton(self.tr("S&kip — set later"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("skillLevelsSkip")
        self.skip_button.setToolTip(self.tr(
            "Leave the skill not assessed: it ranks by the evidence alone until you set its "
            "levels on the Development tab."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.current.setFocus()

    def levels(self) -> tuple[int, int]:
        """(current, target) as chosen."""
        return int(self.current.currentData()), int(self.target.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, skill_name: str) -> tuple[int, int] | None:
        """The levels chosen, or None when skipped (Escape skips too)."""
        dialog = cls(parent, skill_name)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.levels()
            return None
        finally:
            dialog.deleteLater()
