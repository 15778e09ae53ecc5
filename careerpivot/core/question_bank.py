"""The starting content of a new workspace: a bank of informational-interview questions and
the default outreach templates.

Pure data. New workspaces copy it into their own tables (``services.seed``), where the user
edits it freely; changing this module never changes an existing workspace.
"""

from __future__ import annotations

from typing import NamedTuple

#: (category key, question) in the order the bank is shown. Categories are the keys of
#: ``core.vocab.QUESTION_CATEGORIES``; every one but ``other`` has two to four questions.
QUESTIONS: tuple[tuple[str, str], ...] = (
    # typical week
    ("typical_week", "What does a typical week look like for you, from Monday morning to "
                     "Friday afternoon?"),
    ("typical_week", "How is your time split between meetings, focused work and unplanned "
                     "problems?"),
    ("typical_week", "Which part of the week do you look forward to, and which part drains "
                     "you?"),
    # decisions that fill the calendar
    ("decisions", "Which decisions take up most of your calendar, and who else is involved "
                  "in them?"),
    ("decisions", "Could you walk me through a recent decision and how you weighed the "
                  "trade-offs?"),
    ("decisions", "Which decisions are yours to make, and which can you only influence?"),
    # hardest challenges
    ("challenges", "What is the hardest part of your job that people outside the field "
                   "rarely see?"),
    ("challenges", "What was the last problem that kept you up at night, and how did you "
                   "handle it?"),
    ("challenges", "What makes someone struggle in this role even when they look strong on "
                   "paper?"),
    # skill gaps and how they are bridged
    ("skill_gaps", "Which skills did you lack when you started, and how did you close the "
                   "gap?"),
    ("skill_gaps", "Given my background, which gap do you think would matter most, and how "
                   "would you bridge it?"),
    ("skill_gaps", "Which skills can be learned on the job, and which need deliberate "
                   "practice beforehand?"),
    # certifications
    ("certifications", "Do hiring managers in your field look for particular certifications, "
                       "or do they count for little?"),
    ("certifications", "Is there a credential you would recommend to someone making this "
                       "switch, and one you would skip?"),
    # software fluency
    ("software", "Which tools do you use every day, and how fluent do you need to be on your "
                 "first day?"),
    ("software", "Is there a tool or technical skill that newcomers tend to underestimate?"),
    # learning curve and time to proficiency
    ("learning_curve", "How long did it take you to feel genuinely proficient, and what sped "
                       "that up?"),
    ("learning_curve", "What does the learning curve look like for someone who joins from a "
                       "neighbouring field?"),
    # mentoring and communities
    ("mentoring", "Who helped you most when you were starting out, and how did that "
                  "relationship begin?"),
    ("mentoring", "Which communities, meetups or groups are worth joining for someone new to "
                  "the field?"),
    # success at 6-12 months and the metrics leaders watch
    ("success", "What would someone in my position need to have achieved after six and after "
                "twelve months to be seen as successful?"),
    ("success", "Which metrics do the leaders in your organization watch most closely for "
                "this role?"),
    ("success", "How is performance judged here, formally and informally?"),
    # trends
    ("trends", "What changes do you expect in this field over the next three to five years?"),
    ("trends", "Which skills do you expect to become more valuable, and which less?"),
    # insights
    ("insights", "What do you know now about this work that you wish you had known when you "
                 "started?"),
    ("insights", "What is the most common misconception about your role?"),
    # advice
    ("advice", "If you were in my position, what would you do in the next three months?"),
    ("advice", "What would make you take a career changer seriously as a candidate?"),
    ("advice", "From what you have heard about my background, what concerns would a hiring "
               "manager have?"),
    # resources, and who else to talk to
    ("resources", "Who else should I talk to, and would you be comfortable introducing me?"),
    ("resources", "Which books, newsletters or courses would you recommend to someone "
                  "starting out?"),
    # assignments
    ("assignments", "Is there a small project I could take on to test whether I enjoy this "
                    "work?"),
    ("assignments", "What kind of work sample would convince you that someone can do the "
                    "job?"),
)


class TemplateText(NamedTuple):
    key: str
    name: str
    subject: str
    body: str


#: Placeholders a template may use; each is filled from the contact, the path, the interview
#: or the user's profile.
PLACEHOLDERS: tuple[str, ...] = (
    "contact_first_name",
    "my_name",
    "path_title",
    "organization",
    "learning_goal",
    "interview_date",
)

TEMPLATES: tuple[TemplateText, ...] = (
    TemplateText(
        "request",
        "Interview request",
        "A 20-minute conversation about {path_title}?",
        "Hi {contact_first_name},\n\n"
        "I'm {my_name}. I'm exploring a move into {path_title} and would like to understand "
        "{learning_goal}. Your experience at {organization} would help me see the work as it "
        "really is.\n\n"
        "I'm not asking about jobs, only for your perspective. I'll send my questions "
        "beforehand and keep strictly to time.\n\n"
        "Would you be open to a 20-minute call in the next few weeks, whenever suits you "
        "best?",
    ),
    TemplateText(
        "thank_you",
        "Thank you",
        "Thank you for your time",
        "Hi {contact_first_name},\n\n"
        "Thank you for talking with me on {interview_date}. Your view of {path_title} at "
        "{organization} gave me a much clearer picture of {learning_goal}, and I have already "
        "acted on your advice.\n\n"
        "I'll let you know how it goes. If I can ever return the favour, please ask.\n\n"
        "Best regards,\n{my_name}",
    ),
    TemplateText(
        "report_back",
        "Report back",
        "What I did with your advice",
        "Hi {contact_first_name},\n\n"
        "When we spoke on {interview_date} you gave me advice about {path_title}. I wanted to "
        "tell you what came of it: I followed it up, and it has shaped my next steps.\n\n"
        "Thank you again — your time made a real difference. I'd be glad to hear how things "
        "are going at {organization}.\n\n"
        "Best regards,\n{my_name}",
    ),
    TemplateText(
        "follow_up",
        "Gentle follow-up",
        "Following up: a short conversation about {path_title}",
        "Hi {contact_first_name},\n\n"
        "I'm following up on my note about {path_title}. I know your time is limited, so "
        "a 20-minute call, or a few lines by e-mail, would be just as helpful.\n\n"
        "I'm trying to understand {learning_goal}. If now isn't a good moment, no reply is "
        "needed; I won't write again.\n\n"
        "Best regards,\n{my_name}",
    ),
)
