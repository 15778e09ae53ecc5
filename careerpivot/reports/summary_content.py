"""The one-page summary's text: its paragraph styles at a scale, and each section's
paragraphs, ready to be measured (:mod:`.summary_fit`) and drawn (:mod:`.summary_draw`).

The header packs the role and location, and the contact details, onto as few balanced lines
as they need, breaking only between items; skills flow on one line across the page when there
is no selected work beside them."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from careerpivot.reports import base, display_name, fonts, styles

if TYPE_CHECKING:
    from careerpivot.reports.data import SummaryDocument

P = styles.PALETTE
G = styles.GRID


# --- styles -----------------------------------------------------------------------------------


def _style(name: str, font: str, size: float, leading: float, color: str, **kw: object):
    return base.style(name, font, size, leading, color, allowWidows=1, allowOrphans=1, **kw)


@dataclasses.dataclass
class Styles:
    scale: float
    unit: float
    name: object
    headline: object
    meta: object
    body: object
    item_title: object
    item_text: object
    link: object
    ask: object
    label_size: float

    @classmethod
    def at(cls, scale: float) -> Styles:
        t = styles.TYPE.scaled(scale)
        body = max(t.body, styles.READABLE_FLOOR)
        lead = t.leading
        return cls(
            scale=scale,
            unit=G.unit * scale,
            name=_style("name", styles.SANS_BOLD, t.display, t.display * 1.12, P.ink),
            headline=_style("headline", styles.SANS, t.lead, t.lead * 1.3, P.accent),
            meta=_style("meta", styles.SANS, body, body * lead, P.muted),
            body=_style("body", styles.SANS, body, body * lead, P.ink),
            item_title=_style("item_title", styles.SANS_BOLD, body, body * 1.32, P.ink),
            item_text=_style("item_text", styles.SANS, body, body * 1.36, P.muted),
            link=_style("link", styles.SANS, body, body * 1.36, P.accent),
            ask=_style("ask", styles.SANS, body, body * lead, P.ink),
            label_size=body,
        )


# --- pieces of text ---------------------------------------------------------------------------


def _meta_items(doc: SummaryDocument) -> list[tuple[str, str]]:
    return [(fonts.markup(t), t) for t in (doc.current_role, doc.location) if t]


def _contact_items(doc: SummaryDocument) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    if doc.email:
        items.append((base.link("mailto:" + doc.email, doc.email, P.muted), doc.email))
    if doc.phone:
        items.append((base.link(base.tel_href(doc.phone), doc.phone, P.muted), doc.phone))
    for url in (doc.website, doc.linkedin):
        if url:
            shown = base.display_url(url)
            items.append((base.link(url, shown, P.muted), shown))
    return items


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks are kept."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]


def _words(text: str) -> int:
    return len(text.split())


# --- the sections -----------------------------------------------------------------------------


@dataclasses.dataclass
class Item:
    """A flowable with the gap above it and the number of the list item it belongs to."""

    flowable: object
    gap: float
    item: int = 0
    words: int = 0
    height: float = 0.0
    lines: int = 0


@dataclasses.dataclass
class Content:
    st: Styles
    header: list[Item]
    narrative: list[Item]
    skills: list[Item]
    work: list[Item]
    ask: list[Item]
    skills_inline: bool
    work_full: bool


def _header(doc: SummaryDocument, st: Styles, width: float) -> list[Item]:
    from reportlab.platypus import Paragraph

    u = st.unit
    header: list[Item] = []
    if doc.full_name:
        name = display_name.layout(doc.full_name, st.name.fontSize, width - 0.5)
        style = st.name if name.size == st.name.fontSize else _style(
            "name", styles.SANS_BOLD, name.size, name.size * 1.12, P.ink)
        header.append(Item(Paragraph(name.markup, style), 0, words=_words(doc.full_name)))
    if doc.headline:
        header.append(Item(Paragraph(fonts.markup(doc.headline), st.headline),
                           0.5 * u if header else 0, words=_words(doc.headline)))
    meta = base.packed(_meta_items(doc), st.meta.fontSize, width)
    if meta:
        header.append(Item(Paragraph(meta, st.meta), 1.0 * u if header else 0,
                           words=_words(doc.current_role + " " + doc.location)))
    contact = base.packed(_contact_items(doc), st.meta.fontSize, width)
    if contact:
        header.append(Item(Paragraph(contact, st.meta),
                           0.15 * u if meta else (1.0 * u if header else 0), words=4))
    return header


def _skills(doc: SummaryDocument, st: Styles, inline: bool) -> list[Item]:
    from reportlab.platypus import Paragraph

    if inline:
        text = base.dot().join(fonts.markup(s) for s in doc.skills)
        return [Item(Paragraph(text, st.body), 0, item=1, words=sum(map(_words, doc.skills)))]
    return [Item(Paragraph(fonts.markup(name), st.body), 0.35 * st.unit if n > 1 else 0,
                 item=n, words=_words(name))
            for n, name in enumerate(doc.skills, 1)]


def _work(doc: SummaryDocument, st: Styles) -> list[Item]:
    from reportlab.platypus import Paragraph

    u = st.unit
    work: list[Item] = []
    for n, entry in enumerate(doc.portfolio, 1):
        work.append(Item(Paragraph(fonts.markup(entry.title), st.item_title),
                         1.5 * u if n > 1 else 0, item=n, words=_words(entry.title)))
        result = fonts.markup(entry.result)
        if entry.kind == "experiment":
            tag = f'<font name="{styles.SANS_ITALIC}" color="{P.accent}">Experiment</font>'
            result = tag + (base.dot() + result if entry.result else "")
        if result:
            work.append(Item(Paragraph(result, st.item_text), 0.2 * u, item=n,
                             words=_words(entry.result)))
        if entry.url:
            work.append(Item(Paragraph(base.link(entry.url, base.display_url(entry.url),
                                                 P.accent), st.link),
                             0.1 * u, item=n, words=1))
    return work


def _blocks(text: str, style: object, gap: float) -> list[Item]:
    """One paragraph a block of ``text``, ``gap`` apart."""
    from reportlab.platypus import Paragraph

    return [Item(Paragraph(fonts.markup(block), style), gap if i else 0, words=_words(block))
            for i, block in enumerate(_paragraphs(text))]


def build_content(doc: SummaryDocument, scale: float, width: float) -> Content:
    """Every section of ``doc`` set at ``scale`` for a text ``width`` wide."""
    st = Styles.at(scale)
    skills_inline = bool(doc.skills) and not doc.portfolio
    return Content(st, _header(doc, st, width), _blocks(doc.narrative, st.body, 0.6 * st.unit),
                   _skills(doc, st, skills_inline), _work(doc, st),
                   _blocks(doc.ask, st.ask, 0.5 * st.unit), skills_inline,
                   work_full=bool(doc.portfolio) and not doc.skills)
