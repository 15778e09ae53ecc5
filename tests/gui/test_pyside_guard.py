"""PySide6 6.12.0 drops a reference to None on every void Qt call and aborts Python 3.11 after
a few thousand calls. An upgrade that brings the bug back must fail here, not in a session."""

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText("x" if i % 2 else "y")
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references (PySide6 bug)"
