"""A realistic sample workspace, for a first look at the app and for screenshots and tests.

Amara Lindqvist has spent ten years in project coordination at a logistics company and is
weighing two paths, product management and operations leadership. Her workspace holds about
two and a half months of work: contacts and introductions, nine conversations with their
evidence and skill mentions, two conversations coming up, a development list, a plan and a
value summary. Dates are relative to the day it is built for (the clock's today by default),
so the sample always looks current; nothing is random, so two sample workspaces made for the
same day are identical.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from pathlib import Path as _FsPath

from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError
from careerpivot.core.validation import name_key
from careerpivot.services import workspace
from careerpivot.store.db import write
from careerpivot.store.models import (
    Answer,
    Assumption,
    Contact,
    ContactPath,
    ContactTag,
    Contingency,
    Criterion,
    Evidence,
    Interview,
    Introduction,
    LearningItem,
    LearningSkill,
    LogEntry,
    Milestone,
    MilestoneLearning,
    MilestoneSkill,
    Path,
    PathQuestion,
    PathScore,
    Phase,
    PortfolioItem,
    Profile,
    Question,
    Setting,
    Skill,
    SkillMention,
    SummarySkill,
    Tag,
)

__all__ = ["create_demo_workspace", "ensure_demo_workspace"]


# --- the person -------------------------------------------------------------------------------

PROFILE = {
    "full_name": "Amara Lindqvist",
    "headline": "Project coordinator moving into product management",
    "current_role": "Senior Project Coordinator, Halden Logistics",
    "location": "Leeds, United Kingdom",
    "email": "amara.lindqvist@example.com",
    "phone": "+44 7700 900418",
    "website": "https://amaralindqvist.example",
    "linkedin": "https://www.linkedin.com/in/amara-lindqvist-demo",
    "narrative": (
        "For ten years I have turned messy, cross-team requests into plans that ship on time: "
        "warehouse systems, carrier migrations and a scheduling tool now used at six sites. "
        "The part of that work I enjoy most is the part product managers do every day — "
        "finding out what users really need, deciding what not to build and keeping "
        "engineering, operations and finance pulling in the same direction. I am now adding "
        "the data and discovery skills the role demands, and testing them in small, real "
        "projects."
    ),
    "ask": (
        "I am looking for a product manager role in B2B software for operations or "
        "logistics teams, and for introductions to product leaders hiring in that space."
    ),
}


# --- paths, assumptions, criteria -------------------------------------------------------------

PATHS = (
    ("pm", "Product management", "B2B software and fintech", "active",
     "I already do half the job — aligning stakeholders and shipping on time. I want to own "
     "the why and the what, not only the when."),
    ("ops", "Operations leadership", "Logistics and operations", "exploring",
     "The natural next step from where I am: leading sites and teams I know well, with "
     "budget and people responsibility."),
)

#: (handle, path, category, statement, initial confidence %)
ASSUMPTIONS = (
    ("pm_stakeholders", "pm", "skills",
     "Stakeholder management from project coordination transfers directly to product work.",
     70),
    ("pm_sql", "pm", "skills",
     "I need SQL good enough to answer my own product questions.", 60),
    ("pm_cert", "pm", "credentials",
     "A product certification (PSPO or similar) is needed to get a first interview.", 55),
    ("pm_meetings", "pm", "daily_work",
     "Most of a product manager's week is spent in meetings rather than on deep work.", 65),
    ("pm_entry", "pm", "trajectory",
     "An associate product manager role is the realistic entry point for me.", 50),
    ("pm_pay", "pm", "pay",
     "Moving into product would not mean a pay cut at mid level.", 45),
    ("pm_pace", "pm", "culture",
     "Fintech product teams move faster and tolerate more ambiguity than logistics.", 60),
    ("ops_people", "ops", "daily_work",
     "Operations leaders spend most of their time on people and process, not spreadsheets.",
     55),
    ("ops_lean", "ops", "credentials",
     "A Lean Six Sigma Green Belt is expected for operations management roles.", 50),
    ("ops_finance", "ops", "skills",
     "Financial modelling and budget ownership are the biggest gap in my profile.", 65),
    ("ops_timeline", "ops", "trajectory",
     "An operations manager role is reachable within twelve months from my current job.", 50),
    ("ops_pay", "ops", "pay",
     "Operations leadership pays more than product management in the first five years.", 35),
    ("ops_hours", "ops", "culture",
     "Operations roles mean more out-of-hours and on-call work.", 60),
)

#: Scores 0-5 per default criterion (in the order of core.vocab.DEFAULT_CRITERIA).
PATH_SCORES = {
    "pm": (4.5, 3.5, 3.5, 4.0, 4.0),
    "ops": (3.5, 4.0, 4.0, 2.5, 3.0),
}


# --- the network ------------------------------------------------------------------------------

#: handle: (name, organization, role, level, email, url, how met, introduced by, stage,
#:          cadence days, last contact or None, tags, paths, phone, notes); dates are days
#:          from today or (interview, days after it)
CONTACTS: dict[str, tuple] = {
    "priya": (
        "Priya Raman", "Northwind Pay", "Senior Product Manager", "senior",
        "priya.raman@northwindpay.example", "https://www.linkedin.com/in/priya-raman-demo",
        "University of Leeds alumni network", None, "ongoing", 30, -12,
        ("alumni", "fintech"), ("pm",), "",
        "Owns merchant onboarding. Generous with time; prefers short agendas sent ahead.",
    ),
    "zoe": (
        "Zoë Łukasiewicz-Ngô", "Brightline Software", "Head of Product", "lead",
        "zoe.ngo@brightline.example", "https://zoe-ngo.example",
        "Spoke after her talk at the Product Leeds meetup", None, "ongoing", 30, ("i_zoe_2", 0),
        ("meetup", "saas"), ("pm",), "+44 113 496 0720",
        "Hires career changers on purpose. Offered to review my A/B test write-up.",
    ),
    "daniel": (
        "Daniel Achterberg", "Halden Logistics", "Operations Manager, Doncaster hub", "lead",
        "daniel.achterberg@halden.example", "",
        "Colleague at another site", None, "thanked", 91, ("i_daniel", 1),
        ("former colleague", "logistics"), ("ops",), "+44 1302 960 114",
        "Runs the Doncaster hub. Suggested a budget-holder secondment.",
    ),
    "tomas": (
        "Tomás Ferreira", "Northwind Pay", "Associate Product Manager", "entry",
        "tomas.ferreira@northwindpay.example", "",
        "Introduced by Priya Raman", "priya", "thanked", 91, ("i_tomas", 1),
        ("fintech",), ("pm",), "",
        "Moved from customer support into product two years ago.",
    ),
    "grace": (
        "Grace Whitfield", "Atlas Freight", "Chief Operating Officer", "executive",
        "g.whitfield@atlasfreight.example", "https://www.linkedin.com/in/grace-whitfield-demo",
        "Former client of Halden Logistics", None, "ongoing", 30, ("i_grace", 1),
        ("logistics",), ("ops",), "",
        "Asked me to come back with a plan in a month.",
    ),
    "seoyeon": (
        "김서연", "Lumen Analytics", "Product Analyst", "mid",
        "seoyeon.kim@lumenanalytics.example", "",
        "Introduced by Zoë Łukasiewicz-Ngô", "zoe", "thanked", 182, ("i_seoyeon", 1),
        ("saas",), ("pm",), "",
        "Goes by Seo-yeon. Offered to review my first A/B test analysis.",
    ),
    "hannah": (
        "Hannah Okoye", "Kestrel Health", "Product Manager", "mid",
        "hannah.okoye@kestrelhealth.example", "https://www.linkedin.com/in/hannah-okoye-demo",
        "University of Leeds alumni network", None, "thanked", 91, ("i_hannah", 1),
        ("alumni", "healthtech"), ("pm",), "",
        "Moved from NHS project management into product — the profile closest to mine.",
    ),
    "sofia": (
        "Sofia Marchetti", "Fernhill Manufacturing", "Continuous Improvement Lead", "senior",
        "sofia.marchetti@fernhill.example", "",
        "Introduced by Daniel Achterberg", "daniel", "interviewed", 91, ("i_sofia", 0),
        ("lean",), ("ops",), "",
        "Invited me to sit in on a kaizen workshop.",
    ),
    "marcus": (
        "Marcus Bell", "Kestrel Health", "VP Product", "executive",
        "marcus.bell@kestrelhealth.example", "https://www.linkedin.com/in/marcus-bell-demo",
        "Introduced by Hannah Okoye", "hannah", "scheduled", 0, -6,
        ("healthtech",), ("pm",), "",
        "Builds the product team at Kestrel; interested in operations backgrounds.",
    ),
    "ravi": (
        "Ravi Menon", "Copperleaf Retail", "Head of Operations", "lead",
        "ravi.menon@copperleaf.example", "",
        "Introduced by Grace Whitfield", "grace", "scheduled", 0, -5,
        ("retail",), ("ops",), "+44 161 496 0388",
        "Runs distribution and store replenishment for 140 shops.",
    ),
    "elena": (
        "Elena Petrova", "Copperleaf Retail", "Operations Analyst", "entry",
        "elena.petrova@copperleaf.example", "",
        "Operations Excellence meetup, Manchester", None, "contacted", 0, -15,
        ("meetup", "retail"), ("ops",), "",
        "",
    ),
    "liam": (
        "Liam O'Connor", "University of Leeds", "MSc Business Analytics student", "student",
        "", "https://www.linkedin.com/in/liam-oconnor-demo",
        "University careers fair", None, "contacted", 0, -18,
        ("alumni",), ("pm",), "",
        "Runs the student product club; good source of study partners for SQL.",
    ),
    "aisha": (
        "Aisha Rahman", "Brightline Software", "Senior Product Designer", "senior",
        "aisha.rahman@brightline.example", "",
        "Introduced by Zoë Łukasiewicz-Ngô", "zoe", "to_contact", 0, None,
        ("saas",), ("pm",), "",
        "Leads discovery research with Zoë's team.",
    ),
    "jonas": (
        "Jonas Weber", "Northwind Pay", "Engineering Manager", "lead",
        "jonas.weber@northwindpay.example", "",
        "Introduced by Priya Raman", "priya", "identified", 0, None,
        ("fintech",), ("pm",), "",
        "Could explain how engineering sees a good PM.",
    ),
    "fatima": (
        "Fatima Al-Sayed", "Meridian Bank", "Product Owner, Mobile Banking", "mid",
        "fatima.alsayed@meridianbank.example", "https://www.linkedin.com/in/fatima-al-sayed-demo",
        "LinkedIn: commented on her post about product owner roles in banks", None,
        "contacted", 0, -6,
        ("fintech",), ("pm",), "",
        "Request sent; she said next month would be easier.",
    ),
    "oliver": (
        "Oliver Grant", "Meridian Bank", "Director of Operations", "executive",
        "oliver.grant@meridianbank.example", "",
        "LinkedIn", None, "declined", 0, -38,
        ("fintech",), ("ops",), "",
        "Politely declined: no time this quarter. Try again in the autumn.",
    ),
    "chloe": (
        "Chloe Nguyen", "Meridian Bank", "Agile Coach", "senior",
        "", "https://www.linkedin.com/in/chloe-nguyen-demo",
        "Product Leeds meetup", None, "identified", 0, None,
        ("meetup", "fintech"), ("pm",), "",
        "",
    ),
    "samuel": (
        "Samuel Adeyemi", "Brightline Software", "Product Manager", "mid",
        "samuel.adeyemi@brightline.example", "",
        "Product Leeds meetup", None, "to_contact", 0, None,
        ("meetup", "saas"), ("pm",), "",
        "Came into product from customer success.",
    ),
    "mei": (
        "Mei Tanaka", "Atlas Freight", "Supply Chain Planner", "entry",
        "mei.tanaka@atlasfreight.example", "",
        "Introduced by Grace Whitfield", "grace", "to_contact", 0, None,
        ("logistics",), ("ops",), "",
        "",
    ),
    "robert": (
        "Robert Lindgren", "Halden Logistics", "Programme Director", "executive",
        "robert.lindgren@halden.example", "",
        "My manager for six years", None, "ongoing", 91, -30,
        ("former colleague", "mentor", "logistics"), ("pm", "ops"), "+44 113 496 0155",
        "Supportive of the move; agreed to be an accountability partner for the plan.",
    ),
    "nadia": (
        "Nadia Haddad", "Leeds Career Collective", "Career Coach", "senior",
        "nadia@leedscareers.example", "https://leedscareers.example/nadia",
        "Recommended by a friend", None, "ongoing", 14, -7,
        ("mentor",), ("pm", "ops"), "",
        "Fortnightly check-ins on the plan.",
    ),
    "ben": (
        "Ben Carter", "Fernhill Manufacturing", "Operations Coordinator", "entry",
        "", "",
        "Operations Excellence meetup, Manchester", None, "identified", 0, None,
        ("meetup",), ("ops",), "",
        "",
    ),
    "isabel": (
        "Isabel Cruz", "Kestrel Health", "Product Operations Manager", "senior",
        "isabel.cruz@kestrelhealth.example", "",
        "Introduced by Hannah Okoye", "hannah", "contacted", 0, -20,
        ("healthtech",), ("pm",), "",
        "Product operations could be a bridge role; ask how she moved into it.",
    ),
    "kwame": (
        "Kwame Mensah", "University of Leeds", "BSc Management student", "student",
        "", "",
        "Product Leeds meetup", None, "identified", 0, None,
        ("alumni", "meetup"), ("pm",), "",
        "",
    ),
    "laura": (
        "Laura Schmidt", "Lumen Analytics", "Operations Lead", "lead",
        "laura.schmidt@lumenanalytics.example", "",
        "LinkedIn", None, "declined", 0, -45,
        ("saas",), ("ops",), "",
        "No reply after a request and one follow-up.",
    ),
}


# --- questions and interviews -----------------------------------------------------------------

#: Core questions per path: bank questions by their text, or new ones (category, text).
Q_WEEK = "What does a typical week look like for you, from Monday morning to Friday afternoon?"
Q_GAP = ("Given my background, which gap do you think would matter most, and how would you "
         "bridge it?")
Q_SUCCESS = ("What would someone in my position need to have achieved after six and after "
             "twelve months to be seen as successful?")
Q_HARD = "What was the last problem that kept you up at night, and how did you handle it?"
Q_CERT = ("Do hiring managers in your field look for particular certifications, or do they "
          "count for little?")
Q_PROJECT = "Is there a small project I could take on to test whether I enjoy this work?"
Q_SERIOUS = "What would make you take a career changer seriously as a candidate?"
Q_NEXT = "If you were in my position, what would you do in the next three months?"
Q_SAY_NO = ("decisions",
            "How do you decide what not to build, and how do you say no to stakeholders?")
Q_METRICS = ("success",
             "Which operational metrics do you review every week, and what do you do when one "
             "slips?")

CORE_QUESTIONS = {
    "pm": (Q_WEEK, Q_SAY_NO, Q_GAP, Q_SUCCESS),
    "ops": (Q_WEEK, Q_METRICS, Q_HARD, Q_CERT),
}
ROUND_TWO_GUIDE = (Q_PROJECT, Q_SERIOUS, Q_NEXT)

#: handle: (contact, path, days from today, time, minutes, mode, status, follow-up of, context,
#:          answers (one per guide question), notes, typical week, challenges,
#:          success metrics, surprises, resonated, fit signal)
INTERVIEWS: dict[str, tuple] = {
    "i_priya": (
        "priya", "pm", -70, "12:30", 30, "video", "completed", None,
        "Ten years in project coordination at Halden Logistics. Goal: understand how product "
        "managers decide what to build and which of my skills carry over.",
        (
            "Monday is planning: sprint review with engineering and a metrics check. Tuesday "
            "to Thursday mixes merchant discovery calls, design reviews and one-to-ones with "
            "stakeholders. Friday mornings are blocked for writing specs and the roadmap "
            "update.",
            "Every request is scored against the quarter's two outcomes, merchant activation "
            "and payment success rate. If it moves neither, the answer is no, with a date to "
            "revisit. \"Saying no kindly and with data is half the job.\"",
            "Data fluency. She expects PMs to pull their own numbers in SQL — not to be "
            "analysts, but not to wait three days for an answer either. My stakeholder and "
            "delivery experience would be the easy part to sell.",
            "At six months: owns one area end to end and has shipped one measurable "
            "improvement. At twelve: sets the roadmap for that area and engineering trusts the "
            "priorities. Leaders watch activation, payment success rate and time to first "
            "transaction.",
        ),
        "Very generous with her time. Offered two introductions (Tomás Ferreira and Jonas "
        "Weber). Suggested product operations roles as a possible bridge.",
        "About 40% meetings, 30% discovery and customer calls, 30% writing and analysis.",
        "Balancing compliance requirements against speed; turning down senior sales requests.",
        "Merchant activation rate, payment success rate, time to first transaction.",
        "How much writing the job involves: specs, decision memos, roadmap narratives.",
        "Negotiating scope across compliance, sales and engineering — I do that today.",
        2,
    ),
    "i_zoe": (
        "zoe", "pm", -62, "08:30", 45, "in_person", "completed", None,
        "Met at the Product Leeds meetup. Goal: how discovery work is done and whether "
        "Brightline hires people from operations.",
        (
            "Mostly people: one-to-ones with five PMs, a roadmap review with the leadership "
            "team and two customer calls she never cancels. Her PMs spend about half their "
            "time in meetings; the rest is discovery and writing.",
            "Opportunity sizing and a simple cost-of-delay estimate. The hard part is "
            "explaining a no to customer success. She turns down about four requests in five.",
            "Discovery: talking to users without leading them and turning what they say into a "
            "testable problem. She suggested Teresa Torres's book and shadowing a discovery "
            "sprint with her team.",
            "Six months: runs discovery alone and has one validated bet on the roadmap. Twelve "
            "months: one shipped bet with a measured outcome. She watches weekly active "
            "accounts and feature adoption.",
        ),
        "Offered to let me shadow a discovery sprint. Introduced me to 김서연 at Lumen "
        "Analytics and to Aisha Rahman on her design team.",
        "Half meetings, half discovery and writing; PMs talk to at least three customers a "
        "week.",
        "Keeping discovery alive under delivery pressure; aligning sales promises with the "
        "roadmap.",
        "Weekly active accounts, feature adoption, churn in the first 90 days.",
        "She hires career changers deliberately: operations people understand field-service "
        "customers.",
        "Shadowing as a low-risk way to test the work before committing.",
        2,
    ),
    "i_daniel": (
        "daniel", "ops", -55, "17:00", 30, "phone", "completed", None,
        "Colleague at the Doncaster hub. Goal: what an operations manager's job is really "
        "like, and what I would be missing.",
        (
            "A 7:30 stand-up with shift leads, then a walk of the floor. Tuesday is the "
            "performance review with the regional director, Thursday budget and headcount. "
            "Most of the week is people and process; spreadsheets come in at month end.",
            "Cost per parcel, on-time dispatch, labour hours against plan and safety "
            "incidents. When one slips he runs a short root-cause session the same day and "
            "names one owner.",
            "Peak week last November: a sorter failed two days before Black Friday. He "
            "re-planned three shifts overnight and borrowed staff from Wakefield.",
            "Nobody at Halden has asked him about certificates. What counted was budget "
            "ownership, which he learned from the finance business partner.",
        ),
        "Frank about my gap: I have never owned a budget or headcount. Suggested asking for a "
        "budget-holder secondment. Introduced me to Sofia Marchetti at Fernhill.",
        "Stand-ups, floor walks, weekly performance and budget reviews; month-end reporting.",
        "Peak season; agency staffing; keeping morale through night shifts.",
        "Cost per parcel, on-time dispatch, labour hours against plan, safety incidents.",
        "How little of the job is planning — most of it is people.",
        "Calm problem-solving under pressure, which I enjoy.",
        1,
    ),
    "i_tomas": (
        "tomas", "pm", -48, "09:00", 20, "video", "completed", None,
        "Introduced by Priya. Goal: what the first two years in product look like for a "
        "career changer.",
        (
            "Back to back: stand-up, refinement, sprint review and stakeholder syncs. About 70% "
            "of his week is meetings; deep work happens early in the morning.",
            "As an associate he doesn't decide alone. He prepares the data and the trade-offs "
            "and his lead decides. He is learning to frame a no as \"not now, because…\".",
            "SQL, without question. He took a six-week course before starting and still "
            "practises every week. Jira took him a week to learn.",
            "Six months: write a spec that engineering doesn't send back. Twelve months: own a "
            "small feature area. His lead watches whether he can answer data questions "
            "without help.",
        ),
        "Joined product from customer support two years ago. Recommended a weekly SQL "
        "practice habit on public datasets.",
        "Mostly meetings; analysis before 9 a.m.",
        "Influencing engineers without authority; learning the payments domain.",
        "Spec quality, time from idea to release, self-serve analysis.",
        "How structured the associate programme is: rotations and a named mentor.",
        "His path from support to product — proof that the switch works.",
        1,
    ),
    "i_grace": (
        "grace", "ops", -41, "14:00", 30, "video", "completed", None,
        "Former client of Halden. Goal: what a COO looks for when promoting someone into "
        "operations leadership.",
        (
            "Board preparation, two depot visits a week and a Monday operations review across "
            "eight depots. Coordinators who become leaders have to learn to stop doing the "
            "work themselves.",
            "Margin per route, on-time-in-full, driver retention and cash conversion. A "
            "slipping metric gets an owner and a date, not a meeting.",
            "Fuel prices last year: she re-priced 300 contracts in six weeks. The hard part was "
            "the customer conversations, not the model.",
            "Sceptical of belts: \"I'd rather see one improvement you led, with the numbers "
            "behind it.\" Finance literacy matters more; a P&L course would help me more than "
            "any certificate.",
        ),
        "Direct and practical. Introduced me to Ravi Menon at Copperleaf and Mei Tanaka on "
        "her planning team. Asked me to come back in a month with a plan.",
        "Reviews, depot visits, board work; very little hands-on planning.",
        "Fuel and labour costs; driver retention.",
        "Margin per route, on-time-in-full, driver retention, cash conversion.",
        "How much of a COO's week is about money.",
        "Her clarity about what she promotes people for.",
        1,
    ),
    "i_seoyeon": (
        "seoyeon", "pm", -34, "11:00", 30, "video", "completed", None,
        "Introduced by Zoë. Goal: how much data skill a PM needs and how to build it.",
        (
            "She supports three product teams: two days of analysis requests, one day of "
            "dashboards, and the rest in experiment reviews and helping PMs frame questions.",
            "PMs who can't read their own data defer decisions. The best ones write the "
            "question first, then the query, and agree the decision rule before the test "
            "starts.",
            "SQL and basic statistics. Practise weekly on public datasets and learn to read an "
            "A/B test: sample size, significance and guardrail metrics.",
            "Within a year the PMs she rates most can design an experiment and explain the "
            "result to a non-technical audience. The best PMs communicate like the "
            "coordinators she used to work with.",
        ),
        "Offered to review my first A/B test analysis. Shared a list of public datasets to "
        "practise on.",
        "Analysis requests, dashboards, experiment reviews.",
        "Underpowered tests; PMs who decide first and look for data afterwards.",
        "Experiment velocity, share of decisions backed by a test.",
        "How much of her work is teaching PMs to ask better questions.",
        "Framing a question before touching the data.",
        1,
    ),
    "i_hannah": (
        "hannah", "pm", -27, "13:00", 30, "video", "completed", None,
        "University alumni network. Goal: how she moved from NHS project management into "
        "product.",
        (
            "A compliance check-in on Mondays, clinician interviews on Wednesdays and a lot of "
            "documentation. Meetings are about a third of her time; documentation takes much "
            "of the rest.",
            "Patient safety first, then clinical evidence, then commercial value. Saying no is "
            "easier when a regulation backs you.",
            "User research with clinicians, who are short on time and sceptical. She bridged "
            "it by shadowing ward staff for a week.",
            "Six months: trusted by clinicians. Twelve months: one release through clinical "
            "safety review. Leaders watch clinician adoption and incident reports.",
        ),
        "The profile closest to mine. She came in as a PM, not as an associate, and thinks "
        "my experience supports the same. Introduced me to Isabel Cruz and Marcus Bell.",
        "Compliance, clinician interviews, documentation; a third meetings.",
        "Regulation slows releases; clinicians have little time for research.",
        "Clinician adoption, incident reports, release cadence.",
        "Managing clinicians, compliance and engineering at once felt like project "
        "management to her.",
        "That my delivery record could justify applying for PM roles directly.",
        2,
    ),
    "i_zoe_2": (
        "zoe", "pm", -9, "08:30", 30, "video", "completed", "i_zoe",
        "Second conversation after shadowing her team's discovery sprint. Goal: what to do in "
        "the next three months.",
        (
            "Analyse a real pricing-page test end to end and write it up as a one-page "
            "decision memo. She offered to review it.",
            "Evidence of product thinking: a problem statement, a decision made with data and "
            "what happened next. Certificates come last.",
            "Apply for PM roles, not associate roles: an associate title would undersell ten "
            "years of delivery. Spend the three months on SQL and one strong write-up.",
        ),
        "She read my discovery notes from the sprint and called them better than some "
        "juniors'. Clear advice: aim for PM roles in B2B software where operations knowledge "
        "is an asset.",
        "",
        "",
        "",
        "That she would consider me for a PM role at Brightline within a year.",
        "A concrete three-month plan.",
        2,
    ),
    "i_sofia": (
        "sofia", "ops", -1, "10:00", 45, "in_person", "completed", None,
        "Introduced by Daniel. Goal: how much continuous improvement and Lean certification "
        "matter in operations roles.",
        (
            "A gemba walk every morning, two kaizen workshops a week and a report to the plant "
            "manager on Fridays.",
            "OEE, scrap rate, changeover time and cost savings booked with finance. Every "
            "saving has to be agreed with finance or it didn't happen.",
            "Getting the night shift to own a new changeover standard: she spent three weeks "
            "on nights to do it.",
            "In manufacturing a Green Belt is expected for her role and recruiters filter on "
            "it. Outside manufacturing she sees it less often.",
        ),
        "Invited me to a kaizen workshop. Green Belt costs £1,200–£1,800 and takes about three "
        "months part-time.",
        "Floor walks, workshops, weekly reporting.",
        "Sustaining improvements once the project team leaves.",
        "OEE, scrap rate, changeover time, booked savings.",
        "How close the finance relationship is.",
        "Structured problem-solving with the people who do the work.",
        0,
    ),
    "i_marcus": (
        "marcus", "pm", 3, "16:00", 30, "video", "scheduled", None,
        "Introduced by Hannah. Goal: what Kestrel's VP of Product looks for when hiring PMs "
        "from outside product.",
        (), "", "", "", "", "", "", 0,
    ),
    "i_ravi": (
        "ravi", "ops", 9, "12:30", 30, "in_person", "scheduled", None,
        "Introduced by Grace. Goal: how retail operations leadership differs from logistics.",
        (), "", "", "", "", "", "", 0,
    ),
    "i_fatima": (
        "fatima", "pm", None, "", 20, "video", "requested", None,
        "Found through her post about product owner roles. Goal: how product ownership "
        "works in a regulated bank.",
        (), "", "", "", "", "", "", 0,
    ),
}

#: Introductions made during interviews: interview -> contacts introduced.
INTRODUCTIONS = {
    "i_priya": ("tomas", "jonas"),
    "i_zoe": ("seoyeon", "aisha"),
    "i_daniel": ("sofia",),
    "i_grace": ("ravi", "mei"),
    "i_hannah": ("isabel", "marcus"),
}

#: (interview, assumption, verdict, quote)
EVIDENCE = (
    ("i_priya", "pm_stakeholders", "supported",
     "Your stakeholder and delivery experience is the easy part to sell."),
    ("i_zoe", "pm_stakeholders", "supported",
     "Operations people know how to get teams aligned — that's most of the job."),
    ("i_seoyeon", "pm_stakeholders", "supported",
     "The best PMs communicate like the coordinators I used to work with."),
    ("i_hannah", "pm_stakeholders", "supported",
     "Managing clinicians, compliance and engineering at once is what I did as a project "
     "manager."),
    ("i_tomas", "pm_stakeholders", "nuanced",
     "It transfers, but you have to influence without owning the plan."),
    ("i_tomas", "pm_sql", "supported", "SQL, without question. I still practise every week."),
    ("i_seoyeon", "pm_sql", "supported", "PMs who can't read their own data defer decisions."),
    ("i_priya", "pm_sql", "nuanced",
     "Enough to answer your own questions — you don't need to be an analyst."),
    ("i_priya", "pm_cert", "challenged", "Nobody has ever asked me about my certificate."),
    ("i_zoe", "pm_cert", "challenged", "It signals intent, but it won't get you hired."),
    ("i_zoe_2", "pm_cert", "challenged", "Certificates come last."),
    ("i_tomas", "pm_meetings", "supported", "About 70% of my week is meetings."),
    ("i_zoe", "pm_meetings", "challenged",
     "Our PMs spend about half their time in meetings; the rest is discovery and writing."),
    ("i_hannah", "pm_meetings", "nuanced",
     "A third of my week is meetings, but documentation takes most of the rest."),
    ("i_zoe_2", "pm_entry", "challenged",
     "An associate title would undersell ten years of delivery."),
    ("i_hannah", "pm_entry", "challenged", "I came in as a PM, not as an associate."),
    ("i_tomas", "pm_entry", "nuanced",
     "The associate programme worked for me, but I had no delivery experience."),
    ("i_daniel", "ops_people", "supported",
     "Most of the week is people and process; spreadsheets come in at month end."),
    ("i_grace", "ops_people", "supported",
     "Leaders have to learn to stop doing the work themselves."),
    ("i_sofia", "ops_lean", "supported", "In manufacturing, recruiters filter on a Green Belt."),
    ("i_grace", "ops_lean", "challenged",
     "I'd rather see one improvement you led, with the numbers behind it."),
    ("i_daniel", "ops_finance", "supported", "What counted for my promotion was budget ownership."),
    ("i_grace", "ops_finance", "supported", "A P&L course would help you more than any belt."),
    ("i_sofia", "ops_finance", "supported",
     "Every saving has to be agreed with finance, or it didn't happen."),
    ("i_daniel", "ops_hours", "nuanced",
     "Peak season means nights at a hub; outside peak it's rare."),
)


# --- skills, learning and experiments ---------------------------------------------------------

#: handle: (name, kind, current level, target level, transferable, notes)
SKILLS = {
    "stakeholders": ("Stakeholder management", "soft", 4, 4, True,
                     "Ten years of aligning operations, finance, IT and vendors."),
    "scheduling": ("Scheduling and capacity planning", "technical", 4, 3, True,
                   "Shift and resource planning across six sites."),
    "risk": ("Risk management", "technical", 3, 3, True,
             "Ran the risk register for the carrier migration."),
    "prioritisation": ("Prioritisation", "soft", 2, 3, True,
                       "Built the project intake scoring model."),
    "jira": ("Jira", "tool", 3, 3, True, "Daily use for project tracking."),
    "sql": ("SQL", "technical", 1, 3, False, ""),
    "roadmapping": ("Product roadmapping", "technical", 1, 3, False, ""),
    "ab_testing": ("A/B testing", "technical", 0, 2, False, ""),
    "user_research": ("User research", "technical", 1, 3, False,
                      "Interviewed 40 site users for the scheduling tool rollout."),
    "analytics": ("Product analytics (Amplitude)", "tool", 0, 2, False, ""),
    "storytelling": ("Data storytelling", "soft", 2, 3, False, ""),
    "pspo": ("PSPO I certification", "certification", 0, 2, False, ""),
    "finance": ("Financial modelling", "technical", 1, 3, False,
                "Never owned a budget; read P&Ls only as a stakeholder."),
    "lean": ("Lean Six Sigma Green Belt", "certification", 0, 1, False, ""),
    "payments": ("Payments domain knowledge", "domain", 1, 2, False, ""),
    "power_bi": ("Power BI", "tool", 1, 2, False, ""),
}

#: (interview, skill, importance 1-3, note)
MENTIONS = (
    ("i_priya", "stakeholders", 3, "Half the job is saying no kindly, with data."),
    ("i_priya", "sql", 2, "Pull your own numbers."),
    ("i_priya", "roadmapping", 3, "Quarterly roadmap narrative."),
    ("i_priya", "pspo", 1, "Nobody asked about hers."),
    ("i_priya", "payments", 2, "Needed for fintech roles."),
    ("i_zoe", "stakeholders", 3, "Aligning sales with the roadmap."),
    ("i_zoe", "user_research", 3, "Discovery without leading questions."),
    ("i_zoe", "prioritisation", 3, "Cost of delay; four in five requests declined."),
    ("i_zoe", "ab_testing", 2, "Validated bets."),
    ("i_zoe", "pspo", 1, "Signals intent only."),
    ("i_daniel", "finance", 3, "Budget ownership is what got him promoted."),
    ("i_daniel", "stakeholders", 2, "Regional director and finance partner."),
    ("i_daniel", "power_bi", 2, "Weekly performance pack."),
    ("i_daniel", "scheduling", 2, "Re-planning shifts at peak."),
    ("i_daniel", "risk", 2, "Peak-season contingency plans."),
    ("i_tomas", "sql", 3, "Took a six-week course before starting."),
    ("i_tomas", "jira", 2, "Learned in a week."),
    ("i_tomas", "analytics", 2, "Funnels and retention charts."),
    ("i_tomas", "ab_testing", 2, "Reads test results with his analyst."),
    ("i_grace", "finance", 3, "Finance literacy above any certificate."),
    ("i_grace", "stakeholders", 3, "Customer conversations during re-pricing."),
    ("i_grace", "risk", 2, "Fuel price exposure."),
    ("i_grace", "lean", 1, "Sceptical of belts."),
    ("i_seoyeon", "sql", 3, "Write the question first, then the query."),
    ("i_seoyeon", "ab_testing", 3, "Sample size, significance, guardrails."),
    ("i_seoyeon", "analytics", 2, "Self-serve dashboards."),
    ("i_seoyeon", "storytelling", 2, "Explain results to non-technical people."),
    ("i_seoyeon", "stakeholders", 2, "Agree the decision rule up front."),
    ("i_hannah", "user_research", 3, "Clinician interviews; shadowing ward staff."),
    ("i_hannah", "roadmapping", 2, "Release planning around safety review."),
    ("i_hannah", "stakeholders", 3, "Clinicians, compliance and engineering."),
    ("i_hannah", "prioritisation", 2, "Safety, evidence, then commercial value."),
    ("i_sofia", "lean", 3, "Expected in manufacturing."),
    ("i_sofia", "finance", 2, "Savings booked with finance."),
    ("i_sofia", "power_bi", 2, "OEE dashboards."),
    ("i_sofia", "stakeholders", 2, "Winning over the night shift."),
    ("i_zoe_2", "roadmapping", 3, "A decision memo as a work sample."),
    ("i_zoe_2", "user_research", 2, "Discovery notes from the sprint."),
    ("i_zoe_2", "storytelling", 2, "One-page write-up."),
)

#: handle: dict of LearningItem fields (dates as day offsets) plus "skills"
LEARNING = {
    "sql_course": {
        "title": "SQL for Data Analysis", "kind": "course", "status": "in_progress",
        "start": -40, "end": 30, "hours_planned": 30, "hours_spent": 14, "units_done": 5,
        "units_total": 12, "cost": 25, "provider": "DataCamp",
        "url": "https://www.datacamp.com/courses/introduction-to-sql",
        "outcome": "Modules 1–5 done: joins and aggregation feel comfortable; window "
                   "functions next.",
        "skills": ("sql",),
    },
    "pspo": {
        "title": "Professional Scrum Product Owner I (PSPO I)", "kind": "certification",
        "status": "planned", "start": 35, "end": 60, "hours_planned": 20, "units_total": 1,
        "cost": 200, "provider": "Scrum.org",
        "url": "https://www.scrum.org/assessments/professional-scrum-product-owner-i-"
               "certification",
        "outcome": "Moved after the SQL course: every practitioner ranked it below hands-on "
                   "evidence.",
        "skills": ("pspo", "roadmapping"),
    },
    "inspired": {
        "title": "Inspired — Marty Cagan", "kind": "book", "status": "done", "start": -60,
        "end": -32, "hours_planned": 10, "hours_spent": 11, "units_done": 67,
        "units_total": 67, "cost": 18.99, "provider": "Wiley",
        "outcome": "One-page takeaways note written; the chapters on discovery changed how I "
                   "run intake meetings.",
        "skills": ("roadmapping", "prioritisation"),
    },
    "discovery_book": {
        "title": "Continuous Discovery Habits — Teresa Torres", "kind": "book",
        "status": "in_progress", "start": -25, "end": 10, "hours_planned": 8,
        "hours_spent": 4, "units_done": 6, "units_total": 12, "cost": 22.50,
        "provider": "Product Talk",
        "skills": ("user_research",),
    },
    "sql_practice": {
        "title": "Weekly SQL practice on public datasets", "kind": "practice",
        "status": "in_progress", "start": -35, "hours_planned": 26, "hours_spent": 5,
        "units_done": 5, "units_total": 26, "schedule_day": 1, "schedule_time": "07:00",
        "schedule_minutes": 60,
        "outcome": "Five sessions done; one missed during a project go-live.",
        "skills": ("sql", "analytics"),
    },
    "finance_workshop": {
        "title": "Finance for Non-Financial Managers", "kind": "workshop", "status": "planned",
        "start": 50, "end": 51, "hours_planned": 14, "units_total": 2, "cost": 180,
        "provider": "Leeds Business School (short course)",
        "skills": ("finance",),
    },
    "shadowing": {
        "title": "Shadow a discovery sprint at Brightline Software", "kind": "shadowing",
        "status": "done", "start": -23, "end": -16, "hours_planned": 12, "hours_spent": 14,
        "units_done": 5, "units_total": 5, "provider": "Brightline Software",
        "hypothesis": "I will enjoy discovery work at least as much as delivery coordination, "
                      "and can contribute in my first week.",
        "result": "Confirmed: I ran two of the five customer interviews and wrote the "
                  "synthesis. Zoë rated my notes above some junior PMs'. Least enjoyable: "
                  "waiting for engineering estimates.",
        "outcome": "Feedback from Zoë: strong synthesis; needs sharper problem statements.",
        "skills": ("user_research", "roadmapping", "stakeholders"),
    },
    "ab_test": {
        "title": "A/B test analysis of a pricing page for an online shop", "kind": "freelance",
        "status": "in_progress", "start": -12, "end": 40, "hours_planned": 20,
        "hours_spent": 7, "units_done": 2, "units_total": 5,
        "provider": "Hollins & Daughter (independent homeware shop)",
        "hypothesis": "I can design and read an A/B test without an analyst, and turn it into "
                      "a decision memo a founder acts on.",
        "result": "Two weeks in: 3.1% vs 3.6% conversion, not yet significant at 95%. "
                  "Sample-size estimate says two more weeks.",
        "skills": ("ab_testing", "sql", "storytelling"),
    },
}


# --- the plan ---------------------------------------------------------------------------------

#: Per seeded phase, in position order: (goal, weekly hours, start, end, success metric)
PHASES = (
    ("Test my assumptions about both paths through conversations with practitioners.", 4,
     -84, 14,
     "12 conversations across at least 4 organizations and 3 experience levels; every "
     "core assumption tested."),
    ("Close the most important gaps: SQL, discovery and experiment design.", 6, -35, 90,
     "SQL at level 3, one discovery write-up reviewed by a practitioner."),
    ("Apply the skills in small, real experiments with feedback.", 6, 30, 150,
     "Two experiments finished with written results and practitioner feedback."),
    ("Earn the references and the evidence product hiring managers expect.", 5, 120, 240,
     "Three practitioner references; five applications; two final-round interviews."),
)

#: (phase position, title, due (days), status, done (days) or None, metric, target, hours,
#:  money, partner, skills, learning, notes)
MILESTONES = (
    (0, "Hold eight informational interviews", -8, "done", -9, "Interviews completed", "8",
     12, 0, "nadia", (), (), ""),
    (0, "Test every pay and trajectory assumption", -5, "in_progress", None,
     "Pay and trajectory assumptions with evidence", "4 of 4", 3, 0, "nadia", (), (),
     "Still nothing on pay for either path; ask Marcus and Ravi."),
    (0, "Decide which path to prioritise", 7, "planned", None, "Decision logged", "1", 2, 0,
     "robert", (), (), ""),
    (1, "Read Inspired and write a one-page takeaways note", -30, "done", -32,
     "Note written", "1 page", 10, 19, None, ("roadmapping",), ("inspired",), ""),
    (1, "Finish the SQL course", 30, "in_progress", None, "Modules completed", "12 of 12",
     16, 0, "tomas", ("sql",), ("sql_course", "sql_practice"), ""),
    (1, "Pass PSPO I", 60, "planned", None, "Assessment score", "85% or more", 20, 200,
     "priya", ("pspo",), ("pspo",), ""),
    (1, "Shadow a discovery sprint", -15, "done", -16, "Interviews run in the sprint", "2",
     14, 0, "zoe", ("user_research",), ("shadowing",), ""),
    (2, "Deliver the pricing-page test decision memo", 45, "in_progress", None,
     "Memo reviewed by a practitioner", "1", 13, 0, "seoyeon", ("ab_testing",),
     ("ab_test",), ""),
    (3, "Ask three practitioners to act as references", 180, "planned", None,
     "References agreed", "3", 3, 0, "priya", (), (), ""),
    (3, "Apply to five product manager roles", 200, "planned", None, "Applications sent",
     "5", 15, 0, "nadia", (), (), ""),
)

#: (trigger, response, trigger date (days), path)
CONTINGENCIES = (
    ("No product manager interviews after five applications",
     "Apply for an internal product operations role at Halden to build product evidence "
     "from inside, and reapply in six months.", 210, "pm"),
    ("Operations leadership scores higher than product after the conversations with Marcus "
     "and Ravi",
     "Make operations leadership the active path and ask Daniel about a budget-holder "
     "secondment.", 21, "ops"),
)


# --- the value summary ------------------------------------------------------------------------

#: (title, result in the new context, kind, learning)
PORTFOLIO = (
    ("Rolled out a warehouse scheduling tool across six sites",
     "Ran discovery with 40 site users and cut weekly planning time by 30% — a product "
     "launch from research to adoption.", "achievement", None),
    ("Redesigned project intake for 60+ requests a year",
     "Built a scoring model that turned competing requests into a ranked backlog — "
     "prioritisation with a roadmap.", "achievement", None),
    ("Coordinated a £2.4m carrier migration with no missed deliveries",
     "Aligned 14 stakeholders across three vendors with a shared risk register — "
     "stakeholder management at launch scale.", "achievement", None),
    ("Shadowed a discovery sprint at Brightline Software",
     "Ran two customer interviews and wrote the synthesis the team used to choose its next "
     "bet.", "experiment", "shadowing"),
)

SUMMARY_SKILLS = ("stakeholders", "prioritisation", "user_research", "risk", "sql", "jira")


# --- the tracking log -------------------------------------------------------------------------

#: (kind, entry, text, due or None, done or None, contact, interview, path); dates are days
#: from today or (interview, days after it)
LOG = (
    ("outreach", -76, "Sent interview request to Priya Raman through the alumni network.",
     None, None, "priya", None, "pm"),
    ("action", ("i_priya", 0), "Send thank-you note to Priya Raman.", ("i_priya", 1),
     ("i_priya", 0), "priya", "i_priya", "pm"),
    ("insight", ("i_priya", 0), "Priya: data fluency is the gap, not stakeholder work. SQL "
     "before any certificate.", None, None, "priya", "i_priya", "pm"),
    ("insight", ("i_daniel", 0), "Daniel: budget ownership is what separates operations "
     "managers from coordinators. I have never held a budget.", None, None, "daniel",
     "i_daniel", "ops"),
    ("decision", -50, "SQL comes before PSPO: every PM so far asked about data, nobody about "
     "certificates.", None, None, None, None, "pm"),
    ("insight", ("i_grace", 0), "Grace: finance literacy beats a Lean belt for promotion into "
     "operations leadership.", None, None, "grace", "i_grace", "ops"),
    ("insight", ("i_sofia", 0), "Sofia: a Green Belt matters in manufacturing and much less in "
     "logistics or retail — the Lean assumption depends on the sector.", None, None,
     "sofia", "i_sofia", "ops"),
    ("review", -14, "Weekly review: seven conversations done; stakeholder assumption now "
     "triangulated. SQL course behind by one module. Next: shadowing write-up, chase Isabel.",
     None, None, None, None, None),
    ("decision", ("i_zoe_2", 0), "Aim for product manager roles, not associate roles; B2B "
     "software for operations teams first.", None, None, "zoe", "i_zoe_2", "pm"),
    ("action", ("i_zoe_2", 0), "Send thank-you note to Zoë with the shadowing notes attached.",
     ("i_zoe_2", 1), ("i_zoe_2", 0), "zoe", "i_zoe_2", "pm"),
    ("review", -7, "Weekly review: eight conversations done; Sofia, Marcus and Ravi booked. "
     "Pay is still untested on both paths. SQL practice block missed once.", None, None,
     None, None, None),
    ("outreach", -6, "Sent interview request to Fatima Al-Sayed at Meridian Bank.", None,
     None, "fatima", "i_fatima", "pm"),
    ("action", -10, "Report back to Tomás on the SQL course he recommended.", -3, None,
     "tomas", "i_tomas", "pm"),
    ("action", -12, "Check in with Grace Whitfield with the draft plan she asked for.", -2,
     None, "grace", "i_grace", "ops"),
    ("action", -6, "Follow up with Fatima Al-Sayed if there is no reply.", 0, None, "fatima",
     "i_fatima", "pm"),
    ("action", -2, "Send Marcus Bell a short agenda and my three questions.", 2, None,
     "marcus", "i_marcus", "pm"),
    ("action", ("i_sofia", 0), "Send thank-you note to Sofia Marchetti and confirm the "
     "kaizen workshop date.", ("i_sofia", 1), None, "sofia", "i_sofia", "ops"),
    ("action", -1, "Contact Aisha Rahman; Zoë offered the introduction.", 4, None, "aisha",
     None, "pm"),
    ("action", -1, "Prepare questions on pay and progression for Ravi Menon.", 6, None,
     "ravi", "i_ravi", "ops"),
)


# --- building it ------------------------------------------------------------------------------


def _workday(day: _dt.date, *, forward: bool) -> _dt.date:
    """Move a weekend date to the nearest working day in the given direction."""
    while day.weekday() >= 5:
        day += _dt.timedelta(days=1 if forward else -1)
    return day


def _interview_days(today: _dt.date) -> dict[str, _dt.date]:
    """Each dated interview's day: past ones move back and future ones forward off weekends."""
    days = {}
    for handle, spec in INTERVIEWS.items():
        offset = spec[2]
        if offset is not None:
            days[handle] = _workday(today + _dt.timedelta(days=offset), forward=offset > 0)
    return days


