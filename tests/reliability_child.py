"""Child processes for the reliability tests (run as ``python tests/reliability_child.py MODE``).

``zygote``
    Imports the app's store and services once (no Qt), then serves the kill loop: for each line
    ``run <workspace> <backups> <seed>`` on stdin it forks a *saver* and reports
    ``pid <pid>`` and, once the saver is gone, ``exit <pid> <wait status>``. Forking from a warm
    process keeps a round to a few milliseconds instead of a fresh interpreter's start-up.

    The saver opens the workspace through the app's open sequence and saves through the real
    service layer, forever, until it is killed. Around every service call it writes a line::

        intent <op> <key> <sha256>      before the call
        ack <op> <key> <sha256>         after the call returned (the save is acknowledged)

    ``key`` is ``contact:<id>:<field>``, ``answer:<id>`` or, for a create whose id is not known
    yet, ``new:<seed>-<n>`` (the contact is named ``Saver <seed>-<n> ✓``); the hash is of the
    value as the service stores it (after its documented clean-up). A create carries two
    hashes (name, notes) and its tags; its ack names the new id. Each line is one
    ``os.write`` to a pipe, so what was written before the kill is never lost or torn.

``lock <workspace> <seconds>``
    Another program: holds the write lock (``BEGIN IMMEDIATE`` with a pending insert) for
    ``seconds``, then commits. Prints ``locked`` once it holds it and ``released`` after.

``diskfull-ui <workspace> <settings.ini>``
    An offscreen Qt session: the real Network tab's detail editor storing a note through
    FormBinder while ``RLIMIT_FSIZE`` (the soft limit only) leaves no room, then after the limit
    is lifted again. Prints one JSON line with what the user saw.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # the repository, for ``careerpivot``


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _say(line: str) -> None:
    data = (line + "\n").encode("utf-8")
    assert len(data) < 512  # far below PIPE_BUF: one write, never interleaved or torn
    os.write(1, data)


# --- damaging a page from outside (imported by the tests, not a child mode) -------------------


def _page(path: str, number: int, size: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek((number - 1) * size)
        return fh.read(size)


def table_pages(path: str, table: str, rowid: int | None = None) -> tuple[int, int]:
    """``(root page, leaf page)`` of ``table`` in the main file: the leaf that holds ``rowid``,
    or the leaf in the middle of the table. Reads the b-tree itself (no dbstat needed)."""
    import sqlite3
    import struct
    from pathlib import Path

    con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    try:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?",
                           (table,)).fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    page_no = root
    while True:
        page = _page(path, page_no, size)
        offset = 100 if page_no == 1 else 0
        kind = page[offset]
        if kind == 0x0D:  # a table leaf
            return root, page_no
        assert kind == 0x05, f"page {page_no} is not a table b-tree page ({kind:#x})"
        cells = struct.unpack(">H", page[offset + 3:offset + 5])[0]
        right = struct.unpack(">I", page[offset + 8:offset + 12])[0]
        children = []
        for i in range(cells):
            at = struct.unpack(">H", page[offset + 12 + 2 * i:offset + 14 + 2 * i])[0]
            child = struct.unpack(">I", page[at:at + 4])[0]
            key, pos = 0, at + 4  # the cell's largest rowid on the left: a varint
            for _ in range(8):
                byte = page[pos]
                pos += 1
                key = (key << 7) | (byte & 0x7F)
                if not byte & 0x80:
                    break
            children.append((key, child))
        if rowid is None:
            page_no = children[len(children) // 2][1] if children else right
        else:
            page_no = next((c for k, c in children if rowid <= k), right)


def damage_page(path: str, number: int) -> None:
    """Overwrite one page of the file with deterministic garbage, as a failing disk or a sync
    tool writing into the file would."""
    import sqlite3
    from pathlib import Path

    con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    try:
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    with open(path, "r+b") as fh:
        fh.seek((number - 1) * size)
        fh.write(bytes((i * 131 + 7) % 251 for i in range(size)))
        fh.flush()
        os.fsync(fh.fileno())


def commit_elsewhere(path: str) -> None:
    """A small commit by another connection. An open connection keeps the pages it has read in
    its cache until another connection changes the file: this makes the app read from disk
    again, as it does in real use once anything else has written."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        con.execute("INSERT OR REPLACE INTO setting(key, value) VALUES ('sync', 'touched')")
    finally:
        con.close()


