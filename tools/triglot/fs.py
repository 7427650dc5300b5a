"""Files are what they say: untrusted inputs read only when they are regular files inside the project, of a
bounded size; writes atomic, deterministic, and never through a symbolic link leading out of their folder."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import TriglotError

MIB = 1024 * 1024


def inside(path: Path, root: Path) -> bool:
    """True when *path*, with every symbolic link followed, is *root* or lies under it (also followed)."""
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def check_inside(path: Path, root: Path | None) -> None:
    """Raise TriglotError when *path* leads out of *root* through a symbolic link (None: no confinement)."""
    if root is not None and not inside(path, root):
        raise TriglotError(f"a symbolic link leading outside {_shown(root)}: refused", path)


def _shown(root: Path) -> str:
    return f"the project ({root})" if (root / "pyproject.toml").exists() else str(root)


def file_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input(path: Path, *, root: Path | None, limit: int, what: str = "file") -> bytes:
    """The bytes of the untrusted input file at *path*, checked before a byte is read.

    Raises TriglotError (with the path) when *path* leads out of *root*
    through a symbolic link, is not a regular file (a folder, a FIFO, a
    device: opened without blocking, never read), or is larger than *limit*
    bytes (*what* names the kind of file in the message). A missing file
    raises FileNotFoundError.
    """
    check_inside(path, root)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise TriglotError(f"cannot read the {what}: {exc.strerror}", path) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise TriglotError(f"the {what} is {file_kind(mode)}, not a file: refused", path)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TriglotError(f"the {what} is larger than {_size(limit)}, the limit for a {what}: refused", path)
    return data


def _size(limit: int) -> str:
    return f"{limit // MIB} MB" if limit % MIB == 0 else f"{limit:,} bytes"


def atomic_write(path: Path, data: bytes, *, root: Path | None = None) -> bool:
    """Write *data* to *path* through a temporary file and a rename.

    Returns False, and writes nothing, when the file already holds *data*.
    A reader, or a process killed mid-write, sees either the old file or the
    new one, never a truncated one. *path* itself is never a symbolic link
    written through (the rename replaces a link, so a link is refused); with
    *root*, a *path* whose folder leads out of *root* is refused too.
    Raises TriglotError for both.
    """
    try:
        mode: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISLNK(mode):
        raise TriglotError("a symbolic link: refusing to write through it", path)
    if mode is not None and not stat.S_ISREG(mode):
        raise TriglotError(f"{file_kind(mode)} is where a file should be written: refused", path)
    check_inside(path.parent, root)
    if mode is not None and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    check_inside(path.parent, root)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
