"""The Development tab: what to learn first and why, what I already bring, and the learning
items and experiments that close the gaps.

Layout: on the left, the ranked development list (``developmentList``) above two pages, the
transferable strengths (``strengthsList``) and the learning items and experiments
(``learningTable``); on the right, an inspector with two pages: the selected skill (its reasons,
levels, notes and the learning that serves it) and the selected learning item's editor
(``learningEditor``). Selecting in a list shows its page. The lists' columns fit their width
(:mod:`careerpivot.ui.widgets.column_fit`): the reason is read whole or wraps over two lines,
and an empty list says what belongs there with the action that adds it
(:class:`~careerpivot.ui.widgets.empty_state.EmptyState`).

Data comes from ``services.development`` in one load (:meth:`DevelopmentTab.reload`): the
ranking from :func:`~careerpivot.services.development.ranked_skills` (a fixed number of queries)
and the items from :func:`~careerpivot.services.development.list_learning`; the editor's list of
skills to link is filled when an item is opened in it, not at every load. Sorting and filtering
happen inside the models. Every edit is stored when made; a level edited in the list shows its new
gap and priority at once and the list is re-ranked from the service right after.

Mnemonics avoid the letters of the main window's tabs and menus (O P N I D L S, F E V H).

The package: ``tab`` holds the coordinator, :class:`DevelopmentTab`, which lays out the pages,
loads their data and keeps them in step; each page tells it what the user did through Qt
signals. ``lists_panel`` lays out the three lists and keeps their layout, ``skill_lists`` holds
the ranked development list and the transferable strengths,
``learning_list`` the learning items and experiments, ``skill_page`` the skill inspector and
editor, ``learning_page`` and ``learning_form`` the learning item editor, ``common`` what they
build alike.
"""

from careerpivot.ui.tabs.development.tab import DevelopmentTab

__all__ = ["DevelopmentTab"]
