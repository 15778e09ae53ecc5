"""The interview editor: a small coordinator (:mod:`.editor`) over one module per page."""

from careerpivot.ui.widgets.interview_editor.common import AssumptionInfo, scrolling
from careerpivot.ui.widgets.interview_editor.details import DetailsPage
from careerpivot.ui.widgets.interview_editor.editor import InterviewEditor
from careerpivot.ui.widgets.interview_editor.evidence import EvidencePanel, EvidenceRowWidget
from careerpivot.ui.widgets.interview_editor.follow_ups import FollowUpsPanel
from careerpivot.ui.widgets.interview_editor.guide import GuidePanel, QuestionBlock
from careerpivot.ui.widgets.interview_editor.mentions import ImportanceDelegate, MentionsPanel
from careerpivot.ui.widgets.interview_editor.notes import FIT_SIGNALS, NotesPage
from careerpivot.ui.widgets.interview_editor.path_cache import PathCache

__all__ = [
    "FIT_SIGNALS",
    "AssumptionInfo",
    "DetailsPage",
    "EvidencePanel",
    "EvidenceRowWidget",
    "FollowUpsPanel",
    "GuidePanel",
    "ImportanceDelegate",
    "InterviewEditor",
    "MentionsPanel",
    "NotesPage",
    "PathCache",
    "QuestionBlock",
    "scrolling",
]
