"""The Plan tab: phases with their milestones, contingency options, and the plan as a
timeline.

Left, the plan as a tree (phases, each with its milestones by due date) and the contingencies
below it; right, the editor of whatever is selected, storing every edit when it is made;
underneath, the timeline. Selecting in the tree highlights on the timeline, and clicking on
the timeline selects in the tree.

The package: ``tab`` holds the coordinator, :class:`PlanTab`, which lays out the parts, loads
the plan and keeps the selection in step in all of them; ``lists`` the tree and the table of
contingencies; ``details`` the editor of the selection, with one module per editor page
(``phase_page``, ``milestone_page``, ``contingency_page``) and ``forms`` what they build
alike; ``commands`` the tab's actions and what they do (its :func:`~.commands.confirm`, asked
before deleting, is what tests replace). The timeline is
:mod:`careerpivot.ui.widgets.timeline`, the dialog that links skills and learning
:mod:`careerpivot.ui.dialogs.link_picker`.
"""

from careerpivot.ui.dialogs.link_picker import LinkPicker
from careerpivot.ui.tabs.plan.commands import NEW_PHASE_DAYS
from careerpivot.ui.tabs.plan.tab import PlanTab, badge_icon

__all__ = ["NEW_PHASE_DAYS", "LinkPicker", "PlanTab", "badge_icon"]