def _fill(today: _dt.date) -> None:
    interview_days = _interview_days(today)

    def day(offset: int | tuple[str, int] | None) -> _dt.date | None:
        if offset is None:
            return None
        if isinstance(offset, tuple):
            handle, after = offset
            return interview_days[handle] + _dt.timedelta(days=after)
        return today + _dt.timedelta(days=offset)

    Profile.update(**PROFILE).where(Profile.id == 1).execute()
    Setting.replace(key="demo", value="1").execute()

    # paths, assumptions, scores
    paths: dict[str, Path] = {}
    for position, (handle, title, field, status, why) in enumerate(PATHS):
        paths[handle] = Path.create(title=title, field=field, status=status, why=why,
                                    position=position)
    assumptions: dict[str, Assumption] = {}
    positions: dict[str, int] = {}
    for handle, path, category, statement, confidence in ASSUMPTIONS:
        positions[path] = positions.get(path, -1) + 1
        assumptions[handle] = Assumption.create(
            path=paths[path], statement=statement, category=category, confidence=confidence,
            position=positions[path],
        )
    criteria = list(Criterion.select().order_by(Criterion.position, Criterion.id))
    for handle, scores in PATH_SCORES.items():
        for criterion, score in zip(criteria, scores, strict=False):
            PathScore.create(path=paths[handle], criterion=criterion, score=score)

    # the network: contacts first, then who introduced whom
    tags: dict[str, Tag] = {}
    contacts: dict[str, Contact] = {}
    for handle, spec in CONTACTS.items():
        (name, org, role, level, email, url, how_met, _intro, stage, cadence, last,
         tag_names, path_handles, phone, notes) = spec
        contacts[handle] = Contact.create(
            name=name, organization=org, role=role, level=level, email=email, url=url,
            how_met=how_met, stage=stage, cadence_days=cadence, last_contact=day(last),
            phone=phone, notes=notes, source="interview" if _intro else "manual",
        )
        for tag_name in tag_names:
            if tag_name not in tags:
                tags[tag_name] = Tag.create(name=tag_name, key=name_key(tag_name))
            ContactTag.create(contact=contacts[handle], tag=tags[tag_name])
        for path_handle in path_handles:
            ContactPath.create(contact=contacts[handle], path=paths[path_handle])
    for handle, spec in CONTACTS.items():
        if spec[7]:
            Contact.update(introduced_by=contacts[spec[7]]).where(
                Contact.id == contacts[handle].id
            ).execute()

    # interview guides
    bank = {q.text: q for q in Question.select()}

    def question(item: str | tuple[str, str]) -> Question:
        if isinstance(item, tuple):
            category, text = item
            if text not in bank:
                bank[text] = Question.create(text=text, category=category, seeded=False,
                                             position=len(bank))
            return bank[text]
        return bank[item]

    for handle, items in CORE_QUESTIONS.items():
        for position, item in enumerate(items):
            PathQuestion.create(path=paths[handle], question=question(item), position=position)

    # interviews with their answers
    interviews: dict[str, Interview] = {}
    for handle, spec in INTERVIEWS.items():
        (contact, path, offset, time, minutes, mode, status, follow_up_of, context, answers,
         notes, week, challenges, metrics, surprises, resonated, fit) = spec
        scheduled = ""
        if handle in interview_days:
            scheduled = f"{interview_days[handle].isoformat()} {time}".strip()
        interviews[handle] = Interview.create(
            contact=contacts[contact], path=paths[path], scheduled_at=scheduled,
            minutes=minutes, mode=mode, status=status, context=context, notes=notes,
            typical_week=week, challenges=challenges, success_metrics=metrics,
            surprises=surprises, resonated=resonated, fit_signal=fit,
            follow_up_of=interviews[follow_up_of] if follow_up_of else None,
            round=2 if follow_up_of else 1,
        )
        if status == "requested":
            continue
        guide = ROUND_TWO_GUIDE if follow_up_of else CORE_QUESTIONS[path]
        for position, item in enumerate(guide):
            q = question(item)
            Answer.create(
                interview=interviews[handle], question=q, question_text=q.text,
                answer=answers[position] if answers else "", position=position,
            )
    for handle, introduced in INTRODUCTIONS.items():
        for contact in introduced:
            Introduction.create(interview=interviews[handle], contact=contacts[contact])
    for interview, assumption, verdict, quote in EVIDENCE:
        Evidence.create(interview=interviews[interview], assumption=assumptions[assumption],
                        verdict=verdict, quote=quote)

    # skills, mentions, learning
    skills: dict[str, Skill] = {}
    for handle, (name, kind, current, target, transferable, notes) in SKILLS.items():
        skills[handle] = Skill.create(
            name=name, key=name_key(name), kind=kind, current_level=current,
            target_level=target, transferable=transferable, notes=notes,
        )
    for interview, skill, importance, note in MENTIONS:
        SkillMention.create(interview=interviews[interview], skill=skills[skill],
                            importance=importance, note=note)
    learning: dict[str, LearningItem] = {}
    for handle, spec in LEARNING.items():
        fields = {k: v for k, v in spec.items() if k not in ("start", "end", "skills")}
        learning[handle] = LearningItem.create(
            start_date=day(spec.get("start")), end_date=day(spec.get("end")), **fields
        )
        for skill in spec["skills"]:
            LearningSkill.create(learning=learning[handle], skill=skills[skill])

    # the plan
    phases = list(Phase.select().order_by(Phase.position, Phase.id))
    for phase, (goal, hours, start, end, metric) in zip(phases, PHASES, strict=False):
        Phase.update(goal=goal, weekly_hours=hours, start_date=day(start),
                     end_date=day(end), success_metric=metric).where(
            Phase.id == phase.id
        ).execute()
    for position, spec in enumerate(MILESTONES):
        (phase, title, due, status, done, metric, target, hours, money, partner,
         skill_handles, learning_handles, notes) = spec
        milestone = Milestone.create(
            phase=phases[phase], title=title, due_date=day(due), status=status,
            done_date=day(done), metric=metric, target=target, hours_needed=hours,
            money_needed=money, partner=contacts[partner] if partner else None, notes=notes,
            position=position,
        )
        for skill in skill_handles:
            MilestoneSkill.create(milestone=milestone, skill=skills[skill])
        for item in learning_handles:
            MilestoneLearning.create(milestone=milestone, learning=learning[item])
    for position, (trigger, response, offset, path) in enumerate(CONTINGENCIES):
        Contingency.create(trigger=trigger, response=response, trigger_date=day(offset),
                           path=paths[path], position=position)

    # the value summary
    for position, (title, result, kind, item) in enumerate(PORTFOLIO):
        PortfolioItem.create(title=title, result=result, kind=kind,
                             learning=learning[item] if item else None, position=position)
    for position, skill in enumerate(SUMMARY_SKILLS):
        SummarySkill.create(skill=skills[skill], position=position)

    # the tracking log
    for kind, entry, text, due, done, contact, interview, path in LOG:
        LogEntry.create(
            kind=kind, text=text, entry_date=day(entry), due_date=day(due),
            done_date=day(done), contact=contacts[contact] if contact else None,
            interview=interviews[interview] if interview else None,
            path=paths[path] if path else None,
        )


