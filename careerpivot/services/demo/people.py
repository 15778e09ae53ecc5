"""The sample's person, her two paths with their assumptions and scores, and her network.

Amara Lindqvist has spent ten years in project coordination at a logistics company and is
weighing two paths, product management and operations leadership (see the package's
docstring for the whole story). Records are keyed by stable names that the other tables use.
"""

from __future__ import annotations

from careerpivot.services.demo.records import (
    After,
    AssumptionRecord,
    ContactRecord,
    PathRecord,
)

# --- the person -------------------------------------------------------------------------------

#: The profile's fields (``services.summary.PROFILE_FIELDS``), as the value summary shows them.
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

PATHS: dict[str, PathRecord] = {
    "pm": PathRecord(
        title="Product management", field="B2B software and fintech", status="active",
        why=("I already do half the job — aligning stakeholders and shipping on time. I want to "
             "own the why and the what, not only the when."),
    ),
    "ops": PathRecord(
        title="Operations leadership", field="Logistics and operations", status="exploring",
        why=("The natural next step from where I am: leading sites and teams I know well, with "
             "budget and people responsibility."),
    ),
}

#: Each path's assumptions, in the order they are listed.
ASSUMPTIONS: dict[str, AssumptionRecord] = {
    "pm_stakeholders": AssumptionRecord(
        path="pm", category="skills",
        statement=("Stakeholder management from project coordination transfers directly to "
                   "product work."),
        confidence=70,
    ),
    "pm_sql": AssumptionRecord(
        path="pm", category="skills",
        statement="I need SQL good enough to answer my own product questions.", confidence=60,
    ),
    "pm_cert": AssumptionRecord(
        path="pm", category="credentials",
        statement="A product certification (PSPO or similar) is needed to get a first interview.",
        confidence=55,
    ),
    "pm_meetings": AssumptionRecord(
        path="pm", category="daily_work",
        statement="Most of a product manager's week is spent in meetings rather than on deep work.",
        confidence=65,
    ),
    "pm_entry": AssumptionRecord(
        path="pm", category="trajectory",
        statement="An associate product manager role is the realistic entry point for me.",
        confidence=50,
    ),
    "pm_pay": AssumptionRecord(
        path="pm", category="pay",
        statement="Moving into product would not mean a pay cut at mid level.", confidence=45,
    ),
    "pm_pace": AssumptionRecord(
        path="pm", category="culture",
        statement="Fintech product teams move faster and tolerate more ambiguity than logistics.",
        confidence=60,
    ),
    "ops_people": AssumptionRecord(
        path="ops", category="daily_work",
        statement=("Operations leaders spend most of their time on people and process, not "
                   "spreadsheets."),
        confidence=55,
    ),
    "ops_lean": AssumptionRecord(
        path="ops", category="credentials",
        statement="A Lean Six Sigma Green Belt is expected for operations management roles.",
        confidence=50,
    ),
    "ops_finance": AssumptionRecord(
        path="ops", category="skills",
        statement="Financial modelling and budget ownership are the biggest gap in my profile.",
        confidence=65,
    ),
    "ops_timeline": AssumptionRecord(
        path="ops", category="trajectory",
        statement=("An operations manager role is reachable within twelve months from my current "
                   "job."),
        confidence=50,
    ),
    "ops_pay": AssumptionRecord(
        path="ops", category="pay",
        statement=("Operations leadership pays more than product management in the first five "
                   "years."),
        confidence=35,
    ),
    "ops_hours": AssumptionRecord(
        path="ops", category="culture",
        statement="Operations roles mean more out-of-hours and on-call work.", confidence=60,
    ),
}

#: Scores 0-5 on the criteria every workspace starts with (``core.vocab.DEFAULT_CRITERIA``),
#: by the criterion's name.
PATH_SCORES: dict[str, dict[str, float]] = {
    "pm": {
        "Fit with my strengths": 4.5,
        "Feasibility": 3.5,
        "Pay": 3.5,
        "Lifestyle": 4.0,
        "Evidence strength": 4.0,
    },
    "ops": {
        "Fit with my strengths": 3.5,
        "Feasibility": 4.0,
        "Pay": 4.0,
        "Lifestyle": 2.5,
        "Evidence strength": 3.0,
    },
}


# --- the network ------------------------------------------------------------------------------

