"""Reading a file a learner's code wrote: never through a link, never a FIFO or device, never more
than a cap. Checks and hidden tests use this instead of ``open``/``Path.read_bytes`` on any path
the learner's function was given or chose.

The path is walked one component at a time from the current folder (the judge's: the work folder)
with ``O_NOFOLLOW`` relative to the directory descriptor already held (``openat``), so a link
anywhere on the way, or a folder renamed into a link while we walk, ends the read instead of
leading out of the work folder.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

MAX_BYTES = 32 * 1024 * 1024


class LearnerFileError(OSError):
    """The file is not something to read (Vietnamese message naming it)."""


def read_bytes(path: str | os.PathLike, limit: int = MAX_BYTES) -> bytes:
    """The content of ``path`` (relative to the current folder, or absolute inside it)."""
    shown = os.fspath(path)
    parts = _parts(Path(path))
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(".", flags | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            try:
                inner = os.open(part, flags | os.O_DIRECTORY, dir_fd=fd)
            except OSError as error:
                raise LearnerFileError(
                    f"{shown}: không mở được thư mục “{part}” ({error.strerror})"
                ) from None
            os.close(fd)
            fd = inner
        try:
            inner = os.open(parts[-1], flags | os.O_NONBLOCK, dir_fd=fd)
        except FileNotFoundError:
            raise FileNotFoundError(f"{shown}: không có tệp này") from None
        except OSError as error:
            raise LearnerFileError(f"{shown}: không mở được tệp ({error.strerror})") from None
        os.close(fd)
        fd = inner
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LearnerFileError(f"{shown}: không phải một tệp bình thường (liên kết, FIFO…)")
        if info.st_size > limit:
            raise LearnerFileError(f"{shown}: tệp quá lớn (trên {limit // 1024 // 1024} MB)")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > limit:
                raise LearnerFileError(f"{shown}: tệp quá lớn (trên {limit // 1024 // 1024} MB)")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def open_bytes(path: str | os.PathLike, limit: int = MAX_BYTES) -> io.BytesIO:
    """:func:`read_bytes` as a file object (for ``pd.read_excel`` and friends)."""
    return io.BytesIO(read_bytes(path, limit))


def _parts(path: Path) -> list[str]:
    if path.is_absolute():
        here = Path(os.getcwd())
        if not path.is_relative_to(here):
            raise LearnerFileError(f"{path}: nằm ngoài thư mục làm bài")
        path = path.relative_to(here)
    parts = [p for p in path.parts if p not in ("", ".")]
    if not parts or ".." in parts:
        raise LearnerFileError(f"{path}: đường dẫn không hợp lệ")
    return parts