# --- the kill loop ---------------------------------------------------------------------------

_PIECES = (
    "Zoë said the first 90 days are about trust. ", "Ask about the on-call rota.\n",
    "مرحبا بالعالم — the RTL greeting she used. ", "数据分析 matters more than tools. ",
    "📝✅🚀 ", "Line one\nline two\n\n", "Tab\tseparated\tnotes ", "Ünïcödé ",
    "a" * 97, "\u200b zero width ", "Niño & Søren\n",
)


def _text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.70:
        target = rng.randint(1, 2_000)
    elif roll < 0.95:
        target = rng.randint(2_000, 32_000)
    else:
        target = rng.randint(100_000, 300_000)  # several pages: overflow chains, checkpoints
    parts: list[str] = []
    size = 0
    while size < target:
        piece = rng.choice(_PIECES)
        parts.append(piece)
        size += len(piece)
    parts.append(f" #{rng.getrandbits(48):x}")  # every value differs from the one before
    return "".join(parts)


def _saver(path: str, backups: str, seed: int) -> None:
    """Save through the services until killed (see the module docstring)."""
    from pathlib import Path

    from careerpivot.core.validation import clean_line, clean_text
    from careerpivot.services import interviews, network, workspace

    rng = random.Random(seed)
    workspace.open_workspace(Path(path), create=False, backups_root=Path(backups))
    contacts = [c.id for c in network.list_contacts(include_archived=True)]
    answers = [a.id for row in interviews.list_interviews()
               for a in interviews.get_interview(row.id).answers]
    _say("ready")
    n = 0
    while True:
        n += 1
        op = rng.choices(("create", "notes", "name", "answer"), weights=(2, 4, 1, 3))[0]
        if op == "create" or not contacts:
            name = f"Saver {seed}-{n} ✓"
            notes = _text(rng)
            tags = sorted({f"kill-{seed % 7}", f"round-{n % 3}"})
            digests = f"{sha(clean_line('name', name))} {sha(clean_text('notes', notes))}"
            _say(f"intent create new:{seed}-{n} {digests} {','.join(tags)}")
            new_id = network.create_contact(name=name, notes=notes, tags=tags)
            contacts.append(new_id)
            _say(f"ack create contact:{new_id} {digests} {','.join(tags)}")
        elif op in ("notes", "name"):
            contact_id = rng.choice(contacts)
            if op == "notes":
                value = _text(rng)
                digest = sha(clean_text("notes", value))
            else:
                value = f"  Renamed {seed}-{n} — 王 {rng.getrandbits(32):x}\n"
                digest = sha(clean_line("name", value))
            key = f"contact:{contact_id}:{op}"
            _say(f"intent update {key} {digest}")
            network.update_contact(contact_id, op, value)
            _say(f"ack update {key} {digest}")
        else:
            answer_id = rng.choice(answers)
            value = _text(rng).replace("\n", "\r\n")  # pasted from Windows: stored with LF
            digest = sha(clean_text("answer", value))
            key = f"answer:{answer_id}"
            _say(f"intent answer {key} {digest}")
            interviews.set_answer(answer_id, value)
            _say(f"ack answer {key} {digest}")


def zygote() -> None:
    import signal

    # Import everything the saver needs before any fork (no connection is opened here).
    from careerpivot.core import validation  # noqa: F401
    from careerpivot.services import interviews, network, workspace  # noqa: F401

    _say("zygote ready")
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        _cmd, path, backups, seed = words
        pid = os.fork()
        if pid == 0:  # the saver
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(60)  # never outlive a test that died without killing it
            code = 0
            try:
                _saver(path, backups, int(seed))
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 70
            finally:
                os._exit(code)
        _say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"exit {pid} {status}")


