"""The Python functions the store's SQL calls, registered on every connection.

The folded keys of the contact list (``store/list_keys.py``) and the folded-text index of the
interview search (``store/text_index.py``) are kept in step by triggers that fold text, and
their queries fold words the same way. Each function is one rule of ``core``, named here once:

* :data:`FOLD` — ``core.validation.name_key`` of its arguments joined by a space (``NULL``
  arguments left out): the interview search;
* :data:`TEXT_FOLD` — ``core.text.fold`` of its arguments joined by a new line (``NULL`` as
  ""): the lists' sort and search keys;
* :data:`NAME_KEY` — ``core.validation.name_key`` of one text: the order tags are listed in.

A function must never raise (SQLite would abort the statement, a write among them): a value
it cannot fold folds to "". A program that opens the file without these functions can read
the tables but not change a row their triggers watch: SQLite refuses the statement, so
nothing is ever written out of step.
"""

from __future__ import annotations

from careerpivot.core.text import fold
from careerpivot.core.validation import name_key
from careerpivot.store.models import database

FOLD = "cp_fold"
TEXT_FOLD = "cp_text_fold"
NAME_KEY = "cp_name_key"


def fold_words(*texts: object) -> str:
    """:data:`FOLD`."""
    try:
        return name_key(" ".join(str(t) for t in texts if t is not None))
    except Exception:
        return ""


def fold_lines(*texts: object) -> str:
    """:data:`TEXT_FOLD`."""
    try:
        return fold("\n".join("" if t is None else str(t) for t in texts))
    except Exception:
        return ""


def _name_key(text: object) -> str:
    try:
        return name_key("" if text is None else str(text))
    except Exception:
        return ""


database.register_function(fold_words, FOLD, -1, deterministic=True)
database.register_function(fold_lines, TEXT_FOLD, -1, deterministic=True)
database.register_function(_name_key, NAME_KEY, 1, deterministic=True)
