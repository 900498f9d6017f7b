"""The CLI is a thin Vietnamese shell over the API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOCVUSO = str(Path(sys.executable).parent / "hocvuso")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([HOCVUSO, *args], capture_output=True, text=True, timeout=300)


def test_help_is_vietnamese():
    out = _run("--help").stdout
    assert "Cách dùng: hocvuso" in out and "chấm tự động" in out and "xuất bảng điểm" in out
    assert "giấy chứng nhận" in out
    for command in ("start", "build", "release", "grade", "feedback", "export", "certify"):
        assert command in out
        assert "Cách dùng: hocvuso " + command in _run(command, "--help").stdout


def test_usage_errors_are_vietnamese():
    result = _run("grade")
    assert result.returncode == 2
    assert "lỗi: thiếu tham số bắt buộc: assignment" in result.stderr


def test_unknown_module_is_a_clear_error(tmp_path):
    result = _run("grade", "m99", "--home", str(tmp_path))
    assert result.returncode == 1
    assert "Không có bài thực hành 'm99'" in result.stderr and "syllabus.toml" in result.stderr


def test_release_puts_the_learner_version_in_the_exchange(built_course):
    built_course.release("m01")
    outbound = built_course.exchange / "lamdong" / "outbound" / "m01"
    assert (outbound / "thuc-hanh.ipynb").exists()
    assert (outbound / "don_vi_lam_dong.csv").exists()
    assert "BEGIN SOLUTION" not in (outbound / "thuc-hanh.ipynb").read_text(encoding="utf-8")
