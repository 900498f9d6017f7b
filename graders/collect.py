"""Collecting submissions: from the nbgrader exchange, a folder, or a .zip sent by email or chat.

Naming rule (the same for a folder and for a .zip; a .zip may also hold one top folder around it):

* ``<id>.ipynb`` — one notebook named by the learner id, or
* ``<id>/<lab file>`` — a folder per learner (``<id>/<assignment>/<lab file>`` is accepted too).

Learner ids use letters without diacritics, digits, ``.``, ``_`` and ``-`` (see ``graders.roster``).
A .zip is unpacked safely: no path may leave the target folder, links are refused, and the
unpacked size is capped, so a hostile archive costs only itself. Mac (``__MACOSX``, ``.DS_Store``)
and Windows (``Thumbs.db``) clutter is skipped and said so; nothing else is dropped silently.
"""

from __future__ import annotations

import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_ZIP_BYTES = 200 * 1024 * 1024  # unpacked, whole archive
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024  # unpacked, one file
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
    try:
        handle = zipfile.ZipFile(archive)
    except FileNotFoundError as error:
        raise CollectError(f"{archive}: không có tệp này. Kiểm tra lại đường dẫn.") from error
    except zipfile.BadZipFile as error:
        raise CollectError(
            f"{archive}: không phải tệp .zip hợp lệ (có thể tải về chưa xong). Tải lại tệp nén "
            "hoặc giải nén bằng tay rồi chấm thư mục."
        ) from error
    result = Collected(target)
    target.mkdir(parents=True)
    total = 0
    with handle:
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
        for info, parts in entries:
            rel = parts[1:] if unwrap else parts
            destination = target.joinpath(*rel)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with handle.open(info) as source, destination.open("wb") as out:
                copied = _copy_capped(source, out, MAX_NOTEBOOK_BYTES)
            if copied is None:  # the header lied about the size
                destination.unlink()
                result.problems.append(
                    f"{archive.name}: {'/'.join(parts)}: tệp quá lớn khi giải nén; bỏ qua."
                )
    return result


def _copy_capped(source, out, cap: int) -> int | None:
    copied = 0
    while chunk := source.read(1 << 16):
        copied += len(chunk)
        if copied > cap:
            return None
        out.write(chunk)
    return copied


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
