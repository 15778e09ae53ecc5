"""Enumerations stored in the workspace: a key each and its English display name.

Keys never change once released; display names go through the UI's translator
(context ``vocab``). Each is marked with :func:`QT_TRANSLATE_NOOP`, the call
pyside6-lupdate looks for, so that translators get them too.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; the text itself is kept (it is the key
    the translator looks up when the name is shown)."""
    return text


PATH_STATUSES = {
    "exploring": QT_TRANSLATE_NOOP("vocab", "Exploring"),
    "active": QT_TRANSLATE_NOOP("vocab", "Active"),
    "parked": QT_TRANSLATE_NOOP("vocab", "Parked"),
    "ruled_out": QT_TRANSLATE_NOOP("vocab", "Ruled out"),
    "chosen": QT_TRANSLATE_NOOP("vocab", "Chosen"),
}

ASSUMPTION_CATEGORIES = {
    "skills": QT_TRANSLATE_NOOP("vocab", "Required skills"),
    "daily_work": QT_TRANSLATE_NOOP("vocab", "Daily work"),
    "trajectory": QT_TRANSLATE_NOOP("vocab", "Trajectory"),
    "pay": QT_TRANSLATE_NOOP("vocab", "Pay"),
    "culture": QT_TRANSLATE_NOOP("vocab", "Culture and pace"),
    "credentials": QT_TRANSLATE_NOOP("vocab", "Credentials"),
    "other": QT_TRANSLATE_NOOP("vocab", "Other"),
}

LEVELS = {
    "": QT_TRANSLATE_NOOP("vocab", "Unknown"),
    "student": QT_TRANSLATE_NOOP("vocab", "Student"),
    "entry": QT_TRANSLATE_NOOP("vocab", "Entry level"),
    "mid": QT_TRANSLATE_NOOP("vocab", "Mid level"),
    "senior": QT_TRANSLATE_NOOP("vocab", "Senior"),
    "lead": QT_TRANSLATE_NOOP("vocab", "Lead / manager"),
    "executive": QT_TRANSLATE_NOOP("vocab", "Executive"),
}

STAGES = {
    "identified": QT_TRANSLATE_NOOP("vocab", "Identified"),
    "to_contact": QT_TRANSLATE_NOOP("vocab", "To contact"),
    "contacted": QT_TRANSLATE_NOOP("vocab", "Contacted"),
    "scheduled": QT_TRANSLATE_NOOP("vocab", "Scheduled"),
    "interviewed": QT_TRANSLATE_NOOP("vocab", "Interviewed"),
    "thanked": QT_TRANSLATE_NOOP("vocab", "Thanked"),
    "ongoing": QT_TRANSLATE_NOOP("vocab", "Ongoing relationship"),
    "declined": QT_TRANSLATE_NOOP("vocab", "Declined / no reply"),
}

#: Check-in cadences offered in the editor (days). 0 means no periodic check-in.
CADENCES = {
    0: QT_TRANSLATE_NOOP("vocab", "No check-in"),
    14: QT_TRANSLATE_NOOP("vocab", "Every 2 weeks"),
    30: QT_TRANSLATE_NOOP("vocab", "Every month"),
    91: QT_TRANSLATE_NOOP("vocab", "Every 3 months"),
    182: QT_TRANSLATE_NOOP("vocab", "Every 6 months"),
}

#: The interview status of a conversation that was held: only these count as evidence.
HELD = "completed"

INTERVIEW_STATUSES = {
    "requested": QT_TRANSLATE_NOOP("vocab", "Requested"),
    "scheduled": QT_TRANSLATE_NOOP("vocab", "Scheduled"),
    "completed": QT_TRANSLATE_NOOP("vocab", "Completed"),
    "cancelled": QT_TRANSLATE_NOOP("vocab", "Cancelled"),
    "no_show": QT_TRANSLATE_NOOP("vocab", "No-show"),
}

INTERVIEW_MODES = {
    "video": QT_TRANSLATE_NOOP("vocab", "Video call"),
    "phone": QT_TRANSLATE_NOOP("vocab", "Phone"),
    "in_person": QT_TRANSLATE_NOOP("vocab", "In person"),
    "chat": QT_TRANSLATE_NOOP("vocab", "Chat / e-mail"),
}

VERDICTS = {
    "supported": QT_TRANSLATE_NOOP("vocab", "Supported"),
    "challenged": QT_TRANSLATE_NOOP("vocab", "Challenged"),
    "nuanced": QT_TRANSLATE_NOOP("vocab", "Nuanced"),
}

ASSUMPTION_STATUSES = {
    "untested": QT_TRANSLATE_NOOP("vocab", "Untested"),
    "supported": QT_TRANSLATE_NOOP("vocab", "Supported"),
    "challenged": QT_TRANSLATE_NOOP("vocab", "Challenged"),
    "contested": QT_TRANSLATE_NOOP("vocab", "Contested"),
}