# --- another program holding the write lock --------------------------------------------------


def hold_lock(path: str, seconds: float) -> None:
    import sqlite3
    import time

    con = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT OR REPLACE INTO setting(key, value) VALUES ('other', 'program')")
        print("locked", flush=True)
        time.sleep(seconds)  # the other program's work, done while it holds the lock
        con.execute("COMMIT")
    finally:
        con.close()
    print("released", flush=True)


# --- disk full at the UI level ---------------------------------------------------------------


def diskfull_ui(path: str, settings_file: str) -> None:
    import resource
    import signal
    from pathlib import Path

    # Past the limit the kernel sends SIGXFSZ, which kills; ignored, write() fails with EFBIG
    # as it would fail with ENOSPC on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from careerpivot.services import network, workspace
    from careerpivot.settings import Settings
    from careerpivot.ui.context import AppContext, DataBus
    from careerpivot.ui.tabs.network import NetworkTab

    app = QApplication([])
    workspace.open_workspace(Path(path), create=True, backups_root=Path(path).parent / "b")
    contact_id = network.create_contact(name="Ana Lima", notes="before")
    ctx = AppContext(settings=Settings(Path(settings_file)), undo=QUndoStack(), bus=DataBus())
    tab = NetworkTab(ctx)
    tab.resize(1000, 700)
    tab.show()
    tab.reload_now()
    assert tab.show_item("contact", contact_id)
    while tab.editor.contact_id != contact_id:  # the list is read off the GUI thread
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    binder = tab.binder
    events: list[tuple[str, str]] = []
    binder.failed.connect(lambda field, message: events.append(("failed", field)))
    binder.stored.connect(lambda field: events.append(("stored", field)))

    def wait_for(kind: str, timeout_ms: int) -> bool:
        """Run the event loop until the binder reports ``kind`` (or the time is up)."""
        loop = QEventLoop()
        signal_ = binder.failed if kind == "failed" else binder.stored
        signal_.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        before = sum(1 for e in events if e[0] == kind)
        loop.exec()
        signal_.disconnect(loop.quit)
        return sum(1 for e in events if e[0] == kind) > before

    sizes = [os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s)]
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max(sizes) + 8192, hard))  # the disk is full
    note = "Zoë's long interview note 📝 — what she said about the first 90 days\n" * 12_000
    tab.notes_edit.setFocus()
    tab.notes_edit.setPlainText(note)  # a paste: stored after the typing pause
    out: dict[str, object] = {"failed": wait_for("failed", 10_000)}
    out["error_visible"] = binder.fields["notes"].error.isVisible()
    out["error_text"] = binder.fields["notes"].error.text()
    out["editor_kept"] = tab.notes_edit.toPlainText() == note
    out["pending"] = binder.has_pending()
    out["stored_while_full"] = network.get_contact(contact_id).notes

    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # space was freed
    tab.notes_edit.moveCursor(tab.notes_edit.textCursor().MoveOperation.End)
    tab.notes_edit.insertPlainText("Saved at last.")  # the user's next edit
    out["stored"] = wait_for("stored", 10_000)
    final = note + "Saved at last."
    out["stored_ok"] = network.get_contact(contact_id).notes == final.strip()
    out["error_visible_after"] = binder.fields["notes"].error.isVisible()
    out["editor_after"] = tab.notes_edit.toPlainText() == final
    out["check"] = workspace.check_database()
    tab.close()
    tab.deleteLater()
    workspace.close()
    app.processEvents()
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "zygote":
        zygote()
    elif mode == "lock":
        hold_lock(sys.argv[2], float(sys.argv[3]))
    elif mode == "diskfull-ui":
        diskfull_ui(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")
