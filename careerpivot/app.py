"""The only place that wires everything: command line, QApplication, paths, workspace, window."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from careerpivot import APP_ID, APP_NAME, __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerpivot",
        description="Turn informational interviews into evidence and a career-change plan.",
        epilog="Commands without a window: careerpivot export --help, "
               "careerpivot import --help",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--database", metavar="PATH",
                        help="the workspace file to open (created if it does not exist)")
    parser.add_argument("--demo", action="store_true",
                        help="open the sample workspace (created on first use)")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="add CareerPivot to this user's applications menu (Linux) and exit")
    parser.add_argument("--uninstall-desktop-entry", action="store_true",
                        help="remove CareerPivot from this user's applications menu and exit")
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="a workspace file to open (as when it is double-clicked)")
    return parser


COMMANDS = ("export", "import")

#: The garbage collector's first threshold: after this many new container objects it looks
#: for reference cycles. Python's default (700) suits small scripts; loading a large list
#: creates hundreds of thousands of objects, and each young collection that often also
#: brings a full one over the whole heap closer. Measured on the benchmark workspace:
#: 140 ms of collections during the first visits of the tabs with the default, 40 ms with
#: this (tests/benchmarks). Cycles are still collected, only in larger batches.
GC_THRESHOLD_0 = 20_000


def tune_gc() -> None:
    """The collector's settings of the app's process (the GUI and the commands)."""
    _threshold0, threshold1, threshold2 = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD_0, threshold1, threshold2)


def build_command_parser() -> argparse.ArgumentParser:
    """``careerpivot export …`` and ``careerpivot import …``: work without a window."""
    from careerpivot import cli_data, cli_export

    parser = argparse.ArgumentParser(
        prog="careerpivot",
        description="Export documents and data from a workspace, or import into one, "
                    "without opening a window.",
    )
    cli_export.register_delegate(cli_data.EXPORT_KINDS, cli_data.run_export,
                                 cli_data.add_export_arguments)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    cli_data.add_import_parser(commands)
    cli_export.add_export_parser(commands)
    return parser


def qt_problem(*, window: bool) -> str | None:
    """Why Qt cannot run here (a system library missing, no display), in words a person can
    act on; None when it can. Asked before Qt would abort the process with a misleading line."""
    import importlib

    from careerpivot import syslibs

    try:
        importlib.import_module("PySide6.QtWidgets" if window else "PySide6.QtCore")
    except ImportError as exc:
        return syslibs.import_problem(exc)
    return syslibs.gui_problem(sys.argv) if window else None


def _refuse(problem: str) -> int:
    print(problem, file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    tune_gc()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        command = build_command_parser().parse_args(argv)
        problem = qt_problem(window=False)
        return _refuse(problem) if problem else command.handler(command)
    args = build_parser().parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from careerpivot import desktop_entry

        if args.install_desktop_entry:
            written = desktop_entry.install()
            print(f"Added CareerPivot to the applications menu ({written[0]}).")
        else:
            removed = desktop_entry.uninstall()
            print(f"Removed {len(removed)} files of CareerPivot's menu entry.")
        return 0
    if args.file and args.database:
        build_parser().error("give either FILE or --database, not both")
    if args.file:
        args.database = args.file
    problem = qt_problem(window=True)
    return _refuse(problem) if problem else run_gui(args)


def create_application(argv: list[str]):  # -> QApplication
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from careerpivot import paths

    paths.set_application_names()  # (the folders are named after them)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationDisplayName(APP_NAME)
    from careerpivot.ui import i18n

    app._translator = i18n.install(app)  # kept alive with the application
    from careerpivot.ui import icons

    app.setWindowIcon(icons.app_icon())
    return app


def start_workspace(workspace_path: Path | None, *, demo: bool = False
                    ) -> tuple[Path, bool]:
    """The workspace to open at start-up, and whether it may be created: the one asked for,
    the sample workspace, the last one used, or the default one in the data folder."""
    from careerpivot import paths, relocate
    from careerpivot.settings import Settings

    if demo:
        return paths.sample_workspace(), False
    if workspace_path is None:
        last = Settings().last_workspace
        found = relocate.current_path(Path(last)) if last else None
        workspace_path = found if found and found.exists() else paths.default_workspace()
    path = relocate.current_path(Path(workspace_path))
    return path, path == paths.default_workspace() or not path.exists()


def build_window(workspace_path: Path | None, *, demo: bool = False):
    """Create the context, session and main window, and start opening the workspace in the
    background (the window can paint meanwhile; see ``MainWindow.open_at_start``). Returns
    the window, not shown yet."""
    from PySide6.QtGui import QUndoStack

    from careerpivot.settings import Settings
    from careerpivot.ui.context import AppContext, DataBus
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    settings = Settings()
    ctx = AppContext(settings=settings, undo=QUndoStack(), bus=DataBus())
    session = Session()
    window = MainWindow(ctx, session, actions_after_paint=True)
    ctx.undo.setParent(window)
    session.setParent(window)
    path, create = start_workspace(workspace_path, demo=demo)
    window.open_at_start(path, create=create, demo=demo)
    return window


def _add_bundled_fonts() -> None:
    """Make the bundled fallback font (Chinese, Japanese, Korean) available to the window, so
    names in those scripts show as text, not boxes, on systems without such a font. Done
    after the first paint: loading the font takes a moment. Added from its file where it is
    one (an installed package, the bundle), which Qt reads when a glyph is needed: the font's
    3.4 MB are not kept in memory (twice, while they were copied) for the whole session."""
    from importlib import resources

    from PySide6.QtGui import QFontDatabase

    font = resources.files("careerpivot").joinpath("resources", "fonts", "DroidSansFallback.ttf")
    if isinstance(font, Path) and font.is_file():
        QFontDatabase.addApplicationFont(str(font))
    else:  # (inside an archive)
        QFontDatabase.addApplicationFontFromData(font.read_bytes())


def _quit_on_terminate(window) -> None:
    """A session logout or ``kill`` closes the window properly: pending edits are stored,
    a backup is made and the lock is released."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs signal handlers only when it gets control: wake it up now and then.
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(500)


def show_relocation_problem(window, outcome) -> None:
    """Why the old folders are still in use, in the status bar once the start-up workspace is
    open and its start-up backup (which waits for the window to be idle) has ended: the
    backup's notice would take its place."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from careerpivot.ui.widgets import status_notice

    def show() -> None:
        status_notice.for_window(window).show_notice(
            outcome.problem, QCoreApplication.translate("MainWindow", "Where Is My Data?"),
            window.show_data_location, tooltip=outcome.detail, timeout_ms=None)

    def opened() -> None:
        window.workspace_ready.disconnect(opened)
        # (posted: the start-up backup is asked for just after the workspace is ready)
        QTimer.singleShot(0, lambda: window.after_backup(show))

    window.workspace_ready.connect(opened)


def run_gui(args: argparse.Namespace) -> int:
    from careerpivot import paths, relocate
    from careerpivot.ui import crash

    paths.secure_umask()
    app = create_application(sys.argv[:1])
    moved = relocate.run()  # (the folders of 0.1, named twice; before anything reads them)
    crash.setup_logging(paths.logs_dir())
    relocate.report(moved)
    crash.install()
    database = Path(args.database).expanduser() if args.database else None
    window = build_window(database, demo=args.demo)
    if moved.problem:
        show_relocation_problem(window, moved)
    window.show()
    _quit_on_terminate(window)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, _add_bundled_fonts)
    status = app.exec()
    return 1 if window.startup.quit_chosen else status
