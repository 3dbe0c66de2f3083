"""Where results and errors go: stdout, stderr, atomic -o files, devices, broken pipes.

Also the exit statuses, so that every failure is reported in one shape
("briefing: error: ...") with the status that says what went wrong.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final, NoReturn

import typer

#: Exit statuses (documented in the README and in `briefing --help`).
EXIT_OK: Final = 0
#: Bad data, or a name or filter that matches nothing.
EXIT_DATA: Final = 1
#: Bad usage: an unknown option, a bad value, an output file that cannot be used.
EXIT_USAGE: Final = 2
#: An unexpected error: a bug (EX_SOFTWARE in sysexits.h).
EXIT_SOFTWARE: Final = 70
#: The output could not be written (EX_IOERR in sysexits.h).
EXIT_IOERR: Final = 74
#: Interrupted by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED: Final = 130


def report(text: str) -> None:
    """Write TEXT to stderr; a closed stderr is no reason to fail."""
    with contextlib.suppress(OSError):
        sys.stderr.write(text)
        sys.stderr.flush()


def fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    report(f"briefing: error: {message}\n")
    raise typer.Exit(code)


def color_enabled(flag: bool | None, *, is_tty: bool) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_tty


def write_output(text: str, output: Path | None, protected: tuple[str, ...] = ()) -> None:
    """Write TEXT to stdout, or atomically to OUTPUT (never onto a knowledge file)."""
    if output is None:
        _write_stdout(text)
        return
    refuse_knowledge_file(output, protected)
    # Through a symlink, replace the file it points to, not the link.
    target = Path(os.path.realpath(output))
    try:
        info = os.stat(target)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_special(text, output, info.st_mode)
        return
    _write_atomically(text, output, target, info.st_mode & 0o777 if info else None)


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): drop the rest quietly, and keep Python
        # from complaining when it flushes stdout at exit. The command still
        # ends with its own status (validate: 1 when it found problems).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except OSError as exc:
        fail(f"standard output: {exc.strerror or exc}", EXIT_IOERR)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_knowledge_file(output: Path, protected: tuple[str, ...]) -> None:
    """A usage error when OUTPUT is (a link to) one of the knowledge files PROTECTED."""
    for known in protected:
        if _same_file(output, Path(known)) or os.path.realpath(output) == os.path.realpath(known):
            fail(f"{output}: refusing to overwrite the knowledge file {known}", EXIT_USAGE)


def _write_special(text: str, output: Path, mode: int) -> None:
    """Write to a device or FIFO in place: renaming over it would destroy it."""
    if stat.S_ISDIR(mode):
        fail(f"{output}: is a directory; give a file name", EXIT_USAGE)
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_IOERR)


def _write_atomically(text: str, output: Path, target: Path, mode: int | None) -> None:
    """A temporary file beside TARGET, flushed and synced, then renamed over it."""
    import tempfile  # only writes need it; it is slow to import

    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_IOERR)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        # Failed or interrupted: leave no partial file behind.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            fail(f"{output}: cannot write: {exc.strerror or exc}", EXIT_IOERR)
        raise


class ProgressBar:
    """A bar on stderr for loads that take more than a second."""

    WIDTH: Final = 30

    def __init__(self, label: str = "loading", unit: str = "files") -> None:
        self.start = time.monotonic()
        self.shown = False
        self.label = label
        self.unit = unit

    def __call__(self, done: int, total: int) -> None:
        if not self.shown and time.monotonic() - self.start < 1.0:
            return
        self.shown = True
        filled = self.WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        report(f"\r{self.label} [{bar}] {done}/{total} {self.unit}")
        if done == total:
            self.clear()

    def clear(self) -> None:
        if self.shown:
            report("\r" + " " * 60 + "\r")
            self.shown = False


@contextlib.contextmanager
def progress(
    label: str = "loading", unit: str = "files"
) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback when stderr is a terminal, else None.

    The bar's line is cleared however loading ends, so that an error or an
    interruption is reported on a clean line.
    """
    if not sys.stderr.isatty():
        yield None
        return
    bar = ProgressBar(label, unit)
    try:
        yield bar
    finally:
        bar.clear()
