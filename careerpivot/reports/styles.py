"""The documents' design system: page sizes, the grid, the palette and the type scale.

Pure data (no ReportLab import), so the UI and the command line can read page sizes and
defaults without paying for ReportLab.

The design follows the best one-page résumés (Awesome-CV, moderncv): one family (DejaVu Sans),
three sizes (display, lead, body — plus the body size in bold or in small capitals for labels),
one accent colour, and near-black ink. The accent is a deep blue whose luminance is about a
fifth of white's, so a black-and-white printer turns it into a dark grey that still reads as
"different from the body text" and never washes out.
"""

from __future__ import annotations

import dataclasses

# --- pages ------------------------------------------------------------------------------------

MM = 72 / 25.4

#: Page sizes in points (width, height).
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "Letter": (612.0, 792.0),
}

#: Territories (ISO 3166 alpha-2) that use US Letter; everyone else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "DO", "SV", "NI", "PA", "BZ"}
)


def page_size_for_territory(territory: str) -> str:
    """"Letter" for the territories that use it, else "A4"."""
    return "Letter" if territory.upper() in LETTER_TERRITORIES else "A4"


def page_size_from_environment(environ: dict[str, str] | None = None) -> str:
    """The paper size of the POSIX locale (``LC_PAPER``, ``LC_ALL``, ``LANG``): for the command
    line, which runs without Qt. ``en_US.UTF-8`` gives Letter."""
    import os

    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(var, "")
        if value and value not in ("C", "POSIX") and "_" in value:
            territory = value.split("_", 1)[1][:2]
            return page_size_for_territory(territory)
    return "A4"


def resolve_page_size(choice: str, fallback: str) -> str:
    """The profile's choice ("", "A4", "Letter"); "" follows ``fallback`` (the locale)."""
    if choice in PAGE_SIZES:
        return choice
    return fallback if fallback in PAGE_SIZES else "A4"


# --- colour -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Palette:
    ink: str = "#1b1d21"  # body text: near-black, softer than #000 on screen
    muted: str = "#50565f"  # contact line, meta text: a dark grey that prints solid
    accent: str = "#1d4f91"  # the one accent: headline, labels, links, rules (L ~ 0.08)
    rule: str = "#b9c0ca"  # hairlines
    tint: str = "#eef2f8"  # the ask's band: prints as a faint grey or nothing — never needed
    warning: str = "#b3261e"  # draft-only overflow marker, never in an exported file


PALETTE = Palette()


# --- type -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class TypeScale:
    display: float = 26.0  # the name
    lead: float = 12.0  # the headline
    body: float = 10.0  # everything else (labels are the body size in bold capitals)
    leading: float = 1.42  # line height as a multiple of the size

    def scaled(self, factor: float) -> TypeScale:
        return TypeScale(self.display * factor, self.lead * factor, self.body * factor,
                         self.leading)


TYPE = TypeScale()

#: No text is ever set smaller than this (points).
READABLE_FLOOR = 8.5
#: The smallest factor the body size may be scaled by.
MIN_SCALE = READABLE_FLOOR / TYPE.body
#: A short summary is set a little larger (body 11 pt) so the page looks full, not sparse.
MAX_SCALE = 1.1


# --- the grid ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Grid:
    """Margins and the two-column grid of the one-page summary, in points."""

    margin_x: float = 20 * MM
    margin_top: float = 18 * MM
    margin_bottom: float = 16 * MM
    #: The narrow column (skills) as a share of the text width; the rest, less the gutter,
    #: is the wide one (selected work).
    narrow_share: float = 0.29
    gutter: float = 7 * MM
    #: The vertical rhythm unit: gaps between blocks are multiples of it.
    unit: float = 6.0


GRID = Grid()

#: Font names as registered by :mod:`careerpivot.reports.fonts`.
SANS = "CPSans"
SANS_BOLD = "CPSans-Bold"
SANS_ITALIC = "CPSans-Oblique"
FALLBACK = "CPFallback"
