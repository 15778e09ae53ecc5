"""The sample's skills, the skills each conversation mentioned, and her learning items and
experiments."""

from __future__ import annotations

from careerpivot.services.demo.records import LearningRecord, MentionRecord, SkillRecord

# --- skills, learning and experiments ---------------------------------------------------------

SKILLS: dict[str, SkillRecord] = {
    "stakeholders": SkillRecord(
        name="Stakeholder management", kind="soft", current_level=4, target_level=4,
        transferable=True, notes="Ten years of aligning operations, finance, IT and vendors.",
    ),
    "scheduling": SkillRecord(
        name="Scheduling and capacity planning", kind="technical", current_level=4, target_level=3,
        transferable=True, notes="Shift and resource planning across six sites.",
    ),
    "risk": SkillRecord(
        name="Risk management", kind="technical", current_level=3, target_level=3,
        transferable=True, notes="Ran the risk register for the carrier migration.",
    ),
    "prioritisation": SkillRecord(
        name="Prioritisation", kind="soft", current_level=2, target_level=3, transferable=True,
        notes="Built the project intake scoring model.",
    ),
    "jira": SkillRecord(
        name="Jira", kind="tool", current_level=3, target_level=3, transferable=True,
        notes="Daily use for project tracking.",
    ),
    "sql": SkillRecord(
        name="SQL", kind="technical", current_level=1, target_level=3,
    ),
    "roadmapping": SkillRecord(
        name="Product roadmapping", kind="technical", current_level=1, target_level=3,
    ),
    "ab_testing": SkillRecord(
        name="A/B testing", kind="technical", current_level=0, target_level=2,
    ),
    "user_research": SkillRecord(
        name="User research", kind="technical", current_level=1, target_level=3,
        notes="Interviewed 40 site users for the scheduling tool rollout.",
    ),
    "analytics": SkillRecord(
        name="Product analytics (Amplitude)", kind="tool", current_level=0, target_level=2,
    ),
    "storytelling": SkillRecord(
        name="Data storytelling", kind="soft", current_level=2, target_level=3,
    ),
    "pspo": SkillRecord(
        name="PSPO I certification", kind="certification", current_level=0, target_level=2,
    ),
    "finance": SkillRecord(
        name="Financial modelling", kind="technical", current_level=1, target_level=3,
        notes="Never owned a budget; read P&Ls only as a stakeholder.",
    ),
    "lean": SkillRecord(
        name="Lean Six Sigma Green Belt", kind="certification", current_level=0, target_level=1,
    ),
    "payments": SkillRecord(
        name="Payments domain knowledge", kind="domain", current_level=1, target_level=2,
    ),
    "power_bi": SkillRecord(
        name="Power BI", kind="tool", current_level=1, target_level=2,
    ),
}

#: The skills each conversation mentioned (importance 1-3).
MENTIONS: tuple[MentionRecord, ...] = (
    MentionRecord(interview="i_priya", skill="stakeholders", importance=3,
                  note="Half the job is saying no kindly, with data."),
    MentionRecord(interview="i_priya", skill="sql", importance=2,
                  note="Pull your own numbers."),
    MentionRecord(interview="i_priya", skill="roadmapping", importance=3,
                  note="Quarterly roadmap narrative."),
    MentionRecord(interview="i_priya", skill="pspo", importance=1,
                  note="Nobody asked about hers."),
    MentionRecord(interview="i_priya", skill="payments", importance=2,
                  note="Needed for fintech roles."),
    MentionRecord(interview="i_zoe", skill="stakeholders", importance=3,
                  note="Aligning sales with the roadmap."),
    MentionRecord(interview="i_zoe", skill="user_research", importance=3,
                  note="Discovery without leading questions."),
    MentionRecord(interview="i_zoe", skill="prioritisation", importance=3,
                  note="Cost of delay; four in five requests declined."),
    MentionRecord(interview="i_zoe", skill="ab_testing", importance=2,
                  note="Validated bets."),
    MentionRecord(interview="i_zoe", skill="pspo", importance=1,
                  note="Signals intent only."),
    MentionRecord(interview="i_daniel", skill="finance", importance=3,
                  note="Budget ownership is what got him promoted."),
    MentionRecord(interview="i_daniel", skill="stakeholders", importance=2,
                  note="Regional director and finance partner."),
    MentionRecord(interview="i_daniel", skill="power_bi", importance=2,
                  note="Weekly performance pack."),
    MentionRecord(interview="i_daniel", skill="scheduling", importance=2,
                  note="Re-planning shifts at peak."),
    MentionRecord(interview="i_daniel", skill="risk", importance=2,
                  note="Peak-season contingency plans."),
    MentionRecord(interview="i_tomas", skill="sql", importance=3,
                  note="Took a six-week course before starting."),
    MentionRecord(interview="i_tomas", skill="jira", importance=2,
                  note="Learned in a week."),
    MentionRecord(interview="i_tomas", skill="analytics", importance=2,
                  note="Funnels and retention charts."),
    MentionRecord(interview="i_tomas", skill="ab_testing", importance=2,
                  note="Reads test results with his analyst."),
    MentionRecord(interview="i_grace", skill="finance", importance=3,
                  note="Finance literacy above any certificate."),
    MentionRecord(interview="i_grace", skill="stakeholders", importance=3,
                  note="Customer conversations during re-pricing."),
    MentionRecord(interview="i_grace", skill="risk", importance=2,
                  note="Fuel price exposure."),
    MentionRecord(interview="i_grace", skill="lean", importance=1,
                  note="Sceptical of belts."),
    MentionRecord(interview="i_seoyeon", skill="sql", importance=3,
                  note="Write the question first, then the query."),
    MentionRecord(interview="i_seoyeon", skill="ab_testing", importance=3,
                  note="Sample size, significance, guardrails."),
    MentionRecord(interview="i_seoyeon", skill="analytics", importance=2,
                  note="Self-serve dashboards."),
    MentionRecord(interview="i_seoyeon", skill="storytelling", importance=2,
                  note="Explain results to non-technical people."),
    MentionRecord(interview="i_seoyeon", skill="stakeholders", importance=2,
                  note="Agree the decision rule up front."),
    MentionRecord(interview="i_hannah", skill="user_research", importance=3,
                  note="Clinician interviews; shadowing ward staff."),
    MentionRecord(interview="i_hannah", skill="roadmapping", importance=2,
                  note="Release planning around safety review."),
    MentionRecord(interview="i_hannah", skill="stakeholders", importance=3,
                  note="Clinicians, compliance and engineering."),
    MentionRecord(interview="i_hannah", skill="prioritisation", importance=2,
                  note="Safety, evidence, then commercial value."),
    MentionRecord(interview="i_sofia", skill="lean", importance=3,
                  note="Expected in manufacturing."),
    MentionRecord(interview="i_sofia", skill="finance", importance=2,
                  note="Savings booked with finance."),
    MentionRecord(interview="i_sofia", skill="power_bi", importance=2,
                  note="OEE dashboards."),
    MentionRecord(interview="i_sofia", skill="stakeholders", importance=2,
                  note="Winning over the night shift."),
    MentionRecord(interview="i_zoe_2", skill="roadmapping", importance=3,
                  note="A decision memo as a work sample."),
    MentionRecord(interview="i_zoe_2", skill="user_research", importance=2,
                  note="Discovery notes from the sprint."),
    MentionRecord(interview="i_zoe_2", skill="storytelling", importance=2,
                  note="One-page write-up."),
)