SKILL_KINDS = {
    "technical": QT_TRANSLATE_NOOP("vocab", "Technical"),
    "soft": QT_TRANSLATE_NOOP("vocab", "Soft skill"),
    "domain": QT_TRANSLATE_NOOP("vocab", "Domain knowledge"),
    "tool": QT_TRANSLATE_NOOP("vocab", "Tool / software"),
    "certification": QT_TRANSLATE_NOOP("vocab", "Certification"),
}

IMPORTANCE = {
    1: QT_TRANSLATE_NOOP("vocab", "Nice to have"),
    2: QT_TRANSLATE_NOOP("vocab", "Important"),
    3: QT_TRANSLATE_NOOP("vocab", "Essential"),
}

LEARNING_KINDS = {
    "course": QT_TRANSLATE_NOOP("vocab", "Course"),
    "certification": QT_TRANSLATE_NOOP("vocab", "Certification"),
    "workshop": QT_TRANSLATE_NOOP("vocab", "Workshop"),
    "book": QT_TRANSLATE_NOOP("vocab", "Book"),
    "practice": QT_TRANSLATE_NOOP("vocab", "Practice block"),
    "project": QT_TRANSLATE_NOOP("vocab", "Experiment: small project"),
    "internship": QT_TRANSLATE_NOOP("vocab", "Experiment: internship"),
    "freelance": QT_TRANSLATE_NOOP("vocab", "Experiment: freelance task"),
    "shadowing": QT_TRANSLATE_NOOP("vocab", "Experiment: shadowing"),
    "volunteering": QT_TRANSLATE_NOOP("vocab", "Experiment: volunteering"),
}
EXPERIMENT_KINDS = frozenset({"project", "internship", "freelance", "shadowing", "volunteering"})

LEARNING_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("vocab", "Planned"),
    "in_progress": QT_TRANSLATE_NOOP("vocab", "In progress"),
    "done": QT_TRANSLATE_NOOP("vocab", "Done"),
    "dropped": QT_TRANSLATE_NOOP("vocab", "Dropped"),
}

MILESTONE_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("vocab", "Planned"),
    "in_progress": QT_TRANSLATE_NOOP("vocab", "In progress"),
    "done": QT_TRANSLATE_NOOP("vocab", "Done"),
    "missed": QT_TRANSLATE_NOOP("vocab", "Missed"),
}

LOG_KINDS = {
    "insight": QT_TRANSLATE_NOOP("vocab", "Insight"),
    "decision": QT_TRANSLATE_NOOP("vocab", "Decision"),
    "review": QT_TRANSLATE_NOOP("vocab", "Weekly review"),
    "action": QT_TRANSLATE_NOOP("vocab", "Follow-up action"),
    "outreach": QT_TRANSLATE_NOOP("vocab", "Outreach"),
}

QUESTION_CATEGORIES = {
    "typical_week": QT_TRANSLATE_NOOP("vocab", "Typical week"),
    "decisions": QT_TRANSLATE_NOOP("vocab", "Decisions that fill the calendar"),
    "challenges": QT_TRANSLATE_NOOP("vocab", "Hardest challenges"),
    "skill_gaps": QT_TRANSLATE_NOOP("vocab", "Skill gaps and how they are bridged"),
    "certifications": QT_TRANSLATE_NOOP("vocab", "Certifications"),
    "software": QT_TRANSLATE_NOOP("vocab", "Software fluency"),
    "learning_curve": QT_TRANSLATE_NOOP("vocab", "Learning curve and time to proficiency"),
    "mentoring": QT_TRANSLATE_NOOP("vocab", "Mentoring and communities"),
    "success": QT_TRANSLATE_NOOP("vocab", "Success at 6–12 months and metrics"),
    "trends": QT_TRANSLATE_NOOP("vocab", "Trends"),
    "insights": QT_TRANSLATE_NOOP("vocab", "Insights"),
    "advice": QT_TRANSLATE_NOOP("vocab", "Advice"),
    "resources": QT_TRANSLATE_NOOP("vocab", "Resources and who else to talk to"),
    "assignments": QT_TRANSLATE_NOOP("vocab", "Assignments"),
    "other": QT_TRANSLATE_NOOP("vocab", "Other"),
}

DEFAULT_PHASES = (
    ("Exploration", "Test my assumptions through conversations with practitioners."),
    ("Skill-building", "Close the most important skill gaps."),
    ("Hands-on practice", "Apply the skills in small, real experiments."),
    ("Formal validation", "Earn the credentials and references the field expects."),
)

DEFAULT_CRITERIA = (
    ("Fit with my strengths", 3.0, False),
    ("Feasibility", 2.0, False),
    ("Pay", 2.0, False),
    ("Lifestyle", 2.0, False),
    ("Evidence strength", 3.0, True),
)
