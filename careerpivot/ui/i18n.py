"""Translation set-up. The source texts are English; plural forms are written
``tr("%n item(s)", "", n)`` so that translators get a numerus entry. Until a catalogue for
the user's language is installed, :class:`EnglishPlurals` turns "(s)" into the right English
form, so nobody reads "1 item(s)"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTranslator

from careerpivot.core.text import english_plural


class EnglishPlurals(QTranslator):
    """The lowest-priority translator: answers only plural texts, in English."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if n >= 0 and "(s)" in source:
            return english_plural(source, n)
        return None  # not handled: Qt falls back to the source text

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> QTranslator:
    """Install the translators; keep the returned object alive for the application's life."""
    translator = EnglishPlurals(app)
    app.installTranslator(translator)
    return translator


def vocab_name(text: str) -> str:
    """The display name of a stored value (``core.vocab``) in the user's language."""
    return QCoreApplication.translate("vocab", text)


def error_title(error: object) -> str:
    """The dialog title of a :class:`~careerpivot.core.errors.CareerPivotError` (any object
    with a ``title``) in the user's language: titles are source texts of the ``errors``
    context."""
    return QCoreApplication.translate("errors", getattr(error, "title", "CareerPivot"))


def translator(context: str) -> Callable[[str, int], str]:
    """``translate(text, n=-1)`` for the texts core marks with ``QT_TRANSLATE_NOOP(context,
    …)`` and composes itself (core.evidence.describe, core.readiness, core.ask_next,
    core.review take one): the text in the user's language, "%n" and "(s)" resolved."""
    def translate(text: str, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, None, n)

    return translate


#: A sentence of ``core.evidence.describe`` in the user's language.
evidence_text = translator("evidence")
