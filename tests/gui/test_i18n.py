"""Plural texts read as English until a catalogue for the user's language is installed."""

from PySide6.QtCore import QCoreApplication


def test_plural_texts_read_correctly(qapp):
    def tr(text, n):
        return QCoreApplication.translate("Test", text, "", n)

    assert tr("%n interview(s)", 1) == "1 interview"
    assert tr("%n interview(s)", 0) == "0 interviews"
    assert tr("{0} of %n item(s)", 12).format(3) == "3 of 12 items"
    assert QCoreApplication.translate("Test", "Plain text") == "Plain text"
