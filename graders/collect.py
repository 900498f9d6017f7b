"""Collecting submissions: from the nbgrader exchange, a folder, or a .zip sent by email or chat.

Naming rule (the same for a folder and for a .zip; a .zip may also hold one top folder around it):

* ``<id>.ipynb`` — one notebook named by the learner id, or
* ``<id>/<lab file>`` — a folder per learner (``<id>/<assignment>/<lab file>`` is accepted too).

Learner ids use letters without diacritics, digits, ``.``, ``_`` and ``-`` (see ``graders.roster``).
A .zip is unpacked safely: no path may leave the target folder, links are refused, and the
unpacked size is capped, so a hostile archive costs only itself. An entry that cannot be read
(a bad checksum, headers that lie about its size, data cut short, a password, an unknown
compression method) is reported by name and leaves nothing behind: every entry is written under a
temporary name and renamed only when complete; the other entries are unpacked. Mac
(``__MACOSX``, ``.DS_Store``) and Windows (``Thumbs.db``) clutter is skipped and said so; nothing
else is dropped silently.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_ZIP_BYTES = 200 * 1024 * 1024  # unpacked, whole archive
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024  # unpacked, one file
MAX_ZIP_ENTRIES = 5000
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_CLUTTER = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini", ".ipynb_checkpoints"}


@dataclass
class Collected:
    folder: Path  # a folder following the naming rule, ready for ``pipeline.import_folder``
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # clutter, said so


class CollectError(ValueError):
    """The archive as a whole cannot be used (message in Vietnamese, naming the file)."""


def _entry_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:  # not marked UTF-8: Windows' zip wrote the OEM code page
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return unicodedata.normalize("NFC", name.replace("\\", "/"))


def unpack_zip(
    archive: Path | str, target: Path | str, lab_file: str = "", assignment: str = ""
) -> Collected:
    """Unpack a .zip of submissions into ``target`` (created, must not exist).

    ``lab_file`` and ``assignment`` tell a learner's own folder zipped alone
    (``hv01/thuc-hanh.ipynb``, ``hv01/m01/…``) from a class folder around everything
    (``lop-A/hv01.ipynb``), which is unwrapped."""
    archive, target = Path(archive), Path(target)
    stream, handle = _open_zip(archive)
    result = Collected(target)
    total = 0
    with stream, handle:
        if len(handle.infolist()) > MAX_ZIP_ENTRIES:
            raise CollectError(
                f"{archive}: tệp nén có quá nhiều mục ({len(handle.infolist())}; tối đa "
                f"{MAX_ZIP_ENTRIES}). Chia thành nhiều tệp nén nhỏ hơn."
            )
        entries = []
        for info in handle.infolist():
            name = _entry_name(info)
            parts = PurePosixPath(name).parts
            if info.is_dir():
                continue
            if any(p in _CLUTTER for p in parts) or parts[-1].startswith("._"):
                result.skipped.append(f"{archive.name}: {name} (tệp rác của hệ điều hành)")
                continue
            if name.startswith("/") or ".." in parts or ":" in parts[0]:
                result.problems.append(
                    f"{archive.name}: {name}: đường dẫn ra ngoài thư mục bài nộp; bỏ qua tệp "
                    "này. Nén lại các bài nộp với đường dẫn tương đối."
                )
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                result.problems.append(f"{archive.name}: {name}: là liên kết (symlink); bỏ qua.")
                continue
            if info.file_size > MAX_NOTEBOOK_BYTES:
                result.problems.append(
                    f"{archive.name}: {name}: tệp quá lớn ({info.file_size // 1024 // 1024} MB "
                    f"khi giải nén; tối đa {MAX_NOTEBOOK_BYTES // 1024 // 1024} MB). Xóa kết quả "
                    "in ra trong bài (Kernel → Restart and Clear Outputs), lưu rồi nộp lại."
                )
                continue
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise CollectError(
                    f"{archive}: tệp nén quá lớn khi giải nén (trên "
                    f"{MAX_ZIP_BYTES // 1024 // 1024} MB). Chia thành nhiều tệp nén nhỏ hơn."
                )
            entries.append((info, parts))
        # A single top folder around everything ("bai-nop-lop-A/hv01.ipynb") is unwrapped.
        tops = {parts[0] for _, parts in entries if len(parts) > 1}
        loose = [parts for _, parts in entries if len(parts) == 1]
        own = {lab_file, assignment} - {""}
        learner_folder = any(len(p) >= 2 and p[1] in own for _, p in entries)
        unwrap = len(tops) == 1 and not loose and not learner_folder
        target.mkdir(parents=True)
        for info, parts in entries:
            rel = parts[1:] if unwrap else parts
            problem = _extract(handle, info, target, rel)
            if problem:
                result.problems.append(f"{archive.name}: {'/'.join(parts)}: {problem}")
    return result


def _open_zip(archive: Path):
    """(The file, the archive in it), opened without blocking (a FIFO is refused, not waited
    on), or ``CollectError``."""
    try:
        fd = os.open(archive, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise CollectError(f"{archive}: không có tệp này. Kiểm tra lại đường dẫn.") from None
    except OSError as error:
        raise CollectError(
            f"{archive}: không đọc được tệp (lỗi hệ thống {errno.errorcode.get(error.errno, '')})."
            " Kiểm tra quyền đọc của tệp."
        ) from None
    stream = os.fdopen(fd, "rb")
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        stream.close()
        kind = "một thư mục" if stat.S_ISDIR(info.st_mode) else "một tệp đặc biệt (FIFO, thiết bị…)"
        raise CollectError(
            f"{archive}: không phải tệp .zip mà là {kind}. Chỉ đường dẫn tới tệp .zip (hoặc thư "
            "mục bài nộp)."
        )
    if info.st_size > MAX_ZIP_BYTES:
        stream.close()
        raise CollectError(
            f"{archive}: tệp nén quá lớn (trên {MAX_ZIP_BYTES // 1024 // 1024} MB). Chia thành "
            "nhiều tệp nén nhỏ hơn."
        )
    try:
        return stream, zipfile.ZipFile(stream)
    except Exception as error:  # BadZipFile, or worse for a hostile central directory
        stream.close()
        raise CollectError(
            f"{archive}: không phải tệp .zip hợp lệ (có thể tải về chưa xong). Tải lại tệp nén "
            "hoặc giải nén bằng tay rồi chấm thư mục."
        ) from error


class _Unreadable(Exception):
    """Reading an entry failed: the archive is corrupt or hostile there."""


def _extract(handle: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, rel) -> str | None:
    """Unpack one entry to ``target/rel``, whole or not at all; returns the problem, if any."""
    if info.flag_bits & 0x1:
        return (
            "mục này trong tệp nén có đặt mật khẩu nên không giải nén được. Nén lại không đặt "
            "mật khẩu rồi gửi lại."
        )
    if info.compress_type not in _METHODS:
        return (
            f"mục này trong tệp nén dùng kiểu nén không hỗ trợ (mã {info.compress_type}). Nén "
            "lại bằng kiểu thông thường (Deflate, như “Send to → Compressed (zipped) folder” của "
            "Windows) rồi gửi lại."
        )
    fd, partial = tempfile.mkstemp(prefix=".giai-nen-", dir=target)
    try:
        with os.fdopen(fd, "wb") as out:
            copied = _copy_capped(handle, info, out, MAX_NOTEBOOK_BYTES)
        if copied is None:  # the header lied about the size
            return (
                f"tệp quá lớn khi giải nén (tối đa {MAX_NOTEBOOK_BYTES // 1024 // 1024} MB); bỏ "
                "qua. Xóa kết quả in ra trong bài (Kernel → Restart Kernel and Clear Outputs), "
                "lưu rồi gửi lại."
            )
        destination = target.joinpath(*rel)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, destination)
        partial = None
    except _Unreadable:
        return (
            "mục này trong tệp nén bị hỏng (dữ liệu không khớp với phần đầu của nó: tải về chưa "
            "xong, tệp nén bị sửa hoặc bị cắt) nên không được giải nén. Tải lại tệp nén, hoặc "
            "xin học viên gửi lại bài."
        )
    except OSError as error:  # writing it here failed (a name too long, a file where a folder is)
        return (
            f"không ghi được mục này khi giải nén (lỗi hệ thống "
            f"{errno.errorcode.get(error.errno or 0, error.errno)}); bỏ qua. Đổi tên tệp trong tệp "
            "nén cho ngắn gọn, mỗi học viên một thư mục, rồi gửi lại."
        )
    finally:
        if partial is not None:
            os.unlink(partial)
    return None


def _copy_capped(handle, info, out, cap: int) -> int | None:
    copied = 0
    try:
        source = handle.open(info)
    except Exception as error:  # bad local header, name mismatch…
        raise _Unreadable() from error
    with source:
        while True:
            try:
                chunk = source.read(1 << 16)
            except Exception as error:  # bad CRC, data cut short, zlib/bz2/lzma errors…
                raise _Unreadable() from error
            if not chunk:
                return copied
            copied += len(chunk)
            if copied > cap:
                return None
            out.write(chunk)


def collect_exchange(course, assignment: str) -> list[str]:
    """Take what learners submitted through the exchange ("Assignments" panel) into the course.

    Returns the learner ids collected (nbgrader keeps the latest submission of each)."""
    course.lab(assignment)
    result = course.api().collect(assignment)
    if not result["success"]:
        raise RuntimeError(
            f"Không thu được bài {assignment} từ {course.exchange}: "
            f"{(result.get('error') or result.get('log') or '').strip().splitlines()[-1:]}"
        )
    submitted = course.root / "submitted"
    return sorted(p.name for p in submitted.glob("*") if (p / assignment).is_dir())
