"""The starting content of a new workspace.

:func:`seed_new_workspace` runs once, right after ``store.db`` created the file's schema: the
empty profile row, the question bank, the comparison criteria, the four default plan phases
and the outreach templates, all in one transaction. A workspace that already has its profile
row is left exactly as it is, so calling it twice never duplicates anything.
"""

from __future__ import annotations

from careerpivot.core import question_bank, vocab
from careerpivot.store.db import write
from careerpivot.store.models import (
    Criterion,
    Phase,
    Profile,
    Question,
    Template,
    utcnow,
)

#: The id of the single profile row.
PROFILE_ID = 1


def is_seeded() -> bool:
    return Profile.select().where(Profile.id == PROFILE_ID).exists()


def seed_new_workspace() -> bool:
    """Fill a new workspace with its starting content; returns False when it was seeded
    already (nothing is written then)."""
    with write():
        if is_seeded():
            return False
        now = utcnow()
        Profile.insert(id=PROFILE_ID, created_at=now, updated_at=now).execute()
        Question.insert_many(
            [
                {"text": text, "category": category, "seeded": True, "position": position}
                for position, (category, text) in enumerate(question_bank.QUESTIONS)
            ]
        ).execute()
        Criterion.insert_many(
            [
                {"name": name, "weight": weight, "from_evidence": from_evidence,
                 "position": position}
                for position, (name, weight, from_evidence) in enumerate(vocab.DEFAULT_CRITERIA)
            ]
        ).execute()
        Phase.insert_many(
            [
                {"name": name, "goal": goal, "position": position,
                 "created_at": now, "updated_at": now}
                for position, (name, goal) in enumerate(vocab.DEFAULT_PHASES)
            ]
        ).execute()
        Template.insert_many(
            [
                {"key": t.key, "name": t.name, "subject": t.subject, "body": t.body,
                 "created_at": now, "updated_at": now}
                for t in question_bank.TEMPLATES
            ]
        ).execute()
    return True
