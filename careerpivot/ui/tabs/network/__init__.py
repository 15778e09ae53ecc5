"""The Network tab: the contact table (search, filters, sort), a detail editor that stores every
edit when it is made, who introduced whom, and the check-ins that are due.

Data comes from ``services.network`` in one load (:meth:`NetworkTab.reload`: one query for
the contacts, as SQLite returns them); searching, filtering and sorting then happen inside
:class:`ContactsModel` over keys computed once (the search texts while idle after the list
has painted), so a keystroke in the search box never reaches the database. After an edit in
the detail editor only the edited contact is read again and its row updated in place: the
selection and the scroll position stay where they were.

Mnemonics avoid the letters of the main window's tabs and menus (O P N I D L S, F E V H).

The package: ``tab`` holds the coordinator, :class:`NetworkTab`, which lays out the pages,
loads their data and keeps them in step; each page tells it what the user did through Qt
signals. ``contact_list`` holds the search and filter bar and the contact table with its
empty, no-match and error states; ``contact_editor`` the detail editor of one contact,
``pickers`` its tags completer and its "Introduced by" picker.
"""

from careerpivot.ui.tabs.network.tab import NetworkTab

__all__ = ["NetworkTab"]
