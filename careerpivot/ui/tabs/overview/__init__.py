"""The Overview tab: what is due, the conversations coming up, the charts and the tracking log.

Everything is relative to ``services.clock.today()``. The due list comes from
``services.due_list`` (the buckets' counts and their first rows from a few statements, more
rows a page at a time as the list scrolls), grouped into overdue, today, this week and
coming; each row opens its item, and can be marked done or snoozed where that makes sense.
The charts module (and with it QtCharts) is imported in a call posted from the first show,
after the due list. At start-up (``TabBase.defer_first_load``) the data is loaded and
the charts are built only after the tab's first paint, so the window appears first; the
chart data is computed off the GUI thread, so a large workspace never freezes the window.

The package: ``tab`` holds the coordinator, :class:`OverviewTab`, which lays out the pages,
loads their data and acts on the due items; each page tells it what the user asked for through
Qt signals. ``due_model`` holds the due list's model, ``due_list`` the due list with its
buttons, ``agenda`` the upcoming conversations beside it and ``charts_page`` the "Progress"
page that builds the charts and loads their data.
"""

from careerpivot.ui.tabs.overview.tab import OverviewTab

__all__ = ["OverviewTab"]
