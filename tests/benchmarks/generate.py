"""A seeded generator of the large workspace the benchmarks measure.

    python tests/benchmarks/generate.py OUT.careerpivot [--scale 1.0] [--seed 7]

At scale 1: 5,000 contacts, 20,000 interviews, 100,000 answers, 60,000 evidence rows,
500 skills, 80,000 skill mentions, 2,000 learning items, 500 milestones and 20,000 log
entries, with realistic text lengths and Unicode, and a filled value summary (the sample
workspace's profile and portfolio, six chosen skills). The same seed gives the same
workspace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

FIRST = ["Amara", "Jonas", "Zoë", "Łukasz", "Mei", "Aisha", "Olu", "Priya", "Mateo", "Sofía",
         "Noah", "Hana", "Yusuf", "Ines", "Kwame", "Elif", "Chen", "Freya", "Ravi", "Agnès",
         "王", "김", "محمد", "Dmitri", "Leila"]
LAST = ["Lindqvist", "Okafor", "Łukasiewicz-Ngô", "Tanaka", "Haddad", "Fischer", "Nguyen",
        "García", "Kowalski", "Mensah", "Sato", "Brennan", "Iyer", "Dubois", "小明", "서연",
        "Rahman", "Costa", "Novak", "Ahmed"]
ORGS = ["Northwind Logistics", "Fabrikam", "Contoso Health", "Tailspin Air", "Globex",
        "Initech", "Umbrella Retail", "Wayfarer Bank", "Lumen Labs", "Café Théâtre",
        "東京デジタル", "Acme Robotics", "Blue Yonder", "Orbit Fintech", "Helios Energy"]
ROLES = ["Product Manager", "Senior PM", "Head of Operations", "Operations Analyst",
         "Director of Product", "Program Manager", "COO", "Associate PM", "UX Researcher"]
WORDS = [
    "roadmap", "stakeholders", "discovery", "metrics", "backlog", "customers", "delivery",
    "planning", "prioritisation", "experiment", "hypothesis", "retention", "onboarding",
    "analytics", "pricing", "capacity", "forecasting", "supply", "vendors", "quality",
    "escalation", "hiring", "coaching", "strategy", "café", "naïve", "façade", "résumé", "数据",
    "مقابلة", "🚀",
]
SKILLS = ["SQL", "Roadmapping", "Stakeholder management", "A/B testing", "Jira", "User research",
          "Financial modelling", "Lean Six Sigma", "Data storytelling", "Negotiation",
          "Python", "Figma", "OKRs", "Pricing", "Forecasting", "Vendor management"]


def _text(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def generate(path: Path, *, scale: float = 1.0, seed: int = 7) -> dict[str, int]:
    from careerpivot.services import workspace
    from careerpivot.store import models as m
    from careerpivot.store.db import database, write

    rng = random.Random(seed)
    n = {k: max(1, int(v * scale)) for k, v in {
        "contacts": 5000, "interviews": 20000, "answers": 100000, "evidence": 60000,
        "skills": 500, "mentions": 80000, "learning": 2000, "milestones": 500,
        "log": 20000, "paths": 6, "assumptions": 120}.items()}
    workspace.open_workspace(path)
    today = dt.date.today()

    def day(offset_low: int, offset_high: int) -> dt.date:
        return today + dt.timedelta(days=rng.randint(offset_low, offset_high))

    def chunks(rows: list[dict], model) -> None:
        for start in range(0, len(rows), 2000):
            model.insert_many(rows[start:start + 2000]).execute()

    with write():
        chunks([{"title": f"Path {i + 1}: {rng.choice(ROLES)}", "position": i,
                 "status": rng.choice(["exploring", "active", "parked"])}
                for i in range(n["paths"])], m.Path)
        path_ids = [p.id for p in m.Path.select(m.Path.id)]
        chunks([{"path": rng.choice(path_ids), "statement": _text(rng, 6, 16),
                 "category": rng.choice(["skills", "daily_work", "pay", "culture", "other"]),
                 "confidence": rng.randint(10, 90), "position": i}
                for i in range(n["assumptions"])], m.Assumption)
        assumption_ids = [a.id for a in m.Assumption.select(m.Assumption.id)]
        chunks([{"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                 "organization": rng.choice(ORGS), "role": rng.choice(ROLES),
                 "level": rng.choice(["student", "entry", "mid", "senior", "lead", "executive"]),
                 "email": f"person{i}@example.org" if rng.random() < 0.6 else "",
                 "stage": rng.choice(["identified", "contacted", "scheduled", "interviewed",
                                      "thanked", "ongoing"]),
                 "cadence_days": rng.choice([0, 14, 30, 91, 182]),
                 "last_contact": day(-400, 0) if rng.random() < 0.7 else None,
                 "notes": _text(rng, 0, 60)}
                for i in range(n["contacts"])], m.Contact)
        contact_ids = [c.id for c in m.Contact.select(m.Contact.id)]
        chunks([{"contact": rng.choice(contact_ids), "path": rng.choice(path_ids),
                 "scheduled_at": f"{day(-700, 30).isoformat()} {rng.randint(8, 18):02d}:00",
                 "minutes": rng.choice([20, 30, 45]),
                 "status": rng.choice(["completed"] * 6 + ["scheduled", "requested",
                                                           "cancelled"]),
                 "notes": _text(rng, 20, 200), "typical_week": _text(rng, 5, 60),
                 "challenges": _text(rng, 5, 40)}
                for _ in range(n["interviews"])], m.Interview)
        interview_ids = [i.id for i in m.Interview.select(m.Interview.id)]
        # a held conversation keeps the person as they were, as marking it held records
        database.execute_sql(
            "UPDATE interview SET (held_organization, held_role, held_level) = (SELECT "
            "organization, role, level FROM contact WHERE contact.id = interview.contact_id) "
            "WHERE status = 'completed'")
        chunks([{"interview": rng.choice(interview_ids), "question_text": _text(rng, 6, 14),
                 "answer": _text(rng, 10, 120), "position": i % 5}
                for i in range(n["answers"])], m.Answer)
        pairs = set()
        while len(pairs) < n["evidence"]:
            pairs.add((rng.choice(interview_ids), rng.choice(assumption_ids)))
        chunks([{"interview": i, "assumption": a,
                 "verdict": rng.choice(["supported", "supported", "challenged", "nuanced"]),
                 "quote": _text(rng, 4, 30)} for i, a in sorted(pairs)], m.Evidence)
        names = set()
        while len(names) < n["skills"]:
            names.add(f"{rng.choice(SKILLS)} {len(names) + 1}" if names else SKILLS[0])
        chunks([{"name": name, "key": name.casefold(),
                 "kind": rng.choice(["technical", "soft", "domain", "tool", "certification"]),
                 "current_level": rng.randint(0, 3), "target_level": rng.randint(1, 4),
                 "transferable": rng.random() < 0.1} for name in sorted(names)], m.Skill)
        skill_ids = [s.id for s in m.Skill.select(m.Skill.id)]
        chunks([{"interview": rng.choice(interview_ids), "skill": rng.choice(skill_ids),
                 "importance": rng.randint(1, 3), "note": _text(rng, 0, 8)}
                for _ in range(n["mentions"])], m.SkillMention)
        chunks([{"title": f"{rng.choice(['Course', 'Book', 'Workshop', 'Project'])}: "
                          f"{_text(rng, 2, 6)}",
                 "kind": rng.choice(["course", "book", "workshop", "project", "practice"]),
                 "status": rng.choice(["planned", "in_progress", "done"]),
                 "hours_planned": rng.randint(2, 60), "units_total": 10,
                 "units_done": rng.randint(0, 10)} for _ in range(n["learning"])],
               m.LearningItem)
        phase_ids = [p.id for p in m.Phase.select(m.Phase.id)]
        chunks([{"phase": rng.choice(phase_ids), "title": _text(rng, 3, 9),
                 "due_date": day(-120, 365),
                 "status": rng.choice(["planned", "in_progress", "done"]),
                 "partner": rng.choice(contact_ids) if rng.random() < 0.4 else None}
                for _ in range(n["milestones"])], m.Milestone)
        chunks([{"kind": rng.choice(["insight", "decision", "action", "outreach"]),
                 "text": _text(rng, 5, 50), "entry_date": day(-700, 0),
                 "due_date": day(-30, 60) if rng.random() < 0.3 else None,
                 "contact": rng.choice(contact_ids) if rng.random() < 0.5 else None}
                for _ in range(n["log"])], m.LogEntry)
        # the value summary, filled as a user would: the one-page PDF has real content
        from careerpivot.services import demo

        m.Profile.update(**demo.PROFILE).where(m.Profile.id == 1).execute()
        for position, (title, result, kind, _learning) in enumerate(demo.PORTFOLIO):
            m.PortfolioItem.create(title=title, result=result, kind=kind, position=position)
        for position, skill_id in enumerate(skill_ids[:6]):
            m.SummarySkill.create(skill=skill_id, position=position)
    database.execute_sql("PRAGMA optimize")
    workspace.close()
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; choose a new file", file=sys.stderr)
        return 1
    counts = generate(args.out, scale=args.scale, seed=args.seed)
    print(", ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
