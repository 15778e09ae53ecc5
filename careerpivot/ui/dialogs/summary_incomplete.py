"""The question asked before a summary that lacks an essential part (the name, narrative,
skills or ask: services.summary.missing_parts) is exported or printed: it names what is
missing and offers to go ahead anyway or to go back to the first missing field."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class SummaryIncompleteDialog(QMessageBox):
    """"This summary is still missing: …" with the missing parts listed; **Export Anyway**
    (or **Print Anyway**) goes ahead, **Go Back** (the default, and Escape) does not."""

    def __init__(self, missing: tuple[str, ...], printing: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryIncompleteDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Summary Not Finished"))
        self.setText(self.tr("This summary is still missing:"))
        names = self.part_names()
        lines = ["\u2022 " + names[part] for part in missing if part in names]
        lines.append("")
        lines.append(self.tr("A reader would see an unfinished page. Print it as it is, or "
                             "go back and fill in what is missing?") if printing else
                     self.tr("A reader would see an unfinished page. Export it as it is, or "
                             "go back and fill in what is missing?"))
        self.setInformativeText("\n".join(lines))
        self.anyway_button = self.addButton(
            self.tr("&Print Anyway") if printing else self.tr("&Export Anyway"),
            QMessageBox.ButtonRole.AcceptRole)
        self.anyway_button.setObjectName("summaryAnywayButton")
        self.back_button = self.addButton(self.tr("&Go Back"),
                                          QMessageBox.ButtonRole.RejectRole)
        self.back_button.setObjectName("summaryGoBackButton")
        self.setDefaultButton(self.back_button)
        self.setEscapeButton(self.back_button)

    def part_names(self) -> dict[str, str]:
        """What each essential part is called in the list."""
        return {
            "full_name": self.tr("Your name"),
            "narrative": self.tr("The narrative"),
            "skills": self.tr("Skills on the page"),
            "ask": self.tr("The ask (how others can help)"),
        }

    def go_ahead(self) -> bool:
        return self.clickedButton() is self.anyway_button

    @classmethod
    def ask(cls, parent: QWidget | None, missing: tuple[str, ...],
            printing: bool = False) -> bool:
        """True to export (or print) the summary as it is."""
        dialog = cls(missing, printing, parent)
        try:
            dialog.exec()
            return dialog.go_ahead()
        finally:
            dialog.deleteLater()
