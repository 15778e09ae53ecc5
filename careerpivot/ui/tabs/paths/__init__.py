"""The Paths tab: target paths, what the user believes about each, what the conversations
said, each path's core questions, the side-by-side comparison of paths, how ready each path's
evidence is, and whom to ask next.

The paths are listed on the left; the selected path's title, field, status and motivation sit
above six pages: its assumptions (with their derived status and, below, the evidence for the
selected one), its core questions, its notes, the comparison of every path, its readiness (the
share of its beliefs that are settled, and what each still lacks) and who to ask next.

The package: ``tab`` holds the coordinator, :class:`PathsTab`, which lists the paths, shows the
chosen one on every page and answers the main window's hooks; each page tells it what the user
did through Qt signals. ``path_form`` holds the path's own fields (and its Notes page),
``assumptions_page`` the assumptions and their evidence, ``questions_page`` the question bank
and the core questions, ``compare_page`` the comparison of paths, ``readiness_page`` the
readiness, ``ask_next_page`` who to ask next, ``common`` what they build alike.
"""

from careerpivot.ui.tabs.paths.tab import (
    PAGE_ASK_NEXT,
    PAGE_ASSUMPTIONS,
    PAGE_COMPARE,
    PAGE_NOTES,
    PAGE_QUESTIONS,
    PAGE_READINESS,
    PathsTab,
)

__all__ = ["PAGE_ASK_NEXT", "PAGE_ASSUMPTIONS", "PAGE_COMPARE", "PAGE_NOTES", "PAGE_QUESTIONS",
           "PAGE_READINESS", "PathsTab"]
