"""The sample's conversations: the questions of their guides, the nine conversations held,
the two coming up and the one requested, and what each said about the assumptions."""

from __future__ import annotations

from careerpivot.services.demo.records import EvidenceRecord, InterviewRecord, QuestionRecord

# --- questions and interviews -----------------------------------------------------------------

#: The questions the guides use, by key: bank questions (found by their text) and two new ones.
QUESTIONS: dict[str, QuestionRecord] = {
    "week": QuestionRecord(
        text="What does a typical week look like for you, from Monday morning to Friday afternoon?",
    ),
    "gap": QuestionRecord(
        text=("Given my background, which gap do you think would matter most, and how would you "
              "bridge it?"),
    ),
    "success": QuestionRecord(
        text=("What would someone in my position need to have achieved after six and after twelve "
              "months to be seen as successful?"),
    ),
    "hard": QuestionRecord(
        text="What was the last problem that kept you up at night, and how did you handle it?",
    ),
    "certificates": QuestionRecord(
        text=("Do hiring managers in your field look for particular certifications, or do they "
              "count for little?"),
    ),
    "project": QuestionRecord(
        text="Is there a small project I could take on to test whether I enjoy this work?",
    ),
    "serious": QuestionRecord(
        text="What would make you take a career changer seriously as a candidate?",
    ),
    "next_months": QuestionRecord(
        text="If you were in my position, what would you do in the next three months?",
    ),
    "say_no": QuestionRecord(
        category="decisions",
        text="How do you decide what not to build, and how do you say no to stakeholders?",
    ),
    "metrics": QuestionRecord(
        category="success",
        text=("Which operational metrics do you review every week, and what do you do when one "
              "slips?"),
    ),
}

#: Each path's core questions, in guide order.
CORE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "pm": ("week", "say_no", "gap", "success"),
    "ops": ("week", "metrics", "hard", "certificates"),
}
#: The guide of a second conversation.
ROUND_TWO_GUIDE = ("project", "serious", "next_months")

