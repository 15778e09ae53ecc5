"""The workspace schema: every entity of the product, one BaseModel, one late-bound database.

Dates are stored as ISO text (``YYYY-MM-DD``), date-times as ``YYYY-MM-DD HH:MM``; timestamps
that the app sets itself (created, updated) are UTC ISO text as well. Enumerations are short
lowercase keys; their display names live in ``careerpivot.core.vocab``.
"""

from __future__ import annotations

import peewee as pw
from playhouse.sqlite_ext import AutoIncrementField

from careerpivot.core import clock

#: The one database object, initialised late by :func:`careerpivot.store.db.open_workspace`.
database = pw.SqliteDatabase(None)

#: Marks a SQLite file as a CareerPivot workspace ("CPiv"), in ``PRAGMA application_id``.
APPLICATION_ID = 0x43506976


#: The stamp of ``created_at``/``updated_at``: UTC ISO text from the app's one clock.
utcnow = clock.utcstamp


class BaseModel(pw.Model):
    #: AUTOINCREMENT: an id is never given to a new row after its row was deleted, so an undo
    #: that puts a deleted row back finds its id free, and an id held by an undo step or a
    #: calendar export always means the same item.
    id = AutoIncrementField()

    class Meta:
        database = database
        legacy_table_names = False


class TimestampedModel(BaseModel):
    created_at = pw.TextField(default=utcnow)
    updated_at = pw.TextField(default=utcnow)


# --- the user ---------------------------------------------------------------------------------


class Profile(TimestampedModel):
    """The single profile row (id 1): the header and content of the value summary."""

    full_name = pw.TextField(default="")
    headline = pw.TextField(default="")
    current_role = pw.TextField(default="")
    location = pw.TextField(default="")
    email = pw.TextField(default="")
    phone = pw.TextField(default="")
    website = pw.TextField(default="")
    linkedin = pw.TextField(default="")
    narrative = pw.TextField(default="")
    ask = pw.TextField(default="")
    page_size = pw.TextField(default="")  # "", "A4" or "Letter"; "" follows the locale


class Setting(BaseModel):
    """Workspace-level key/value facts (last import date, outreach templates' edits, ...)."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField(default="")


# --- paths and assumptions --------------------------------------------------------------------


class Path(TimestampedModel):
    title = pw.TextField()
    field = pw.TextField(default="")
    why = pw.TextField(default="")
    status = pw.TextField(default="exploring", index=True)
    notes = pw.TextField(default="")
    position = pw.IntegerField(default=0)


class Assumption(TimestampedModel):
    path = pw.ForeignKeyField(Path, backref="assumptions", on_delete="CASCADE", index=True)
    statement = pw.TextField()
    category = pw.TextField(default="other", index=True)
    confidence = pw.IntegerField(default=50)  # initial confidence, 0-100 %
    position = pw.IntegerField(default=0)


class Criterion(BaseModel):
    name = pw.TextField()
    weight = pw.FloatField(default=1.0)
    from_evidence = pw.BooleanField(default=False)  # filled from assumption evidence
    position = pw.IntegerField(default=0)


class PathScore(BaseModel):
    path = pw.ForeignKeyField(Path, backref="scores", on_delete="CASCADE", index=True)
    criterion = pw.ForeignKeyField(Criterion, backref="scores", on_delete="CASCADE", index=True)
    score = pw.FloatField(default=0)  # 0-5

    class Meta:
        indexes = ((("path", "criterion"), True),)


# --- the network ------------------------------------------------------------------------------


class Contact(TimestampedModel):
    name = pw.TextField(index=True)
    organization = pw.TextField(default="", index=True)
    role = pw.TextField(default="")
    level = pw.TextField(default="", index=True)  # core.vocab.LEVELS
    email = pw.TextField(default="", index=True)
    phone = pw.TextField(default="")
    url = pw.TextField(default="", index=True)  # profile link (LinkedIn or other)
    how_met = pw.TextField(default="")
    introduced_by = pw.ForeignKeyField(
        "self", null=True, backref="introduced", on_delete="SET NULL", index=True
    )
    stage = pw.TextField(default="identified", index=True)  # core.vocab.STAGES
    cadence_days = pw.IntegerField(default=0)  # 0: no periodic check-in
    last_contact = pw.DateField(null=True, index=True)
    notes = pw.TextField(default="")
    source = pw.TextField(default="manual")  # manual, linkedin, vcard, csv, interview
    archived = pw.BooleanField(default=False)  # schema 2


class Tag(BaseModel):
    name = pw.TextField()
    key = pw.TextField(unique=True)  # casefolded, stripped name


class ContactTag(BaseModel):
    contact = pw.ForeignKeyField(Contact, backref="tag_links", on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="contact_links", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("contact", "tag"), True),)


class ContactPath(BaseModel):
    contact = pw.ForeignKeyField(Contact, backref="path_links", on_delete="CASCADE")
    path = pw.ForeignKeyField(Path, backref="contact_links", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("contact", "path"), True),)


# --- questions and interviews -----------------------------------------------------------------


class Question(BaseModel):
    text = pw.TextField()
    category = pw.TextField(default="other", index=True)
    seeded = pw.BooleanField(default=False)
    position = pw.IntegerField(default=0)


class PathQuestion(BaseModel):
    """A core question of a path's interview guide (3-5 recommended)."""

    path = pw.ForeignKeyField(Path, backref="core_questions", on_delete="CASCADE")
    question = pw.ForeignKeyField(Question, backref="path_links", on_delete="CASCADE", index=True)
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("path", "question"), True),)


