"""Skills, the ranked development list, and learning items and experiments.

The area's use cases, one module each, all offered here (``development.ranked_skills()``):

* :mod:`.skills` — the skills themselves: name (unique in any case), kind, current and target
  level or not assessed, transferable strength; the SQL folding of names (:func:`fold`);
* :mod:`.ranking` — the development list (:func:`ranked_skills`), from the mentions of held
  conversations and the person as they were when each was held;
* :mod:`.learning` — learning items and experiments, linked to skills.
"""

from careerpivot.services import workspace
from careerpivot.services.development.learning import (
    MAX_COST,
    MAX_HOURS,
    MAX_UNITS,
    LearningRow,
    add_learning,
    delete_learning,
    get_learning,
    learning_for_skill,
    link_skill,
    list_learning,
    set_learning_skills,
    unlink_skill,
    update_learning,
    validate_learning,
)
from careerpivot.services.development.ranking import (
    RankedSkill,
    ranked_skills,
    skill_evidence,
    total_conversations,
)
from careerpivot.services.development.skills import (
    FOLD_SQL,
    MAX_LEVEL,
    MIN_LEVEL,
    SkillRow,
    add_skill,
    delete_skill,
    ensure_skill,
    fold,
    get_skill,
    list_skills,
    set_skill_levels,
    skill_named,
    update_skill,
    validate_skill,
)

Snapshot = workspace.Snapshot

__all__ = [
    "FOLD_SQL",
    "MAX_COST",
    "MAX_HOURS",
    "MAX_LEVEL",
    "MAX_UNITS",
    "MIN_LEVEL",
    "LearningRow",
    "RankedSkill",
    "SkillRow",
    "Snapshot",
    "add_learning",
    "add_skill",
    "delete_learning",
    "delete_skill",
    "ensure_skill",
    "fold",
    "get_learning",
    "get_skill",
    "learning_for_skill",
    "link_skill",
    "list_learning",
    "list_skills",
    "ranked_skills",
    "set_learning_skills",
    "set_skill_levels",
    "skill_evidence",
    "skill_named",
    "total_conversations",
    "unlink_skill",
    "update_learning",
    "update_skill",
    "validate_learning",
    "validate_skill",
]