#: The conversations, in the order they are added (a follow-up after the one it follows).
INTERVIEWS: dict[str, InterviewRecord] = {
    "i_priya": InterviewRecord(
        contact="priya", path="pm", day=-70, time="12:30", minutes=30, mode="video",
        status="completed",
        context=("Ten years in project coordination at Halden Logistics. Goal: understand how "
                 "product managers decide what to build and which of my skills carry over."),
        answers={
            "week": ("Monday is planning: sprint review with engineering and a metrics check. "
                     "Tuesday to Thursday mixes merchant discovery calls, design reviews and "
                     "one-to-ones with stakeholders. Friday mornings are blocked for writing "
                     "specs and the roadmap update."),
            "say_no": ("Every request is scored against the quarter's two outcomes, merchant "
                       "activation and payment success rate. If it moves neither, the answer is "
                       'no, with a date to revisit. "Saying no kindly and with data is half the '
                       'job."'),
            "gap": ("Data fluency. She expects PMs to pull their own numbers in SQL — not to be "
                    "analysts, but not to wait three days for an answer either. My stakeholder "
                    "and delivery experience would be the easy part to sell."),
            "success": ("At six months: owns one area end to end and has shipped one measurable "
                        "improvement. At twelve: sets the roadmap for that area and engineering "
                        "trusts the priorities. Leaders watch activation, payment success rate "
                        "and time to first transaction."),
        },
        notes=("Very generous with her time. Offered two introductions (Tomás Ferreira and Jonas "
               "Weber). Suggested product operations roles as a possible bridge."),
        typical_week=("About 40% meetings, 30% discovery and customer calls, 30% writing and "
                      "analysis."),
        challenges=("Balancing compliance requirements against speed; turning down senior sales "
                    "requests."),
        success_metrics=("Merchant activation rate, payment success rate, time to first "
                         "transaction."),
        surprises="How much writing the job involves: specs, decision memos, roadmap narratives.",
        resonated="Negotiating scope across compliance, sales and engineering — I do that today.",
        fit_signal=2, introduces=("tomas", "jonas"),
    ),
    "i_zoe": InterviewRecord(
        contact="zoe", path="pm", day=-62, time="08:30", minutes=45, mode="in_person",
        status="completed",
        context=("Met at the Product Leeds meetup. Goal: how discovery work is done and whether "
                 "Brightline hires people from operations."),
        answers={
            "week": ("Mostly people: one-to-ones with five PMs, a roadmap review with the "
                     "leadership team and two customer calls she never cancels. Her PMs spend "
                     "about half their time in meetings; the rest is discovery and writing."),
            "say_no": ("Opportunity sizing and a simple cost-of-delay estimate. The hard part is "
                       "explaining a no to customer success. She turns down about four requests "
                       "in five."),
            "gap": ("Discovery: talking to users without leading them and turning what they say "
                    "into a testable problem. She suggested Teresa Torres's book and shadowing a "
                    "discovery sprint with her team."),
            "success": ("Six months: runs discovery alone and has one validated bet on the "
                        "roadmap. Twelve months: one shipped bet with a measured outcome. She "
                        "watches weekly active accounts and feature adoption."),
        },
        notes=("Offered to let me shadow a discovery sprint. Introduced me to 김서연 at Lumen "
               "Analytics and to Aisha Rahman on her design team."),
        typical_week=("Half meetings, half discovery and writing; PMs talk to at least three "
                      "customers a week."),
        challenges=("Keeping discovery alive under delivery pressure; aligning sales promises "
                    "with the roadmap."),
        success_metrics="Weekly active accounts, feature adoption, churn in the first 90 days.",
        surprises=("She hires career changers deliberately: operations people understand "
                   "field-service customers."),
        resonated="Shadowing as a low-risk way to test the work before committing.", fit_signal=2,
        introduces=("seoyeon", "aisha"),
    ),
    "i_daniel": InterviewRecord(
        contact="daniel", path="ops", day=-55, time="17:00", minutes=30, mode="phone",
        status="completed",
        context=("Colleague at the Doncaster hub. Goal: what an operations manager's job is "
                 "really like, and what I would be missing."),
        answers={
            "week": ("A 7:30 stand-up with shift leads, then a walk of the floor. Tuesday is the "
                     "performance review with the regional director, Thursday budget and "
                     "headcount. Most of the week is people and process; spreadsheets come in at "
                     "month end."),
            "metrics": ("Cost per parcel, on-time dispatch, labour hours against plan and safety "
                        "incidents. When one slips he runs a short root-cause session the same "
                        "day and names one owner."),
            "hard": ("Peak week last November: a sorter failed two days before Black Friday. He "
                     "re-planned three shifts overnight and borrowed staff from Wakefield."),
            "certificates": ("Nobody at Halden has asked him about certificates. What counted was "
                             "budget ownership, which he learned from the finance business "
                             "partner."),
        },
        notes=("Frank about my gap: I have never owned a budget or headcount. Suggested asking "
               "for a budget-holder secondment. Introduced me to Sofia Marchetti at Fernhill."),
        typical_week=("Stand-ups, floor walks, weekly performance and budget reviews; month-end "
                      "reporting."),
        challenges="Peak season; agency staffing; keeping morale through night shifts.",
        success_metrics=("Cost per parcel, on-time dispatch, labour hours against plan, safety "
                         "incidents."),
        surprises="How little of the job is planning — most of it is people.",
        resonated="Calm problem-solving under pressure, which I enjoy.", fit_signal=1,
        introduces=("sofia",),
    ),
    "i_tomas": InterviewRecord(
        contact="tomas", path="pm", day=-48, time="09:00", minutes=20, mode="video",
        status="completed",
        context=("Introduced by Priya. Goal: what the first two years in product look like for a "
                 "career changer."),
        answers={
            "week": ("Back to back: stand-up, refinement, sprint review and stakeholder syncs. "
                     "About 70% of his week is meetings; deep work happens early in the morning."),
            "say_no": ("As an associate he doesn't decide alone. He prepares the data and the "
                       'trade-offs and his lead decides. He is learning to frame a no as "not '
                       'now, because…".'),
            "gap": ("SQL, without question. He took a six-week course before starting and still "
                    "practises every week. Jira took him a week to learn."),
            "success": ("Six months: write a spec that engineering doesn't send back. Twelve "
                        "months: own a small feature area. His lead watches whether he can answer "
                        "data questions without help."),
        },
        notes=("Joined product from customer support two years ago. Recommended a weekly SQL "
               "practice habit on public datasets."),
        typical_week="Mostly meetings; analysis before 9 a.m.",
        challenges="Influencing engineers without authority; learning the payments domain.",
        success_metrics="Spec quality, time from idea to release, self-serve analysis.",
        surprises="How structured the associate programme is: rotations and a named mentor.",
        resonated="His path from support to product — proof that the switch works.", fit_signal=1,
    ),
    "i_grace": InterviewRecord(
        contact="grace", path="ops", day=-41, time="14:00", minutes=30, mode="video",
        status="completed",
        context=("Former client of Halden. Goal: what a COO looks for when promoting someone into "
                 "operations leadership."),
        answers={
            "week": ("Board preparation, two depot visits a week and a Monday operations review "
                     "across eight depots. Coordinators who become leaders have to learn to stop "
                     "doing the work themselves."),
            "metrics": ("Margin per route, on-time-in-full, driver retention and cash conversion. "
                        "A slipping metric gets an owner and a date, not a meeting."),
            "hard": ("Fuel prices last year: she re-priced 300 contracts in six weeks. The hard "
                     "part was the customer conversations, not the model."),
            "certificates": ('Sceptical of belts: "I\'d rather see one improvement you led, with '
                             'the numbers behind it." Finance literacy matters more; a P&L course '
                             "would help me more than any certificate."),
        },
        notes=("Direct and practical. Introduced me to Ravi Menon at Copperleaf and Mei Tanaka on "
               "her planning team. Asked me to come back in a month with a plan."),
        typical_week="Reviews, depot visits, board work; very little hands-on planning.",
        challenges="Fuel and labour costs; driver retention.",
        success_metrics="Margin per route, on-time-in-full, driver retention, cash conversion.",
        surprises="How much of a COO's week is about money.",
        resonated="Her clarity about what she promotes people for.", fit_signal=1,
        introduces=("ravi", "mei"),
    ),
    "i_seoyeon": InterviewRecord(
        contact="seoyeon", path="pm", day=-34, time="11:00", minutes=30, mode="video",
        status="completed",
        context="Introduced by Zoë. Goal: how much data skill a PM needs and how to build it.",
        answers={
            "week": ("She supports three product teams: two days of analysis requests, one day of "
                     "dashboards, and the rest in experiment reviews and helping PMs frame "
                     "questions."),
            "say_no": ("PMs who can't read their own data defer decisions. The best ones write "
                       "the question first, then the query, and agree the decision rule before "
                       "the test starts."),
            "gap": ("SQL and basic statistics. Practise weekly on public datasets and learn to "
                    "read an A/B test: sample size, significance and guardrail metrics."),
            "success": ("Within a year the PMs she rates most can design an experiment and "
                        "explain the result to a non-technical audience. The best PMs communicate "
                        "like the coordinators she used to work with."),
        },
        notes=("Offered to review my first A/B test analysis. Shared a list of public datasets to "
               "practise on."),
        typical_week="Analysis requests, dashboards, experiment reviews.",
        challenges="Underpowered tests; PMs who decide first and look for data afterwards.",
        success_metrics="Experiment velocity, share of decisions backed by a test.",
        surprises="How much of her work is teaching PMs to ask better questions.",
        resonated="Framing a question before touching the data.", fit_signal=1,
    ),
    "i_hannah": InterviewRecord(
        contact="hannah", path="pm", day=-27, time="13:00", minutes=30, mode="video",
        status="completed",
        context=("University alumni network. Goal: how she moved from NHS project management into "
                 "product."),
        answers={
            "week": ("A compliance check-in on Mondays, clinician interviews on Wednesdays and a "
                     "lot of documentation. Meetings are about a third of her time; documentation "
                     "takes much of the rest."),
            "say_no": ("Patient safety first, then clinical evidence, then commercial value. "
                       "Saying no is easier when a regulation backs you."),
            "gap": ("User research with clinicians, who are short on time and sceptical. She "
                    "bridged it by shadowing ward staff for a week."),
            "success": ("Six months: trusted by clinicians. Twelve months: one release through "
                        "clinical safety review. Leaders watch clinician adoption and incident "
                        "reports."),
        },
        notes=("The profile closest to mine. She came in as a PM, not as an associate, and thinks "
               "my experience supports the same. Introduced me to Isabel Cruz and Marcus Bell."),
        typical_week="Compliance, clinician interviews, documentation; a third meetings.",
        challenges="Regulation slows releases; clinicians have little time for research.",
        success_metrics="Clinician adoption, incident reports, release cadence.",
        surprises=("Managing clinicians, compliance and engineering at once felt like project "
                   "management to her."),
        resonated="That my delivery record could justify applying for PM roles directly.",
        fit_signal=2, introduces=("isabel", "marcus"),
    ),
    "i_zoe_2": InterviewRecord(
        contact="zoe", path="pm", day=-9, time="08:30", minutes=30, mode="video",
        status="completed", follow_up_of="i_zoe", guide=ROUND_TWO_GUIDE,
        context=("Second conversation after shadowing her team's discovery sprint. Goal: what to "
                 "do in the next three months."),
        answers={
            "project": ("Analyse a real pricing-page test end to end and write it up as a "
                        "one-page decision memo. She offered to review it."),
            "serious": ("Evidence of product thinking: a problem statement, a decision made with "
                        "data and what happened next. Certificates come last."),
            "next_months": ("Apply for PM roles, not associate roles: an associate title would "
                            "undersell ten years of delivery. Spend the three months on SQL and "
                            "one strong write-up."),
        },
        notes=("She read my discovery notes from the sprint and called them better than some "
               "juniors'. Clear advice: aim for PM roles in B2B software where operations "
               "knowledge is an asset."),
        surprises="That she would consider me for a PM role at Brightline within a year.",
        resonated="A concrete three-month plan.", fit_signal=2,
    ),
    "i_sofia": InterviewRecord(
        contact="sofia", path="ops", day=-1, time="10:00", minutes=45, mode="in_person",
        status="completed",
        context=("Introduced by Daniel. Goal: how much continuous improvement and Lean "
                 "certification matter in operations roles."),
        answers={
            "week": ("A gemba walk every morning, two kaizen workshops a week and a report to the "
                     "plant manager on Fridays."),
            "metrics": ("OEE, scrap rate, changeover time and cost savings booked with finance. "
                        "Every saving has to be agreed with finance or it didn't happen."),
            "hard": ("Getting the night shift to own a new changeover standard: she spent three "
                     "weeks on nights to do it."),
            "certificates": ("In manufacturing a Green Belt is expected for her role and "
                             "recruiters filter on it. Outside manufacturing she sees it less "
                             "often."),
        },
        notes=("Invited me to a kaizen workshop. Green Belt costs £1,200–£1,800 and takes about "
               "three months part-time."),
        typical_week="Floor walks, workshops, weekly reporting.",
        challenges="Sustaining improvements once the project team leaves.",
        success_metrics="OEE, scrap rate, changeover time, booked savings.",
        surprises="How close the finance relationship is.",
        resonated="Structured problem-solving with the people who do the work.",
    ),
    "i_marcus": InterviewRecord(
        contact="marcus", path="pm", day=3, time="16:00", minutes=30, mode="video",
        status="scheduled",
        context=("Introduced by Hannah. Goal: what Kestrel's VP of Product looks for when hiring "
                 "PMs from outside product."),
    ),
    "i_ravi": InterviewRecord(
        contact="ravi", path="ops", day=9, time="12:30", minutes=30, mode="in_person",
        status="scheduled",
        context=("Introduced by Grace. Goal: how retail operations leadership differs from "
                 "logistics."),
    ),
    "i_fatima": InterviewRecord(
        contact="fatima", path="pm", day=None, minutes=20, mode="video", status="requested",
        context=("Found through her post about product owner roles. Goal: how product ownership "
                 "works in a regulated bank."),
    ),
}

