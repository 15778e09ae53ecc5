"""Typed settings in INI format. Preferences live apart from window and splitter state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from careerpivot import paths

MAX_RECENT = 8


class Settings:
    def __init__(self, file: Path | None = None) -> None:
        self._qs = QSettings(str(file or paths.config_file()), QSettings.Format.IniFormat)

    # --- preferences ----------------------------------------------------------------------
    def _get_str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _get_list(self, key: str) -> list[str]:
        value = self._qs.value(key, [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, list) else []

    @property
    def last_workspace(self) -> str:
        return self._get_str("workspace/last")

    @last_workspace.setter
    def last_workspace(self, value: str) -> None:
        self._qs.setValue("workspace/last", value)

    @property
    def recent_workspaces(self) -> list[str]:
        return self._get_list("workspace/recent")

    def add_recent(self, path: str) -> None:
        items = [p for p in self.recent_workspaces if p != path]
        items.insert(0, path)
        self._qs.setValue("workspace/recent", items[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self._qs.setValue("workspace/recent", [p for p in self.recent_workspaces if p != path])

    def last_folder(self, purpose: str) -> str:
        return self._get_str(f"folders/{purpose}")

    def set_last_folder(self, purpose: str, folder: str) -> None:
        self._qs.setValue(f"folders/{purpose}", folder)

    # --- window state (kept apart from preferences) ----------------------------------------
    def window_state(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._qs.sync()

    # --- moved folders --------------------------------------------------------------------
    def move_paths(self, old: Path, new: Path) -> bool:
        """Point every stored path inside the folder ``old`` (the last workspace, the recent
        list, the last folders used) to the same place inside ``new``, and write the file.
        False when it could not be written (it is then as it was)."""
        def moved(text: str) -> str:
            try:
                return str(new / Path(text).relative_to(old)) if text else text
            except ValueError:
                return text

        changes: dict[str, object] = {}
        last = self.last_workspace
        if moved(last) != last:
            changes["workspace/last"] = moved(last)
        recent = self.recent_workspaces
        if [moved(p) for p in recent] != recent:
            changes["workspace/recent"] = [moved(p) for p in recent]
        for key in self._qs.allKeys():
            if key.startswith("folders/"):
                folder = self._get_str(key)
                if moved(folder) != folder:
                    changes[key] = moved(folder)
        for key, value in changes.items():
            self._qs.setValue(key, value)
        self._qs.sync()
        return self._qs.status() == QSettings.Status.NoError
