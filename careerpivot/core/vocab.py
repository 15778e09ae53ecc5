"""Enumerations stored in the workspace: a key each and its English display name.

Keys never change once released; display names go through the UI's translator
(context ``vocab``), which is why they are plain literals here.
"""

from __future__ import annotations

PATH_STATUSES = {
    "exploring": "Exploring",
    "active": "Active",
    "parked": "Parked",
    "ruled_out": "Ruled out",
    "chosen": "Chosen",
}

ASSUMPTION_CATEGORIES = {
    "skills": "Required skills",
    "daily_work": "Daily work",
    "trajectory": "Trajectory",
    "pay": "Pay",
    "culture": "Culture and pace",
    "credentials": "Credentials",
    "other": "Other",
}

LEVELS = {
    "": "Unknown",
    "student": "Student",
    "entry": "Entry level",
    "mid": "Mid level",
    "senior": "Senior",
    "lead": "Lead / manager",
    "executive": "Executive",
}

STAGES = {
    "identified": "Identified",
    "to_contact": "To contact",
    "contacted": "Contacted",
    "scheduled": "Scheduled",
    "interviewed": "Interviewed",
    "thanked": "Thanked",
    "ongoing": "Ongoing relationship",
    "declined": "Declined / no reply",
}

#: Check-in cadences offered in the editor (days). 0 means no periodic check-in.
CADENCES = {
    0: "No check-in",
    14: "Every 2 weeks",
    30: "Every month",
    91: "Every 3 months",
    182: "Every 6 months",
}

INTERVIEW_STATUSES = {
    "requested": "Requested",
    "scheduled": "Scheduled",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "no_show": "No-show",
}

INTERVIEW_MODES = {
    "video": "Video call",
    "phone": "Phone",
    "in_person": "In person",
    "chat": "Chat / e-mail",
}

VERDICTS = {
    "supported": "Supported",
    "challenged": "Challenged",
    "nuanced": "Nuanced",
}

ASSUMPTION_STATUSES = {
    "untested": "Untested",
    "supported": "Supported",
    "challenged": "Challenged",
    "contested": "Contested",
}

SKILL_KINDS = {
    "technical": "Technical",
    "soft": "Soft skill",
    "domain": "Domain knowledge",
    "tool": "Tool / software",
    "certification": "Certification",
}

IMPORTANCE = {
    1: "Nice to have",
    2: "Important",
    3: "Essential",
}

LEARNING_KINDS = {
    "course": "Course",
    "certification": "Certification",
    "workshop": "Workshop",
    "book": "Book",
    "practice": "Practice block",
    "project": "Experiment: small project",
    "internship": "Experiment: internship",
    "freelance": "Experiment: freelance task",
    "shadowing": "Experiment: shadowing",
    "volunteering": "Experiment: volunteering",
}
EXPERIMENT_KINDS = frozenset({"project", "internship", "freelance", "shadowing", "volunteering"})

LEARNING_STATUSES = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}

MILESTONE_STATUSES = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "missed": "Missed",
}

LOG_KINDS = {
    "insight": "Insight",
    "decision": "Decision",
    "review": "Weekly review",
    "action": "Follow-up action",
    "outreach": "Outreach",
}

QUESTION_CATEGORIES = {
    "typical_week": "Typical week",
    "decisions": "Decisions that fill the calendar",
    "challenges": "Hardest challenges",
    "skill_gaps": "Skill gaps and how they are bridged",
    "certifications": "Certifications",
    "software": "Software fluency",
    "learning_curve": "Learning curve and time to proficiency",
    "mentoring": "Mentoring and communities",
    "success": "Success at 6–12 months and metrics",
    "trends": "Trends",
    "insights": "Insights",
    "advice": "Advice",
    "resources": "Resources and who else to talk to",
    "assignments": "Assignments",
    "other": "Other",
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
