"""What the outreach composer and the template editor say about a message: the placeholders a
template can use, the checks of a text (length, the closing question, the short call, missing
facts) and those checks as rich text, warnings in the overdue colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from careerpivot.core import templates as _templates
from careerpivot.services import outreach
from careerpivot.ui.widgets.log_view import status_colors

translate = QCoreApplication.translate  # (a name lupdate recognises)


def placeholder_names() -> dict[str, str]:
    return {
        "contact_first_name": translate("OutreachDialog", "the contact's first name"),
        "contact_name": translate("OutreachDialog", "the contact's full name"),
        "organization": translate("OutreachDialog", "their organization (Network tab)"),
        "my_name": translate("OutreachDialog", "your name (Summary tab, profile)"),
        "path_title": translate("OutreachDialog", "the path (choose a conversation or link the "
                                           "contact to a path)"),
        "learning_goal": translate("OutreachDialog", "your learning goal (above)"),
        "interview_date": translate("OutreachDialog", "the conversation's date"),
    }


def checks(text: str, template_key: str, missing: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """What the composer and editor say about a message: (sentence, is a warning)."""
    words = _templates.word_count(text)
    found: list[tuple[str, bool]] = []
    if words > _templates.WORD_LIMIT:
        found.append((translate("OutreachDialog", "⚠ {0} words — long for a busy person; aim for "
                                           "{1} or fewer.").format(words,
                                                                   _templates.WORD_LIMIT),
                      True))
    else:
        found.append((translate("OutreachDialog", "{0} words").format(words), False))
    if template_key == outreach.REQUEST:
        if not _templates.ends_with_question(text):
            found.append((translate("OutreachDialog", "⚠ The request does not end with a question: "
                                               "finish with the ask, so it is easy to answer."),
                          True))
        if not _templates.proposes_short_call(text):
            found.append((translate("OutreachDialog", "Tip: propose a short call (20 minutes) to "
                                               "respect their time."), False))
    if missing:
        names = placeholder_names()
        found.append((translate("OutreachDialog", "⚠ Missing: {0}.").format(
            ", ".join(names.get(m, m) for m in missing)), True))
    return found


def render(found: list[tuple[str, bool]], palette: QPalette) -> str:
    """The checks as rich text, one a line, the warnings in the palette's overdue colour."""
    overdue, _soon = status_colors(palette)
    parts = []
    for text, warning in found:
        safe = text.replace("&", "&amp;").replace("<", "&lt;")
        parts.append(f"<span style='color:{overdue.name()}'>{safe}</span>" if warning
                     else safe)
    return "<br>".join(parts)