# --- evidence ---------------------------------------------------------------------------------

#: What each conversation said about an assumption.
EVIDENCE: tuple[EvidenceRecord, ...] = (
    EvidenceRecord(interview="i_priya", assumption="pm_stakeholders", verdict="supported",
                   quote="Your stakeholder and delivery experience is the easy part to sell."),
    EvidenceRecord(interview="i_zoe", assumption="pm_stakeholders", verdict="supported",
                   quote=("Operations people know how to get teams aligned — that's most of the "
                          "job.")),
    EvidenceRecord(interview="i_seoyeon", assumption="pm_stakeholders", verdict="supported",
                   quote="The best PMs communicate like the coordinators I used to work with."),
    EvidenceRecord(interview="i_hannah", assumption="pm_stakeholders", verdict="supported",
                   quote=("Managing clinicians, compliance and engineering at once is what I did "
                          "as a project manager.")),
    EvidenceRecord(interview="i_tomas", assumption="pm_stakeholders", verdict="nuanced",
                   quote="It transfers, but you have to influence without owning the plan."),
    EvidenceRecord(interview="i_tomas", assumption="pm_sql", verdict="supported",
                   quote="SQL, without question. I still practise every week."),
    EvidenceRecord(interview="i_seoyeon", assumption="pm_sql", verdict="supported",
                   quote="PMs who can't read their own data defer decisions."),
    EvidenceRecord(interview="i_priya", assumption="pm_sql", verdict="nuanced",
                   quote="Enough to answer your own questions — you don't need to be an analyst."),
    EvidenceRecord(interview="i_priya", assumption="pm_cert", verdict="challenged",
                   quote="Nobody has ever asked me about my certificate."),
    EvidenceRecord(interview="i_zoe", assumption="pm_cert", verdict="challenged",
                   quote="It signals intent, but it won't get you hired."),
    EvidenceRecord(interview="i_zoe_2", assumption="pm_cert", verdict="challenged",
                   quote="Certificates come last."),
    EvidenceRecord(interview="i_tomas", assumption="pm_meetings", verdict="supported",
                   quote="About 70% of my week is meetings."),
    EvidenceRecord(interview="i_zoe", assumption="pm_meetings", verdict="challenged",
                   quote=("Our PMs spend about half their time in meetings; the rest is discovery "
                          "and writing.")),
    EvidenceRecord(interview="i_hannah", assumption="pm_meetings", verdict="nuanced",
                   quote=("A third of my week is meetings, but documentation takes most of the "
                          "rest.")),
    EvidenceRecord(interview="i_zoe_2", assumption="pm_entry", verdict="challenged",
                   quote="An associate title would undersell ten years of delivery."),
    EvidenceRecord(interview="i_hannah", assumption="pm_entry", verdict="challenged",
                   quote="I came in as a PM, not as an associate."),
    EvidenceRecord(interview="i_tomas", assumption="pm_entry", verdict="nuanced",
                   quote=("The associate programme worked for me, but I had no delivery "
                          "experience.")),
    EvidenceRecord(interview="i_daniel", assumption="ops_people", verdict="supported",
                   quote=("Most of the week is people and process; spreadsheets come in at month "
                          "end.")),
    EvidenceRecord(interview="i_grace", assumption="ops_people", verdict="supported",
                   quote="Leaders have to learn to stop doing the work themselves."),
    EvidenceRecord(interview="i_sofia", assumption="ops_lean", verdict="supported",
                   quote="In manufacturing, recruiters filter on a Green Belt."),
    EvidenceRecord(interview="i_grace", assumption="ops_lean", verdict="challenged",
                   quote="I'd rather see one improvement you led, with the numbers behind it."),
    EvidenceRecord(interview="i_daniel", assumption="ops_finance", verdict="supported",
                   quote="What counted for my promotion was budget ownership."),
    EvidenceRecord(interview="i_grace", assumption="ops_finance", verdict="supported",
                   quote="A P&L course would help you more than any belt."),
    EvidenceRecord(interview="i_sofia", assumption="ops_finance", verdict="supported",
                   quote="Every saving has to be agreed with finance, or it didn't happen."),
    EvidenceRecord(interview="i_daniel", assumption="ops_hours", verdict="nuanced",
                   quote="Peak season means nights at a hub; outside peak it's rare."),
)