class Interview(TimestampedModel):
    contact = pw.ForeignKeyField(Contact, backref="interviews", on_delete="CASCADE", index=True)
    path = pw.ForeignKeyField(
        Path, null=True, backref="interviews", on_delete="SET NULL", index=True
    )
    scheduled_at = pw.TextField(default="", index=True)  # "YYYY-MM-DD HH:MM" or "YYYY-MM-DD"
    minutes = pw.IntegerField(default=30)
    mode = pw.TextField(default="video")
    status = pw.TextField(default="requested", index=True)
    context = pw.TextField(default="")  # my context and pitch
    notes = pw.TextField(default="")
    typical_week = pw.TextField(default="")
    challenges = pw.TextField(default="")
    success_metrics = pw.TextField(default="")
    surprises = pw.TextField(default="")
    resonated = pw.TextField(default="")
    fit_signal = pw.IntegerField(default=0)  # -2 strongly against .. +2 strongly for
    follow_up_of = pw.ForeignKeyField(
        "self", null=True, backref="follow_ups", on_delete="SET NULL", index=True
    )
    round = pw.IntegerField(default=1)
    # schema 5: the person as they were when the conversation was held (status completed):
    # recorded when it is marked held, taken again when its person changes, editable to fix
    # a typo. The evidence rules read these, never the contact's current data ("" unknown).
    held_organization = pw.TextField(default="")
    held_role = pw.TextField(default="")
    held_level = pw.TextField(default="")

    class Meta:
        # The columns of the interview list in its order (date, id): the list reads this
        # index alone, not the table, whose rows carry the long texts. The second: who took
        # part in each held conversation, read by the evidence rules (services.evidence).
        indexes = ((("scheduled_at", "id", "contact", "path", "minutes", "mode", "status",
                     "round", "follow_up_of"), False),
                   (("status", "id", "contact", "held_level", "held_organization",
                     "scheduled_at"), False))


class Introduction(BaseModel):
    """A contact introduced during an interview (the interviewee is the introducer)."""

    interview = pw.ForeignKeyField(Interview, backref="introductions", on_delete="CASCADE")
    contact = pw.ForeignKeyField(Contact, backref="introductions", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("interview", "contact"), True),)


class Evidence(TimestampedModel):
    interview = pw.ForeignKeyField(Interview, backref="evidence", on_delete="CASCADE")
    assumption = pw.ForeignKeyField(
        Assumption, backref="evidence", on_delete="CASCADE", index=True
    )
    verdict = pw.TextField()  # supported, challenged, nuanced
    quote = pw.TextField(default="")

    class Meta:
        # (assumption, verdict, interview): the verdicts of each assumption are counted, and
        # the supporting conversations listed, from this index alone, not the table, whose
        # rows carry the quotes (services.paths.list_assumptions)
        indexes = ((("interview", "assumption"), True),
                   (("assumption", "verdict", "interview"), False))


