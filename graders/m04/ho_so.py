"""The mock dossier validator learners call: ``kiem_tra_ho_so(ho_so)`` → ``{trường: lỗi}``.

A pure function (a dict in, a dict out, no I/O, no clock): the lesson's form widget shows its result
as the learner types, and learners may call it on their own dicts. An empty result means the
dossier passes every check. The procedures and their documents come from the MOCK catalogue of
``workbench.datasets.m04`` (minh hoạ, không phải danh mục chính thức).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from workbench.datasets.m04 import DATE_FORMAT, procedure

# The fields of a dossier, in the order a form shows them (and errors are listed).
TRUONG = ("ho_ten", "so_cccd", "ngay_sinh", "so_dien_thoai", "ma_thu_tuc", "giay_to")
TEN_TRUONG = {
    "ho_ten": "Họ và tên",
    "so_cccd": "Số CCCD",
    "ngay_sinh": "Ngày sinh",
    "so_dien_thoai": "Số điện thoại",
    "ma_thu_tuc": "Thủ tục",
    "giay_to": "Giấy tờ kèm theo",
}
_CCCD = re.compile(r"[0-9]{12}")
_PHONE = re.compile(r"0[0-9]{9}")
_DATE = re.compile(r"[0-9]{2}/[0-9]{2}/[0-9]{4}")


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) else None


def loi_cccd(value: Any) -> str | None:
    """Why ``value`` is not a CCCD number (12 digits), or None when it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "Ghi số CCCD trong dấu ngoặc kép (một chuỗi), để không mất số 0 ở đầu."
    text = _text(value)
    if not text:
        return "Chưa nhập số CCCD."
    if not _CCCD.fullmatch(text):
        digits = sum(ch.isdigit() for ch in text)
        if digits == len(text):
            return f"Số CCCD phải có đúng 12 chữ số; ô này có {digits} chữ số."
        return "Số CCCD chỉ gồm 12 chữ số: không có chữ cái, dấu cách hay dấu chấm."
    return None


def loi_ngay(value: Any) -> str | None:
    """Why ``value`` is not a real date written dd/mm/yyyy, or None when it is."""
    text = _text(value)
    if not text:
        return "Chưa nhập ngày sinh."
    if not _DATE.fullmatch(text):
        return "Ngày sinh phải viết dạng dd/mm/yyyy, ví dụ 05/09/1990 (đủ hai chữ số ngày, tháng)."
    try:
        dt.datetime.strptime(text, DATE_FORMAT)
    except ValueError:
        return f"Không có ngày {text} trên lịch: xem lại ngày và tháng."
    return None


def loi_so_dien_thoai(value: Any) -> str | None:
    """Why ``value`` is not a phone number (10 digits starting with 0), or None when it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "Ghi số điện thoại trong dấu ngoặc kép (một chuỗi), để không mất số 0 ở đầu."
    text = _text(value)
    if not text:
        return "Chưa nhập số điện thoại."
    if text.startswith("+84") or text.startswith("84"):
        return "Ghi số điện thoại bắt đầu bằng 0 (không dùng +84), đủ 10 chữ số."
    if not _PHONE.fullmatch(text):
        if not text.isdigit():
            return "Số điện thoại chỉ gồm chữ số: không có dấu cách, dấu chấm hay gạch ngang."
        if not text.startswith("0"):
            return "Số điện thoại phải bắt đầu bằng số 0."
        return f"Số điện thoại phải có đúng 10 chữ số; ô này có {len(text)} chữ số."
    return None


def kiem_tra_ho_so(ho_so: dict) -> dict[str, str]:
    """Check a mock dossier; return ``{field: Vietnamese message}`` for each wrong field.

    An empty dict means every check passed. Fields: ``ho_ten``, ``so_cccd`` (12 digits),
    ``ngay_sinh`` (dd/mm/yyyy, a real date), ``so_dien_thoai`` (10 digits starting with 0),
    ``ma_thu_tuc`` (a code of the mock catalogue) and ``giay_to`` (the documents attached: every
    document the procedure requires must be there).
    """
    if not isinstance(ho_so, dict):
        return {"ho_so": "Hồ sơ phải là một từ điển (dict) dạng {'ho_ten': ..., ...}."}
    errors: dict[str, str] = {}
    if not _text(ho_so.get("ho_ten")):
        errors["ho_ten"] = "Chưa nhập họ và tên."
    for field, rule in (
        ("so_cccd", loi_cccd),
        ("ngay_sinh", loi_ngay),
        ("so_dien_thoai", loi_so_dien_thoai),
    ):
        problem = rule(ho_so.get(field))
        if problem:
            errors[field] = problem
    code = _text(ho_so.get("ma_thu_tuc"))
    found = procedure(code) if code else None
    if not code:
        errors["ma_thu_tuc"] = "Chưa chọn thủ tục."
    elif found is None:
        errors["ma_thu_tuc"] = f"Không có thủ tục mã {code!r} trong danh mục minh hoạ."
    if found is not None:
        attached = ho_so.get("giay_to") or []
        if isinstance(attached, str):
            attached = [attached]
        missing = [doc for doc in found["giay_to"] if doc not in set(attached)]
        if missing:
            errors["giay_to"] = "Còn thiếu giấy tờ: " + "; ".join(missing) + "."
    return errors


def hop_le(ho_so: dict) -> bool:
    """True when :func:`kiem_tra_ho_so` finds nothing wrong."""
    return not kiem_tra_ho_so(ho_so)
