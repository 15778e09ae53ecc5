"""The sample's plan (phases, milestones, contingencies), value summary and tracking log."""

from __future__ import annotations

from careerpivot.services.demo.records import (
    After,
    ContingencyRecord,
    LogRecord,
    MilestoneRecord,
    PhaseRecord,
    PortfolioRecord,
)

# --- the plan ---------------------------------------------------------------------------------

#: What the sample writes into each of the phases a new workspace starts with, by name.
PHASES: dict[str, PhaseRecord] = {
    "Exploration": PhaseRecord(
        goal="Test my assumptions about both paths through conversations with practitioners.",
        weekly_hours=4, start=-84, end=14,
        success_metric=("12 conversations across at least 4 organizations and 3 experience "
                        "levels; every core assumption tested."),
    ),
    "Skill-building": PhaseRecord(
        goal="Close the most important gaps: SQL, discovery and experiment design.", weekly_hours=6,
        start=-35, end=90,
        success_metric="SQL at level 3, one discovery write-up reviewed by a practitioner.",
    ),
    "Hands-on practice": PhaseRecord(
        goal="Apply the skills in small, real experiments with feedback.", weekly_hours=6, start=30,
        end=150,
        success_metric="Two experiments finished with written results and practitioner feedback.",
    ),
    "Formal validation": PhaseRecord(
        goal="Earn the references and the evidence product hiring managers expect.", weekly_hours=5,
        start=120, end=240,
        success_metric=("Three practitioner references; five applications; two final-round "
                        "interviews."),
    ),
}

MILESTONES: tuple[MilestoneRecord, ...] = (
    MilestoneRecord(
        phase="Exploration", title="Hold eight informational interviews", due=-8, status="done",
        done=-9, metric="Interviews completed", target="8", hours_needed=12, partner="nadia",
    ),
    MilestoneRecord(
        phase="Exploration", title="Test every pay and trajectory assumption", due=-5,
        status="in_progress", metric="Pay and trajectory assumptions with evidence",
        target="4 of 4", hours_needed=3, partner="nadia",
        notes="Still nothing on pay for either path; ask Marcus and Ravi.",
    ),
    MilestoneRecord(
        phase="Exploration", title="Decide which path to prioritise", due=7, status="planned",
        metric="Decision logged", target="1", hours_needed=2, partner="robert",
    ),
    MilestoneRecord(
        phase="Skill-building", title="Read Inspired and write a one-page takeaways note", due=-30,
        status="done", done=-32, metric="Note written", target="1 page", hours_needed=10,
        money_needed=19, skills=("roadmapping",), learning=("inspired",),
    ),
    MilestoneRecord(
        phase="Skill-building", title="Finish the SQL course", due=30, status="in_progress",
        metric="Modules completed", target="12 of 12", hours_needed=16, partner="tomas",
        skills=("sql",), learning=("sql_course", "sql_practice"),
    ),
    MilestoneRecord(
        phase="Skill-building", title="Pass PSPO I", due=60, status="planned",
        metric="Assessment score", target="85% or more", hours_needed=20, money_needed=200,
        partner="priya", skills=("pspo",), learning=("pspo",),
    ),
    MilestoneRecord(
        phase="Skill-building", title="Shadow a discovery sprint", due=-15, status="done", done=-16,
        metric="Interviews run in the sprint", target="2", hours_needed=14, partner="zoe",
        skills=("user_research",), learning=("shadowing",),
    ),
    MilestoneRecord(
        phase="Hands-on practice", title="Deliver the pricing-page test decision memo", due=45,
        status="in_progress", metric="Memo reviewed by a practitioner", target="1", hours_needed=13,
        partner="seoyeon", skills=("ab_testing",), learning=("ab_test",),
    ),
    MilestoneRecord(
        phase="Formal validation", title="Ask three practitioners to act as references", due=180,
        status="planned", metric="References agreed", target="3", hours_needed=3, partner="priya",
    ),
    MilestoneRecord(
        phase="Formal validation", title="Apply to five product manager roles", due=200,
        status="planned", metric="Applications sent", target="5", hours_needed=15, partner="nadia",
    ),
)

CONTINGENCIES: tuple[ContingencyRecord, ...] = (
    ContingencyRecord(
        trigger="No product manager interviews after five applications",
        response=("Apply for an internal product operations role at Halden to build product "
                  "evidence from inside, and reapply in six months."),
        date=210, path="pm",
    ),
    ContingencyRecord(
        trigger=("Operations leadership scores higher than product after the conversations with "
                 "Marcus and Ravi"),
        response=("Make operations leadership the active path and ask Daniel about a "
                  "budget-holder secondment."),
        date=21, path="ops",
    ),
)

# --- the value summary ------------------------------------------------------------------------

