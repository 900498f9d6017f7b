"""Pure checks for module 00: value in, :class:`~graders.feedback.Outcome` out."""

from __future__ import annotations

import unicodedata
from typing import Any

from ..feedback import Outcome, correct, wrong
from ..units import find_unit, suggestions


def _not_text(value: Any) -> Outcome:
    return wrong(
        f"Câu trả lời đang là {type(value).__name__}, chưa phải chữ. Hãy đặt chữ trong "
        'dấu ngoặc kép, ví dụ "Nguyễn Thị Hoa".',
        f'The answer is a {type(value).__name__}, not text. Put text in quotes, e.g. "Nguyen Thi Hoa".',
    )


def check_person_name(value: Any) -> Outcome:
    """A person's full name: text, at least two words, no digits."""
    if not isinstance(value, str):
        return _not_text(value)
    words = value.split()
    if not words:
        return wrong("Tên đang để trống.", "The name is empty.")
    if any(ch.isdigit() for ch in value):
        return wrong("Tên người không có chữ số.", "A person's name has no digits.")
    if len(words) < 2:
        return wrong(
            "Hãy viết đầy đủ họ và tên (ít nhất hai từ).",
            "Write your full name (at least two words).",
        )
    return correct(f"Chào {' '.join(words)}!", f"Hello {' '.join(words)}!")


def check_unit_total(value: Any) -> Outcome:
    """103 xã + 20 phường + 1 đặc khu."""
    if isinstance(value, str):
        return wrong(
            "Kết quả đang là chữ vì có dấu ngoặc kép. Hãy bỏ dấu ngoặc để Python tính phép cộng.",
            "The result is text because of the quotes. Remove them so Python does the sum.",
        )
    if not isinstance(value, int | float) or isinstance(value, bool):
        return wrong("Kết quả phải là một số.", "The result must be a number.")
    if value != 103 + 20 + 1:
        return wrong(
            "Tổng chưa đúng. Hãy cộng cả ba số: số xã, số phường và số đặc khu.",
            "The total is wrong. Add all three numbers: communes, wards and special zones.",
        )
    return correct("Lâm Đồng có đúng chừng đó đơn vị cấp xã.", "That is the number of units.")


def check_unit_name(value: Any) -> Outcome:
    """The name of one of the 124 units, typed as a person would."""
    if not isinstance(value, str):
        return _not_text(value)
    unit = find_unit(value)
    if unit is None:
        near = suggestions(value)
        maybe = f" Có phải bạn muốn viết: {', '.join(near)}?" if near else ""
        maybe_en = f" Did you mean: {', '.join(near)}?" if near else ""
        return wrong(
            f"Không tìm thấy “{value.strip()}” trong danh sách 124 xã, phường, đặc khu.{maybe}",
            f"“{value.strip()}” is not among the 124 units.{maybe_en}",
        )
    return correct(
        f"Tìm thấy {unit['ten']} (mã {unit['ma']}).", f"Found {unit['ten']} (code {unit['ma']})."
    )


def check_three_skills(value: Any) -> Outcome:
    if not isinstance(value, list):
        return wrong(
            'Hãy viết một danh sách trong dấu ngoặc vuông, ví dụ ["A", "B", "C"].',
            'Write a list in square brackets, e.g. ["A", "B", "C"].',
        )
    if len(value) != 3:
        return wrong(
            f"Danh sách đang có {len(value)} mục; cần đúng 3.",
            f"The list has {len(value)} items; it needs exactly 3.",
        )
    if not all(isinstance(item, str) and item.strip() for item in value):
        return wrong(
            "Mỗi mục phải là một đoạn chữ không rỗng, trong dấu ngoặc kép.",
            "Each item must be non-empty text in quotes.",
        )
    return correct("Ghi nhận mong muốn của bạn.", "Your wishes are noted.")


def check_minutes(value: Any) -> Outcome:
    """Public lab check: a whole positive number (the exact value is a hidden test)."""
    if isinstance(value, str):
        return wrong(
            "Kết quả đang là chữ. Hãy viết phép tính, không đặt trong dấu ngoặc kép.",
            "The result is text. Write the calculation without quotes.",
        )
    if not isinstance(value, int) or isinstance(value, bool):
        return wrong(
            "Số phút phải là một số nguyên (dùng phép nhân *, không dùng phép chia /).",
            "Minutes must be a whole number (use *, not /).",
        )
    if value <= 0:
        return wrong("Số phút phải lớn hơn 0.", "Minutes must be greater than 0.")
    return correct()


def check_greeting(value: Any) -> Outcome:
    """Public lab check: joined text that starts with the greeting and names the province."""
    if not isinstance(value, str):
        return _not_text(value)
    text = unicodedata.normalize("NFC", value)
    if not text.startswith("Xin chào"):
        return wrong("Lời chào phải bắt đầu bằng “Xin chào”.", "Start with “Xin chào”.")
    if "Lâm Đồng" not in text:
        return wrong(
            "Lời chào chưa có tên tỉnh: hãy nối thêm biến ten_tinh.",
            "The greeting lacks the province: join the variable ten_tinh.",
        )
    return correct()