def _remove_new_file(path: _FsPath) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(str(path) + suffix)


def create_demo_workspace(path: str | os.PathLike[str], *,
                          backups_root: _FsPath | None = None,
                          today: _dt.date | None = None) -> workspace.WorkspaceInfo:
    """Create the sample workspace in a new file at ``path`` and leave it open.

    Its dates are relative to ``today`` (the clock's today unless given): the app builds it
    for the real day, so it always looks current; tests build it for a fixed one.

    Refuses an existing file (the sample never mixes into real data). If filling it fails,
    the half-made file is removed and the error propagates.
    """
    target = _FsPath(path).expanduser()
    if target.exists():
        raise CareerPivotError(
            f"{target} already exists. The sample workspace is always created in a new file.",
            title="Cannot create the sample workspace",
        )
    info = workspace.open_workspace(target, create=True, backups_root=backups_root)
    try:
        with write():
            _fill(today or clock.today())
    except BaseException:
        workspace.close()
        _remove_new_file(target)
        raise
    return info


def ensure_demo_workspace(path: str | os.PathLike[str], *,
                          backups_root: _FsPath | None = None) -> workspace.WorkspaceInfo:
    """Open the sample workspace at ``path``, creating it first if there is none."""
    target = _FsPath(path).expanduser()
    if target.exists():
        return workspace.open_workspace(target, create=False, backups_root=backups_root)
    return create_demo_workspace(target, backups_root=backups_root)
