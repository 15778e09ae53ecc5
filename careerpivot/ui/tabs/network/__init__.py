"""The Network tab: the contact table (search, filters, sort), a detail editor that stores every
edit when it is made, who introduced whom, and the check-ins that are due.

The list reads only what it shows (:class:`ContactsModel`): which contacts, in which order,
is one query off the GUI thread (``services.contact_list``) over stored folded keys, answered
again for every search keystroke, filter and header click, and the records of the rows on
screen are read a page at a time. After an edit in the detail editor only the edited contact
is read again and its row updated in place: the selection and the scroll position stay where
they were.

Mnemonics avoid the letters of the main window's tabs and menus (O P N I D L S, F E V H).

The package: ``tab`` holds the coordinator, :class:`NetworkTab`, which lays out the pages,
loads their data and keeps them in step; each page tells it what the user did through Qt
signals. ``contact_list`` holds the search and filter bar and the contact table with its
empty, no-match and error states; ``contact_editor`` the detail editor of one contact,
``pickers`` its tags completer and its "Introduced by" picker.
"""

from careerpivot.ui.tabs.network.tab import NetworkTab

__all__ = ["NetworkTab"]
