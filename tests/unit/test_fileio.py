"""Atomic writing of exported files, and exports killed half-way."""

from __future__ import annotations

import errno
import io
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pypdf
import pytest

from careerpivot import fileio
from careerpivot.core.errors import ExportError

ROOT = Path(__file__).resolve().parents[2]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_writes_a_new_private_file(tmp_path):
    target = tmp_path / "out.pdf"
    assert fileio.write_atomic(target, b"%PDF new") == target
    assert target.read_bytes() == b"%PDF new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert leftovers(tmp_path) == []


def test_replaces_an_existing_file_whole(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old content")
    fileio.write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert leftovers(tmp_path) == []


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old content")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full)
    with pytest.raises(ExportError) as info:
        fileio.write_atomic(target, b"new content")
    assert "full" in info.value.message and str(tmp_path) in info.value.message
    assert target.read_bytes() == b"old content"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old content")

    def refuse(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fileio.os, "replace", refuse)
    with pytest.raises(ExportError) as info:
        fileio.write_atomic(target, b"new content")
    assert "disk error" in info.value.message
    assert target.read_bytes() == b"old content"
    assert leftovers(tmp_path) == []


def test_an_unwritable_folder_gets_a_clear_message(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileio.tempfile, "mkstemp", denied)
    with pytest.raises(ExportError) as info:
        fileio.write_atomic(tmp_path / "out.pdf", b"x")
    assert "cannot write to the folder" in info.value.message


def test_a_missing_folder_or_a_folder_as_target(tmp_path):
    with pytest.raises(ExportError) as info:
        fileio.write_atomic(tmp_path / "missing" / "out.pdf", b"x")
    assert "does not exist" in info.value.message
    (tmp_path / "dir.pdf").mkdir()
    with pytest.raises(ExportError) as info:
        fileio.write_atomic(tmp_path / "dir.pdf", b"x")
    assert "is a folder" in info.value.message


def test_builds_from_several_threads_are_serialised_and_valid():
    from careerpivot.reports import summary as report
    from careerpivot.services.summary import SummaryDocument

    results: list[bytes] = []
    errors: list[BaseException] = []

    def build(n: int) -> None:
        try:
            doc = SummaryDocument(full_name=f"Person {n}", narrative="word " * 200 * n)
            results.append(report.build_summary(doc, "A4").data)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=build, args=(n,)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 4
    for data in results:
        assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1


CHILD = textwrap.dedent("""
    import sys
    from careerpivot.reports import summary as report
    from careerpivot.services.summary import SummaryDocument

    target = sys.argv[1]
    docs = [SummaryDocument(full_name="Version A", narrative="alpha " * 400),
            SummaryDocument(full_name="Version B", narrative="beta " * 300)]
    n = 0
    while True:
        report.export_summary(docs[n % 2], target)
        n += 1
        if n == 2:
            print("ready", flush=True)
""")


def _check_complete(target: Path) -> str:
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "Version A" in text or "Version B" in text
    return text


def test_kill_during_export_leaves_a_complete_file(tmp_path):
    """kill -9 of a process exporting in a loop: the target is always a whole PDF, the old
    one or the new one."""
    target = tmp_path / "summary.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(5)
    for _trial in range(6):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().strip() == "ready"
            # let it run a random while into more exports, then kill it mid-flight
            try:
                child.wait(timeout=rng.uniform(0.01, 0.25))
            except subprocess.TimeoutExpired:
                pass
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        _check_complete(target)
        assert target.stat().st_mode & 0o777 == 0o600
