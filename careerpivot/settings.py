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
