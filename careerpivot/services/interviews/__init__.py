"""Informational interviews: the list, the editor's detail, the guide of questions and answers,
evidence for assumptions, skill mentions, follow-up rounds, introductions and completion.

The area's use cases, one module each, all offered here (``interviews.get_interview()``):

* :mod:`.reads` — the list (:func:`list_interviews`, and :func:`interview_list` for lists that
  show thousands) and the editor's detail (:func:`get_interview`), with their rows;
* :mod:`.listing` — the list as the Interviews tab shows it: the ids in order for an
  :class:`InterviewQuery` (:func:`ordered_ids`, in SQL) and the rows of a page
  (:func:`records_of`);
* :mod:`.conversations` — creating a conversation, changing one field, deleting it; its next
  round (:func:`schedule_follow_up`) and the people introduced in it;
* :mod:`.held` — the held rules: only a held conversation counts as evidence
  (:class:`NotHeldError`); marking one held (:func:`complete_interview`, :func:`hold_interview`
  and its undo) creates its follow-up actions and keeps the person as they were then;
* :mod:`.guide` — the guide of questions and answers, and how a new one is filled;
* :mod:`.evidence` — evidence on assumptions and skill mentions.
"""

from careerpivot.services import workspace
from careerpivot.services.interviews.conversations import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    add_introduction,
    create_interview,
    delete_interview,
    remove_introduction,
    schedule_follow_up,
    update_interview,
)
from careerpivot.services.interviews.evidence import (
    add_mention,
    clear_evidence,
    remove_mention,
    set_evidence,
    update_mention,
)
from careerpivot.services.interviews.guide import (
    add_guide_question,
    remove_guide_question,
    reorder_guide,
    set_answer,
    set_question_text,
)
from careerpivot.services.interviews.held import (
    COMPLETION_ACTIONS,
    HELD,
    HELD_FIELDS,
    HoldChange,
    HoldOffer,
    NotHeldError,
    complete_interview,
    hold_interview,
    hold_offer,
    unhold_interview,
)
from careerpivot.services.interviews.listing import (
    InterviewIds,
    InterviewQuery,
    WordMatches,
    ordered_ids,
    records_of,
)
from careerpivot.services.interviews.reads import (
    R_CONTACT,
    R_FOLLOW_UP_OF,
    R_ID,
    R_MINUTES,
    R_MODE,
    R_PATH,
    R_ROUND,
    R_STATUS,
    R_WHEN,
    RECORD_FIELDS,
    AnswerRow,
    InterviewDetail,
    InterviewEvidence,
    InterviewList,
    InterviewRow,
    IntroductionRow,
    MentionRow,
    RoundRow,
    get_interview,
    interview_list,
    list_interviews,
)

Snapshot = workspace.Snapshot

__all__ = [
    "COMPLETION_ACTIONS",
    "DEFAULT_MINUTES",
    "HELD",
    "HELD_FIELDS",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "RECORD_FIELDS",
    "R_CONTACT",
    "R_FOLLOW_UP_OF",
    "R_ID",
    "R_MINUTES",
    "R_MODE",
    "R_PATH",
    "R_ROUND",
    "R_STATUS",
    "R_WHEN",
    "AnswerRow",
    "HoldChange",
    "HoldOffer",
    "InterviewDetail",
    "InterviewEvidence",
    "InterviewIds",
    "InterviewList",
    "InterviewQuery",
    "InterviewRow",
    "IntroductionRow",
    "MentionRow",
    "NotHeldError",
    "RoundRow",
    "Snapshot",
    "WordMatches",
    "add_guide_question",
    "add_introduction",
    "add_mention",
    "clear_evidence",
    "complete_interview",
    "create_interview",
    "delete_interview",
    "get_interview",
    "hold_interview",
    "hold_offer",
    "interview_list",
    "list_interviews",
    "ordered_ids",
    "records_of",
    "remove_guide_question",
    "remove_introduction",
    "remove_mention",
    "reorder_guide",
    "schedule_follow_up",
    "set_answer",
    "set_evidence",
    "set_question_text",
    "unhold_interview",
    "update_interview",
    "update_mention",
]
