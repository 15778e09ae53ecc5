"""File > Open Recent: each workspace by its name, as desktop apps list recent files.

An entry reads "&1 career" — the file's name without ``.careerpivot``, numbered with its
mnemonic — and adds its folder only where two entries share a name, the shortest part of
the folder that tells them apart ("career — Dropbox", "career — Documents"). The full path,
the home folder written ``~``, is the entry's tooltip and status tip. A workspace whose file
is not there any more stays in the list, marked "not found"; choosing it says so and offers
to take it off the list (:class:`MissingWorkspaceQuestion`) instead of closing the open
workspace to try.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from careerpivot import paths

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class RecentEntry(NamedTuple):
    path: Path  # as the settings keep it
    label: str  # the menu text, without its number: "career", "career — Dropbox"
    location: str  # the full path, the home folder written "~"
    exists: bool


def display_path(path: Path, home: Path | None = None) -> str:
    """``path`` with the home folder written ``~`` ("~/Documents/career.careerpivot")."""
    return str(PurePath(*_parts(path, home)))


def _parts(path: Path, home: Path | None) -> tuple[str, ...]:
    home = home if home is not None else Path.home()
    try:
        inside = path.relative_to(home)
    except ValueError:
        return path.parts
    return ("~", *inside.parts)


def workspace_name(path: Path) -> str:
    """The name a workspace goes by: its file's name without ``.careerpivot``."""
    name = path.name
    suffix = paths.WORKSPACE_SUFFIX
    if name.lower().endswith(suffix) and len(name) > len(suffix):
        return name[:-len(suffix)]
    return name


def labels(items: list[Path], home: Path | None = None) -> list[str]:
    """Each workspace's name, with the shortest end of its folder that tells it apart from
    the others of the same name (names compared as a file system that ignores case would)."""
    names = [workspace_name(p) for p in items]
    folders = [_parts(p, home)[:-1] for p in items]
    out = list(names)
    for i, name in enumerate(names):
        twins = [j for j, other in enumerate(names) if j != i
                 and other.casefold() == name.casefold()]
        if not twins:
            continue
        mine = folders[i]
        for size in range(1, len(mine) + 1):
            tail = mine[-size:]
            if all(folders[j][-size:] != tail for j in twins):
                where = str(PurePath(*tail))
                break
        else:  # the same folder: only the whole path tells them apart
            where = display_path(items[i], home)
        out[i] = translate("RecentMenu", "{0} — {1}").format(name, where)
    return out


def entries(stored: list[str], home: Path | None = None) -> list[RecentEntry]:
    """The recent workspaces as the menu shows them (one look at each file)."""
    items = [Path(text) for text in stored]
    return [RecentEntry(path, label, display_path(path, home), _exists(path))
            for path, label in zip(items, labels(items, home), strict=True)]


def _exists(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # (a folder that cannot be read: as good as missing)
        return False


def menu_text(number: int, entry: RecentEntry) -> str:
    """ "&1 career": the mnemonic number (1 to 9), the name's own "&" kept as it is."""
    label = entry.label.replace("&", "&&")
    if not entry.exists:
        label = translate("RecentMenu", "{0} (not found)").format(label)
    return f"&{number} {label}" if number < 10 else label


def tip(entry: RecentEntry) -> str:
    """The tooltip and status tip: where the workspace is (or was)."""
    if entry.exists:
        return entry.location
    return translate("RecentMenu", "Not found: {0}").format(entry.location)


class MissingWorkspaceQuestion:
    """A recent workspace whose file is not there: say so, and offer to take it off the
    list (tests replace :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, entry: RecentEntry) -> bool:
        """True when the user chooses to remove ``entry`` from the list."""
        box = QMessageBox(QMessageBox.Icon.Warning,
                          translate("RecentMenu", "Workspace Not Found"),
                          translate("RecentMenu", "“{0}” is not where it was.").format(
                              workspace_name(entry.path)),
                          QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("recentMissingDialog")
        box.setInformativeText(translate(
            "RecentMenu",
            "It was at:\n{0}\n\nIt may have been moved, renamed or deleted, or be on a "
            "drive that is not connected now. The workspace that is open stays open.").format(
                entry.location))
        remove = box.addButton(translate("RecentMenu", "Remove From List"),
                               QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("RecentMenu", "Keep in List"),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is remove