# --- skills, learning and experiments ---------------------------------------------------------


class Skill(TimestampedModel):
    name = pw.TextField()
    key = pw.TextField(unique=True)  # casefolded, stripped, inner spaces collapsed
    kind = pw.TextField(default="technical", index=True)
    # 0-4; None (schema 6): not assessed, the levels were never set
    current_level = pw.IntegerField(null=True, default=None)
    target_level = pw.IntegerField(null=True, default=None)
    transferable = pw.BooleanField(default=False)
    notes = pw.TextField(default="")


class SkillMention(BaseModel):
    interview = pw.ForeignKeyField(Interview, backref="mentions", on_delete="CASCADE", index=True)
    skill = pw.ForeignKeyField(Skill, backref="mentions", on_delete="CASCADE", index=True)
    importance = pw.IntegerField(default=2)  # 1 nice to have, 2 important, 3 essential
    note = pw.TextField(default="")

    class Meta:
        # schema 4: the development list counts each skill's conversations by importance in
        # one pass over this index, in its order (services.development.ranked_skills)
        indexes = ((("skill", "importance", "interview"), False),)


class Answer(BaseModel):
    """One question of an interview's guide with the answer given (declared after Skill: a
    question may target a skill)."""

    interview = pw.ForeignKeyField(Interview, backref="answers", on_delete="CASCADE", index=True)
    question = pw.ForeignKeyField(
        Question, null=True, backref="answers", on_delete="SET NULL", index=True
    )
    question_text = pw.TextField()
    answer = pw.TextField(default="")
    position = pw.IntegerField(default=0)
    # schema 7: a question proposed for what is still uncertain (services.guide_gaps) names
    # what it targets: an open assumption of the path, or a skill mentioned in only one held
    # conversation. At most one of the two is set; both are NULL for any other question.
    # Deleting the assumption or the skill keeps the question and its answer, unmarked
    # (an undo of the delete marks it again).
    assumption = pw.ForeignKeyField(
        Assumption, null=True, backref="guide_questions", on_delete="SET NULL", index=True
    )
    skill = pw.ForeignKeyField(
        Skill, null=True, backref="guide_questions", on_delete="SET NULL", index=True
    )


class LearningItem(TimestampedModel):
    title = pw.TextField()
    kind = pw.TextField(default="course", index=True)  # core.vocab.LEARNING_KINDS
    status = pw.TextField(default="planned", index=True)
    start_date = pw.DateField(null=True)
    end_date = pw.DateField(null=True)
    hours_planned = pw.FloatField(default=0)
    hours_spent = pw.FloatField(default=0)
    units_done = pw.IntegerField(default=0)
    units_total = pw.IntegerField(default=0)
    cost = pw.FloatField(default=0)
    provider = pw.TextField(default="")
    url = pw.TextField(default="")
    outcome = pw.TextField(default="")  # outcome or feedback
    hypothesis = pw.TextField(default="")  # experiments: what it tests
    result = pw.TextField(default="")  # experiments: what it showed
    schedule_day = pw.IntegerField(null=True)  # practice blocks: 0 Monday .. 6 Sunday
    schedule_time = pw.TextField(default="")  # "HH:MM"
    schedule_minutes = pw.IntegerField(default=0)


class LearningSkill(BaseModel):
    learning = pw.ForeignKeyField(LearningItem, backref="skill_links", on_delete="CASCADE")
    skill = pw.ForeignKeyField(Skill, backref="learning_links", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("learning", "skill"), True),)


# --- the value summary ------------------------------------------------------------------------


class SummarySkill(BaseModel):
    """A skill chosen for the value summary, in the order the user set."""

    skill = pw.ForeignKeyField(Skill, backref="summary_links", on_delete="CASCADE", unique=True)
    position = pw.IntegerField(default=0)