#: Everyone in the network, in the order they are added. Someone introduced during a
#: conversation comes in with that conversation (``InterviewRecord.introduces``).
CONTACTS: dict[str, ContactRecord] = {
    "priya": ContactRecord(
        name="Priya Raman", organization="Northwind Pay", role="Senior Product Manager",
        level="senior", email="priya.raman@northwindpay.example",
        url="https://www.linkedin.com/in/priya-raman-demo",
        how_met="University of Leeds alumni network", stage="ongoing", cadence_days=30,
        last_contact=-12, tags=("alumni", "fintech"), paths=("pm",),
        notes="Owns merchant onboarding. Generous with time; prefers short agendas sent ahead.",
    ),
    "zoe": ContactRecord(
        name="Zoë Łukasiewicz-Ngô", organization="Brightline Software", role="Head of Product",
        level="lead", email="zoe.ngo@brightline.example", url="https://zoe-ngo.example",
        phone="+44 113 496 0720", how_met="Spoke after her talk at the Product Leeds meetup",
        stage="ongoing", cadence_days=30, last_contact=After("i_zoe_2"), tags=("meetup", "saas"),
        paths=("pm",),
        notes="Hires career changers on purpose. Offered to review my A/B test write-up.",
    ),
    "daniel": ContactRecord(
        name="Daniel Achterberg", organization="Halden Logistics",
        role="Operations Manager, Doncaster hub", level="lead",
        email="daniel.achterberg@halden.example", phone="+44 1302 960 114",
        how_met="Colleague at another site", stage="thanked", cadence_days=91,
        last_contact=After("i_daniel", 1), tags=("former colleague", "logistics"), paths=("ops",),
        notes="Runs the Doncaster hub. Suggested a budget-holder secondment.",
    ),
    "tomas": ContactRecord(
        name="Tomás Ferreira", organization="Northwind Pay", role="Associate Product Manager",
        level="entry", email="tomas.ferreira@northwindpay.example",
        how_met="Introduced by Priya Raman", stage="thanked", cadence_days=91,
        last_contact=After("i_tomas", 1), tags=("fintech",), paths=("pm",),
        notes="Moved from customer support into product two years ago.",
    ),
    "grace": ContactRecord(
        name="Grace Whitfield", organization="Atlas Freight", role="Chief Operating Officer",
        level="executive", email="g.whitfield@atlasfreight.example",
        url="https://www.linkedin.com/in/grace-whitfield-demo",
        how_met="Former client of Halden Logistics", stage="ongoing", cadence_days=30,
        last_contact=After("i_grace", 1), tags=("logistics",), paths=("ops",),
        notes="Asked me to come back with a plan in a month.",
    ),
    "seoyeon": ContactRecord(
        name="김서연", organization="Lumen Analytics", role="Product Analyst", level="mid",
        email="seoyeon.kim@lumenanalytics.example", how_met="Introduced by Zoë Łukasiewicz-Ngô",
        stage="thanked", cadence_days=182, last_contact=After("i_seoyeon", 1), tags=("saas",),
        paths=("pm",), notes="Goes by Seo-yeon. Offered to review my first A/B test analysis.",
    ),
    "hannah": ContactRecord(
        name="Hannah Okoye", organization="Kestrel Health", role="Product Manager", level="mid",
        email="hannah.okoye@kestrelhealth.example",
        url="https://www.linkedin.com/in/hannah-okoye-demo",
        how_met="University of Leeds alumni network", stage="thanked", cadence_days=91,
        last_contact=After("i_hannah", 1), tags=("alumni", "healthtech"), paths=("pm",),
        notes="Moved from NHS project management into product — the profile closest to mine.",
    ),
    "sofia": ContactRecord(
        name="Sofia Marchetti", organization="Fernhill Manufacturing",
        role="Continuous Improvement Lead", level="senior",
        email="sofia.marchetti@fernhill.example", how_met="Introduced by Daniel Achterberg",
        stage="interviewed", cadence_days=91, last_contact=After("i_sofia"), tags=("lean",),
        paths=("ops",), notes="Invited me to sit in on a kaizen workshop.",
    ),
    "marcus": ContactRecord(
        name="Marcus Bell", organization="Kestrel Health", role="VP Product", level="executive",
        email="marcus.bell@kestrelhealth.example",
        url="https://www.linkedin.com/in/marcus-bell-demo", how_met="Introduced by Hannah Okoye",
        stage="scheduled", last_contact=-6, tags=("healthtech",), paths=("pm",),
        notes="Builds the product team at Kestrel; interested in operations backgrounds.",
    ),
    "ravi": ContactRecord(
        name="Ravi Menon", organization="Copperleaf Retail", role="Head of Operations",
        level="lead", email="ravi.menon@copperleaf.example", phone="+44 161 496 0388",
        how_met="Introduced by Grace Whitfield", stage="scheduled", last_contact=-5,
        tags=("retail",), paths=("ops",),
        notes="Runs distribution and store replenishment for 140 shops.",
    ),
    "elena": ContactRecord(
        name="Elena Petrova", organization="Copperleaf Retail", role="Operations Analyst",
        level="entry", email="elena.petrova@copperleaf.example",
        how_met="Operations Excellence meetup, Manchester", stage="contacted", last_contact=-15,
        tags=("meetup", "retail"), paths=("ops",),
    ),
    "liam": ContactRecord(
        name="Liam O'Connor", organization="University of Leeds",
        role="MSc Business Analytics student", level="student",
        url="https://www.linkedin.com/in/liam-oconnor-demo", how_met="University careers fair",
        stage="contacted", last_contact=-18, tags=("alumni",), paths=("pm",),
        notes="Runs the student product club; good source of study partners for SQL.",
    ),
    "aisha": ContactRecord(
        name="Aisha Rahman", organization="Brightline Software", role="Senior Product Designer",
        level="senior", email="aisha.rahman@brightline.example",
        how_met="Introduced by Zoë Łukasiewicz-Ngô", stage="to_contact", tags=("saas",),
        paths=("pm",), notes="Leads discovery research with Zoë's team.",
    ),
    "jonas": ContactRecord(
        name="Jonas Weber", organization="Northwind Pay", role="Engineering Manager", level="lead",
        email="jonas.weber@northwindpay.example", how_met="Introduced by Priya Raman",
        stage="identified", tags=("fintech",), paths=("pm",),
        notes="Could explain how engineering sees a good PM.",
    ),
    "fatima": ContactRecord(
        name="Fatima Al-Sayed", organization="Meridian Bank", role="Product Owner, Mobile Banking",
        level="mid", email="fatima.alsayed@meridianbank.example",
        url="https://www.linkedin.com/in/fatima-al-sayed-demo",
        how_met="LinkedIn: commented on her post about product owner roles in banks",
        stage="contacted", last_contact=-6, tags=("fintech",), paths=("pm",),
        notes="Request sent; she said next month would be easier.",
    ),
    "oliver": ContactRecord(
        name="Oliver Grant", organization="Meridian Bank", role="Director of Operations",
        level="executive", email="oliver.grant@meridianbank.example", how_met="LinkedIn",
        stage="declined", last_contact=-38, tags=("fintech",), paths=("ops",),
        notes="Politely declined: no time this quarter. Try again in the autumn.",
    ),
    "chloe": ContactRecord(
        name="Chloe Nguyen", organization="Meridian Bank", role="Agile Coach", level="senior",
        url="https://www.linkedin.com/in/chloe-nguyen-demo", how_met="Product Leeds meetup",
        stage="identified", tags=("meetup", "fintech"), paths=("pm",),
    ),
    "samuel": ContactRecord(
        name="Samuel Adeyemi", organization="Brightline Software", role="Product Manager",
        level="mid", email="samuel.adeyemi@brightline.example", how_met="Product Leeds meetup",
        stage="to_contact", tags=("meetup", "saas"), paths=("pm",),
        notes="Came into product from customer success.",
    ),
    "mei": ContactRecord(
        name="Mei Tanaka", organization="Atlas Freight", role="Supply Chain Planner", level="entry",
        email="mei.tanaka@atlasfreight.example", how_met="Introduced by Grace Whitfield",
        stage="to_contact", tags=("logistics",), paths=("ops",),
    ),
    "robert": ContactRecord(
        name="Robert Lindgren", organization="Halden Logistics", role="Programme Director",
        level="executive", email="robert.lindgren@halden.example", phone="+44 113 496 0155",
        how_met="My manager for six years", stage="ongoing", cadence_days=91, last_contact=-30,
        tags=("former colleague", "mentor", "logistics"), paths=("pm", "ops"),
        notes="Supportive of the move; agreed to be an accountability partner for the plan.",
    ),
    "nadia": ContactRecord(
        name="Nadia Haddad", organization="Leeds Career Collective", role="Career Coach",
        level="senior", email="nadia@leedscareers.example",
        url="https://leedscareers.example/nadia", how_met="Recommended by a friend",
        stage="ongoing", cadence_days=14, last_contact=-7, tags=("mentor",), paths=("pm", "ops"),
        notes="Fortnightly check-ins on the plan.",
    ),
    "ben": ContactRecord(
        name="Ben Carter", organization="Fernhill Manufacturing", role="Operations Coordinator",
        level="entry", how_met="Operations Excellence meetup, Manchester", stage="identified",
        tags=("meetup",), paths=("ops",),
    ),
    "isabel": ContactRecord(
        name="Isabel Cruz", organization="Kestrel Health", role="Product Operations Manager",
        level="senior", email="isabel.cruz@kestrelhealth.example",
        how_met="Introduced by Hannah Okoye", stage="contacted", last_contact=-20,
        tags=("healthtech",), paths=("pm",),
        notes="Product operations could be a bridge role; ask how she moved into it.",
    ),
    "kwame": ContactRecord(
        name="Kwame Mensah", organization="University of Leeds", role="BSc Management student",
        level="student", how_met="Product Leeds meetup", stage="identified",
        tags=("alumni", "meetup"), paths=("pm",),
    ),
    "laura": ContactRecord(
        name="Laura Schmidt", organization="Lumen Analytics", role="Operations Lead", level="lead",
        email="laura.schmidt@lumenanalytics.example", how_met="LinkedIn", stage="declined",
        last_contact=-45, tags=("saas",), paths=("ops",),
        notes="No reply after a request and one follow-up.",
    ),
}
