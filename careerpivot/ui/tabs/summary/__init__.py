"""The Summary tab: the profile, narrative, skills, selected work and ask of the one-page value
summary, beside a live preview of the PDF.

Every edit is stored when it is made (the form binder); the preview is rebuilt off the GUI
thread 400 ms after typing stops, from the stored data overlaid with what the editors show at
that moment, so it follows typing without waiting for the store. Under the preview the tab says
whether the page fits — and, when it cannot, exactly what does not fit and how much to cut.

The package: ``tab`` holds the coordinator, :class:`SummaryTab`, which loads the summary into
every page, asks for the preview and answers the main window's hooks; each page tells it what
the user did through Qt signals. ``profile_form`` holds the editor's column with the profile,
narrative and ask, ``skills_page`` the skills on the page, ``portfolio_page`` the selected work
and its editor, ``preview_page`` the paper size, fit report and preview (with
:func:`build_preview`, the worker side), ``common`` what they build alike.
"""

from careerpivot.ui.tabs.summary.preview_page import build_preview
from careerpivot.ui.tabs.summary.profile_form import PROFILE_LINES
from careerpivot.ui.tabs.summary.tab import SummaryTab

__all__ = ["PROFILE_LINES", "SummaryTab", "build_preview"]