class PortfolioItem(TimestampedModel):
    title = pw.TextField()
    result = pw.TextField(default="")  # one-line result in the new context
    url = pw.TextField(default="")
    kind = pw.TextField(default="achievement")  # achievement or experiment
    learning = pw.ForeignKeyField(
        LearningItem, null=True, backref="portfolio", on_delete="SET NULL", index=True
    )
    included = pw.BooleanField(default=True)
    position = pw.IntegerField(default=0)


# --- the plan ---------------------------------------------------------------------------------


class Phase(TimestampedModel):
    name = pw.TextField()
    goal = pw.TextField(default="")
    weekly_hours = pw.FloatField(default=0)
    start_date = pw.DateField(null=True)
    end_date = pw.DateField(null=True)
    success_metric = pw.TextField(default="")
    position = pw.IntegerField(default=0)


class Milestone(TimestampedModel):
    phase = pw.ForeignKeyField(Phase, backref="milestones", on_delete="CASCADE", index=True)
    title = pw.TextField()
    due_date = pw.DateField(null=True, index=True)
    status = pw.TextField(default="planned", index=True)
    done_date = pw.DateField(null=True)
    metric = pw.TextField(default="")
    target = pw.TextField(default="")
    hours_needed = pw.FloatField(default=0)
    money_needed = pw.FloatField(default=0)
    partner = pw.ForeignKeyField(
        Contact, null=True, backref="milestones", on_delete="SET NULL", index=True
    )
    notes = pw.TextField(default="")
    position = pw.IntegerField(default=0)


class MilestoneSkill(BaseModel):
    milestone = pw.ForeignKeyField(Milestone, backref="skill_links", on_delete="CASCADE")
    skill = pw.ForeignKeyField(Skill, backref="milestone_links", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("milestone", "skill"), True),)


class MilestoneLearning(BaseModel):
    milestone = pw.ForeignKeyField(Milestone, backref="learning_links", on_delete="CASCADE")
    learning = pw.ForeignKeyField(
        LearningItem, backref="milestone_links", on_delete="CASCADE", index=True
    )

    class Meta:
        indexes = ((("milestone", "learning"), True),)


class Contingency(TimestampedModel):
    trigger = pw.TextField()  # "no interview offers by June"
    response = pw.TextField(default="")  # "lateral move to operations analyst"
    trigger_date = pw.DateField(null=True)
    path = pw.ForeignKeyField(Path, null=True, backref="contingencies", on_delete="SET NULL")
    position = pw.IntegerField(default=0)


# --- the tracking log -------------------------------------------------------------------------


class LogEntry(TimestampedModel):
    kind = pw.TextField(default="insight", index=True)  # core.vocab.LOG_KINDS
    text = pw.TextField()
    entry_date = pw.DateField(index=True)
    due_date = pw.DateField(null=True, index=True)  # actions only
    done_date = pw.DateField(null=True)
    snoozed_until = pw.DateField(null=True)
    contact = pw.ForeignKeyField(
        Contact, null=True, backref="log_entries", on_delete="SET NULL", index=True
    )
    interview = pw.ForeignKeyField(
        Interview, null=True, backref="log_entries", on_delete="SET NULL", index=True
    )
    path = pw.ForeignKeyField(
        Path, null=True, backref="log_entries", on_delete="SET NULL", index=True
    )


class Template(TimestampedModel):
    """An outreach message template kept in the workspace."""

    key = pw.TextField(unique=True)  # request, thank_you, report_back, follow_up
    name = pw.TextField()
    subject = pw.TextField(default="")
    body = pw.TextField(default="")


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Profile,
    Setting,
    Path,
    Assumption,
    Criterion,
    PathScore,
    Contact,
    Tag,
    ContactTag,
    ContactPath,
    Question,
    PathQuestion,
    Interview,
    Answer,
    Introduction,
    Evidence,
    Skill,
    SkillMention,
    LearningItem,
    LearningSkill,
    SummarySkill,
    PortfolioItem,
    Phase,
    Milestone,
    MilestoneSkill,
    MilestoneLearning,
    Contingency,
    LogEntry,
    Template,
)