#: Learning items and experiments.
LEARNING: dict[str, LearningRecord] = {
    "sql_course": LearningRecord(
        title="SQL for Data Analysis", kind="course", status="in_progress", start=-40, end=30,
        hours_planned=30, hours_spent=14, units_done=5, units_total=12, cost=25,
        provider="DataCamp", url="https://www.datacamp.com/courses/introduction-to-sql",
        outcome="Modules 1–5 done: joins and aggregation feel comfortable; window functions next.",
        skills=("sql",),
    ),
    "pspo": LearningRecord(
        title="Professional Scrum Product Owner I (PSPO I)", kind="certification", status="planned",
        start=35, end=60, hours_planned=20, units_total=1, cost=200, provider="Scrum.org",
        url="https://www.scrum.org/assessments/professional-scrum-product-owner-i-certification",
        outcome="Moved after the SQL course: every practitioner ranked it below hands-on evidence.",
        skills=("pspo", "roadmapping"),
    ),
    "inspired": LearningRecord(
        title="Inspired — Marty Cagan", kind="book", status="done", start=-60, end=-32,
        hours_planned=10, hours_spent=11, units_done=67, units_total=67, cost=18.99,
        provider="Wiley",
        outcome=("One-page takeaways note written; the chapters on discovery changed how I run "
                 "intake meetings."),
        skills=("roadmapping", "prioritisation"),
    ),
    "discovery_book": LearningRecord(
        title="Continuous Discovery Habits — Teresa Torres", kind="book", status="in_progress",
        start=-25, end=10, hours_planned=8, hours_spent=4, units_done=6, units_total=12, cost=22.5,
        provider="Product Talk", skills=("user_research",),
    ),
    "sql_practice": LearningRecord(
        title="Weekly SQL practice on public datasets", kind="practice", status="in_progress",
        start=-35, hours_planned=26, hours_spent=5, units_done=5, units_total=26,
        outcome="Five sessions done; one missed during a project go-live.", schedule_day=1,
        schedule_time="07:00", schedule_minutes=60, skills=("sql", "analytics"),
    ),
    "finance_workshop": LearningRecord(
        title="Finance for Non-Financial Managers", kind="workshop", status="planned", start=50,
        end=51, hours_planned=14, units_total=2, cost=180,
        provider="Leeds Business School (short course)", skills=("finance",),
    ),
    "shadowing": LearningRecord(
        title="Shadow a discovery sprint at Brightline Software", kind="shadowing", status="done",
        start=-23, end=-16, hours_planned=12, hours_spent=14, units_done=5, units_total=5,
        provider="Brightline Software",
        outcome="Feedback from Zoë: strong synthesis; needs sharper problem statements.",
        hypothesis=("I will enjoy discovery work at least as much as delivery coordination, and "
                    "can contribute in my first week."),
        result=("Confirmed: I ran two of the five customer interviews and wrote the synthesis. "
                "Zoë rated my notes above some junior PMs'. Least enjoyable: waiting for "
                "engineering estimates."),
        skills=("user_research", "roadmapping", "stakeholders"),
    ),
    "ab_test": LearningRecord(
        title="A/B test analysis of a pricing page for an online shop", kind="freelance",
        status="in_progress", start=-12, end=40, hours_planned=20, hours_spent=7, units_done=2,
        units_total=5, provider="Hollins & Daughter (independent homeware shop)",
        hypothesis=("I can design and read an A/B test without an analyst, and turn it into a "
                    "decision memo a founder acts on."),
        result=("Two weeks in: 3.1% vs 3.6% conversion, not yet significant at 95%. Sample-size "
                "estimate says two more weeks."),
        skills=("ab_testing", "sql", "storytelling"),
    ),
}
