"""An interview's guide: the questions to ask, in order, each with its answer. A new
conversation's guide is filled from its path's core questions and, while it is still being
planned, the questions its path's gaps propose (:func:`_fill_guide`, services.guide_gaps);
then questions are answered, reworded, added, reordered and removed one at a time.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

from careerpivot.core.validation import ValidationError, clean_text
from careerpivot.services import guide_gaps, workspace
from careerpivot.services._base import delete_with_snapshot, get_or_fail, utcnow, write
from careerpivot.services.paths import MAX_QUESTION
from careerpivot.store.models import Answer, Interview, PathQuestion, Question

Snapshot = workspace.Snapshot


def set_answer(answer_id: int, text: str) -> None:
    cleaned = clean_text("answer", text)
    with write():
        answer = get_or_fail(Answer, answer_id, "question")
        Answer.update(answer=cleaned).where(Answer.id == answer_id).execute()
        Interview.update(updated_at=utcnow()).where(
            Interview.id == answer.interview_id).execute()
    workspace.mark_changed()


def set_question_text(answer_id: int, text: str) -> None:
    """Reword a question in this interview's guide only (the bank is unchanged)."""
    cleaned = clean_text("question_text", text, required=True, max_len=MAX_QUESTION)
    with write():
        get_or_fail(Answer, answer_id, "question")
        Answer.update(question_text=cleaned).where(Answer.id == answer_id).execute()
    workspace.mark_changed()


def add_guide_question(interview_id: int, question: int | str) -> int:
    """Add a question to the end of the guide: a bank question's id (int) or free text (str).
    A bank question already in the guide is refused. Returns the answer row's id."""
    with write():
        get_or_fail(Interview, interview_id, "interview")
        if isinstance(question, int) and not isinstance(question, bool):
            bank = get_or_fail(Question, question, "question")
            if Answer.select().where((Answer.interview == interview_id)
                                     & (Answer.question == question)).exists():
                raise ValidationError("question", "This question is already in the guide.")
            question_id, text = bank.id, bank.text
        else:
            question_id = None
            text = clean_text("question_text", question, required=True, max_len=MAX_QUESTION)
        answer_id = int(Answer.insert(
            interview=interview_id, question=question_id, question_text=text,
            position=_next_answer_position(interview_id),
        ).execute())
    workspace.mark_changed()
    return answer_id


def remove_guide_question(answer_id: int) -> Snapshot:
    """Remove a question (and its answer) from a guide; undo restores both."""
    get_or_fail(Answer, answer_id, "question")
    return delete_with_snapshot(Answer, [answer_id], "question")


def reorder_guide(interview_id: int, answer_ids: Iterable[int]) -> None:
    """Put the guide in the order of ``answer_ids`` (questions not listed follow)."""
    wanted = list(dict.fromkeys(int(i) for i in answer_ids))
    with write():
        existing = [
            r[0] for r in Answer.select(Answer.id).where(Answer.interview == interview_id)
            .order_by(Answer.position, Answer.id).tuples()
        ]
        known = set(existing)
        order = [i for i in wanted if i in known] + [i for i in existing if i not in wanted]
        for position, answer_id in enumerate(order):
            Answer.update(position=position).where(Answer.id == answer_id).execute()
    workspace.mark_changed()


# --- a new guide -----------------------------------------------------------------------------


def _fill_guide(interview_id: int, path_id: int | None, *, planned: bool = False) -> None:
    """Copy the path's core questions into the interview's guide (after what is there); for a
    conversation still being planned, then the questions its path's gaps propose, marked
    (services.guide_gaps)."""
    if path_id is None:
        return
    questions = list(
        PathQuestion.select(Question.id, Question.text)
        .join(Question)
        .where(PathQuestion.path == path_id)
        .order_by(PathQuestion.position, PathQuestion.id)
        .tuples()
    )
    if not questions:
        return
    start = _next_answer_position(interview_id)
    Answer.insert_many(
        [{"interview": interview_id, "question": qid, "question_text": text,
          "position": start + i} for i, (qid, text) in enumerate(questions)]
    ).execute()
    if planned:
        guide_gaps.append_proposals(interview_id, path_id)


def _next_answer_position(interview_id: int) -> int:
    return int(
        Answer.select(pw.fn.COALESCE(pw.fn.MAX(Answer.position), -1) + 1)
        .where(Answer.interview == interview_id)
        .scalar()
    )
