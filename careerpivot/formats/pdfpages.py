"""How many pages a PDF document has, read from its bytes: what an export says it wrote
("Saved the plan (3 pages) to plan.pdf").

The documents are ReportLab's, which writes every page as an object of its own
(``/Type /Page``), never inside a compressed object stream, so counting those objects counts
the pages without a PDF library.
"""

from __future__ import annotations

import re

_PAGE = re.compile(rb"/Type\s*/Page\b")


def page_count(data: bytes) -> int:
    """The pages of the PDF ``data`` (as ReportLab writes it)."""
    return len(_PAGE.findall(data))
