"""What a held conversation recorded: its evidence on the paths' assumptions (a verdict and
a quote for each) and the skills it mentioned, with their importance. Both take only a
conversation that was held (:class:`~.held.NotHeldError` otherwise).
"""

from __future__ import annotations

from collections.abc import Callable

from careerpivot.core import vocab
from careerpivot.core.validation import ValidationError, check_choice, check_range, clean_text
from careerpivot.services import development, workspace
from careerpivot.services._base import delete_with_snapshot, get_or_fail, utcnow, write
from careerpivot.services.interviews.held import _require_held
from careerpivot.store.models import Assumption, Evidence, Interview, SkillMention

Snapshot = workspace.Snapshot


# --- evidence --------------------------------------------------------------------------------


def set_evidence(interview_id: int, assumption_id: int, verdict: str, quote: str = "") -> None:
    """Record (or change) what this conversation said about an assumption: supported,
    challenged or nuanced, with a quote. Only a held conversation takes evidence
    (:class:`NotHeldError` otherwise: :func:`hold_interview` first)."""
    verdict = check_choice("verdict", verdict, vocab.VERDICTS)
    quote = clean_text("quote", quote)
    now = utcnow()
    with write():
        interview = get_or_fail(Interview, interview_id, "interview")
        get_or_fail(Assumption, assumption_id, "assumption")
        _require_held(interview, "verdict")
        Evidence.insert(
            interview=interview_id, assumption=assumption_id, verdict=verdict, quote=quote,
            created_at=now, updated_at=now,
        ).on_conflict(
            conflict_target=[Evidence.interview, Evidence.assumption],
            update={Evidence.verdict: verdict, Evidence.quote: quote, Evidence.updated_at: now},
        ).execute()
    workspace.mark_changed()


def clear_evidence(interview_id: int, assumption_id: int) -> Snapshot | None:
    """Remove this conversation's verdict on an assumption; ``None`` when there was none."""
    found = Evidence.select(Evidence.id).where(
        (Evidence.interview == interview_id) & (Evidence.assumption == assumption_id)
    ).tuples().first()
    if not found:
        return None
    return delete_with_snapshot(Evidence, [found[0]], "evidence")


# --- skill mentions --------------------------------------------------------------------------


def _importance(value: object) -> int:
    return int(check_range("importance", value, 1, 3, integer=True))


def add_mention(interview_id: int, skill_name: str, importance: int = 2, note: str = "",
                kind: str | None = None) -> int:
    """Log a skill, tool, certification or piece of domain knowledge mentioned in the
    conversation. The name finds an existing skill in any case and spacing, or creates one
    (of ``kind``, default technical). A skill already logged for this conversation is
    refused, and so is a conversation that was not held (:class:`NotHeldError`). Returns
    the mention's id."""
    importance = _importance(importance)
    note = clean_text("note", note)
    with write():
        _require_held(get_or_fail(Interview, interview_id, "interview"), "skill")
        skill_id = development.ensure_skill(skill_name, kind, field="skill")
        if SkillMention.select().where((SkillMention.interview == interview_id)
                                       & (SkillMention.skill == skill_id)).exists():
            raise ValidationError("skill", "This skill is already logged for this "
                                           "conversation; change its importance instead.")
        mention_id = int(SkillMention.insert(
            interview=interview_id, skill=skill_id, importance=importance, note=note,
        ).execute())
    workspace.mark_changed()
    return mention_id


_MENTION_FIELDS: dict[str, Callable[[object], object]] = {
    "importance": _importance,
    "note": lambda v: clean_text("note", v),
}


def update_mention(mention_id: int, field: str, value: object) -> None:
    """Change one field of a mention: importance (1-3) or note."""
    validate = _MENTION_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    with write():
        get_or_fail(SkillMention, mention_id, "skill mention")
        SkillMention.update({field: cleaned}).where(SkillMention.id == mention_id).execute()
    workspace.mark_changed()


def remove_mention(mention_id: int) -> Snapshot:
    """Remove a mention (the skill itself stays)."""
    get_or_fail(SkillMention, mention_id, "skill mention")
    return delete_with_snapshot(SkillMention, [mention_id], "skill mention")