#: The portfolio, in its order.
PORTFOLIO: tuple[PortfolioRecord, ...] = (
    PortfolioRecord(
        title="Rolled out a warehouse scheduling tool across six sites",
        result=("Ran discovery with 40 site users and cut weekly planning time by 30% — a product "
                "launch from research to adoption."),
        kind="achievement",
    ),
    PortfolioRecord(
        title="Redesigned project intake for 60+ requests a year",
        result=("Built a scoring model that turned competing requests into a ranked backlog — "
                "prioritisation with a roadmap."),
        kind="achievement",
    ),
    PortfolioRecord(
        title="Coordinated a £2.4m carrier migration with no missed deliveries",
        result=("Aligned 14 stakeholders across three vendors with a shared risk register — "
                "stakeholder management at launch scale."),
        kind="achievement",
    ),
    PortfolioRecord(
        title="Shadowed a discovery sprint at Brightline Software",
        result=("Ran two customer interviews and wrote the synthesis the team used to choose its "
                "next bet."),
        kind="experiment", learning="shadowing",
    ),
)

#: The skills on the value summary, in its order.
SUMMARY_SKILLS = ("stakeholders", "prioritisation", "user_research", "risk", "sql", "jira")

# --- the tracking log -------------------------------------------------------------------------

#: The tracking log, in the order the entries are written.
LOG: tuple[LogRecord, ...] = (
    LogRecord(
        kind="outreach", entry=-76,
        text="Sent interview request to Priya Raman through the alumni network.", contact="priya",
        path="pm",
    ),
    LogRecord(
        kind="action", entry=After("i_priya"), text="Send thank-you note to Priya Raman.",
        due=After("i_priya", 1), done=After("i_priya"), contact="priya", interview="i_priya",
        path="pm",
    ),
    LogRecord(
        kind="insight", entry=After("i_priya"),
        text="Priya: data fluency is the gap, not stakeholder work. SQL before any certificate.",
        contact="priya", interview="i_priya", path="pm",
    ),
    LogRecord(
        kind="insight", entry=After("i_daniel"),
        text=("Daniel: budget ownership is what separates operations managers from coordinators. "
              "I have never held a budget."),
        contact="daniel", interview="i_daniel", path="ops",
    ),
    LogRecord(
        kind="decision", entry=-50,
        text="SQL comes before PSPO: every PM so far asked about data, nobody about certificates.",
        path="pm",
    ),
    LogRecord(
        kind="insight", entry=After("i_grace"),
        text="Grace: finance literacy beats a Lean belt for promotion into operations leadership.",
        contact="grace", interview="i_grace", path="ops",
    ),
    LogRecord(
        kind="insight", entry=After("i_sofia"),
        text=("Sofia: a Green Belt matters in manufacturing and much less in logistics or retail "
              "— the Lean assumption depends on the sector."),
        contact="sofia", interview="i_sofia", path="ops",
    ),
    LogRecord(
        kind="review", entry=-14,
        text=("Weekly review: seven conversations done; stakeholder assumption now triangulated. "
              "SQL course behind by one module. Next: shadowing write-up, chase Isabel."),
    ),
    LogRecord(
        kind="decision", entry=After("i_zoe_2"),
        text=("Aim for product manager roles, not associate roles; B2B software for operations "
              "teams first."),
        contact="zoe", interview="i_zoe_2", path="pm",
    ),
    LogRecord(
        kind="action", entry=After("i_zoe_2"),
        text="Send thank-you note to Zoë with the shadowing notes attached.",
        due=After("i_zoe_2", 1), done=After("i_zoe_2"), contact="zoe", interview="i_zoe_2",
        path="pm",
    ),
    LogRecord(
        kind="review", entry=-7,
        text=("Weekly review: eight conversations done; Sofia, Marcus and Ravi booked. Pay is "
              "still untested on both paths. SQL practice block missed once."),
    ),
    LogRecord(
        kind="outreach", entry=-6,
        text="Sent interview request to Fatima Al-Sayed at Meridian Bank.", contact="fatima",
        interview="i_fatima", path="pm",
    ),
    LogRecord(
        kind="action", entry=-10, text="Report back to Tomás on the SQL course he recommended.",
        due=-3, contact="tomas", interview="i_tomas", path="pm",
    ),
    LogRecord(
        kind="action", entry=-12,
        text="Check in with Grace Whitfield with the draft plan she asked for.", due=-2,
        contact="grace", interview="i_grace", path="ops",
    ),
    LogRecord(
        kind="action", entry=-6, text="Follow up with Fatima Al-Sayed if there is no reply.", due=0,
        contact="fatima", interview="i_fatima", path="pm",
    ),
    LogRecord(
        kind="action", entry=-2, text="Send Marcus Bell a short agenda and my three questions.",
        due=2, contact="marcus", interview="i_marcus", path="pm",
    ),
    LogRecord(
        kind="action", entry=After("i_sofia"),
        text="Send thank-you note to Sofia Marchetti and confirm the kaizen workshop date.",
        due=After("i_sofia", 1), contact="sofia", interview="i_sofia", path="ops",
    ),
    LogRecord(
        kind="action", entry=-1, text="Contact Aisha Rahman; Zoë offered the introduction.", due=4,
        contact="aisha", path="pm",
    ),
    LogRecord(
        kind="action", entry=-1, text="Prepare questions on pay and progression for Ravi Menon.",
        due=6, contact="ravi", interview="i_ravi", path="ops",
    ),
)
