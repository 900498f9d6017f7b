"""Learner tools of module 05: a message linter, calendar helpers and a live linter widget.

``from graders.m05.cong_cu import soat_tin_nhan, xem_loi, them_gio, cac_gio_bat_dau, co_ai_ban``.
The linter is a helper, not a judge: it checks what a machine can check (a subject line, a greeting,
a date, shouting, personal numbers, length, a signature with a unit), never tone or purpose.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..feedback import Msg

GIO_VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Assumed office hours of a commune-level state office: two sessions a day.
BUOI_LAM_VIEC = (("07:30", "11:30"), ("13:30", "17:00"))
TIEU_DE_TOI_DA = 80  # characters in a subject line
SO_TU_TOI_DA = 150  # words after the subject line

MAU_CCCD = r"\b\d{12}\b"  # a CCCD number: 12 digits
MAU_DI_DONG = r"\b0\d{9}\b"  # a mobile number: 10 digits starting with 0 (landlines have 11)
MAU_NGAY = r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"  # dd/mm/yyyy

_GREETINGS = ("kính gửi", "kính chào", "thân gửi", "chào", "gửi", "thưa")
_UNIT = re.compile(
    r"\b(ubnd|hđnd|ủy ban|uỷ ban|văn phòng|phòng|trung tâm|ban|công an|đảng ủy|đảng uỷ|mttq|"
    r"mặt trận|xã|phường|đặc khu)\b"
)

MEANINGS = {
    "thieu_tieu_de": Msg(
        "Thiếu tiêu đề: dòng đầu nên nói ngắn gọn việc gì (ví dụ “V/v báo cáo số liệu …”), "
        "không phải lời chào.",
        "No subject: the first line should say what it is about, not greet.",
    ),
    "tieu_de_qua_dai": Msg(
        f"Tiêu đề quá dài (hơn {TIEU_DE_TOI_DA} ký tự): người nhận chỉ thấy phần đầu.",
        f"Subject too long (over {TIEU_DE_TOI_DA} characters).",
    ),
    "thieu_loi_chao": Msg(
        "Thiếu lời chào: dòng thứ hai nên bắt đầu bằng “Kính gửi …”.",
        "No greeting: the second line should start with “Kính gửi …”.",
    ),
    "viet_hoa": Msg(
        "Có dòng viết HOA toàn bộ: trên mạng, chữ hoa toàn bộ đọc như đang quát.",
        "A line in ALL CAPS: online it reads as shouting.",
    ),
    "thieu_han": Msg(
        "Chưa có ngày hạn dạng dd/mm/yyyy (ví dụ 15/10/2025).",
        "No deadline date as dd/mm/yyyy (e.g. 15/10/2025).",
    ),
    "ngay_sai": Msg(
        "Có ngày không tồn tại: kiểm tra thứ tự ngày/tháng/năm (dd/mm/yyyy, không phải mm/dd).",
        "A date that does not exist: check the order day/month/year.",
    ),
    "so_ca_nhan": Msg(
        "Có số giống số CCCD (12 chữ số) hoặc số di động (10 chữ số): che trước khi gửi vào nhóm.",
        "A number like a CCCD (12 digits) or a mobile number (10 digits): mask it before sharing.",
    ),
    "qua_dai": Msg(
        f"Tin quá dài (hơn {SO_TU_TOI_DA} từ): tách ý, hoặc đính kèm văn bản.",
        f"Message too long (over {SO_TU_TOI_DA} words): split it or attach a document.",
    ),
    "thieu_chu_ky": Msg(
        "Thiếu chữ ký có đơn vị: dòng cuối nên ghi đơn vị (ví dụ “Văn phòng HĐND và UBND xã …”).",
        "No signature with a unit: the last line should name the office.",
    ),
}
CODES = tuple(MEANINGS)


def _is_greeting(line: str) -> bool:
    return line.casefold().startswith(_GREETINGS)


def _shouting(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.7 * len(letters)


def _valid_date(day: str, month: str, year: str) -> bool:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def soat_tin_nhan(tin: str) -> list[str]:
    """The problems found in a message (first line: subject), as codes in a fixed order.

    An empty list means no rule found a problem. ``giai_thich(ma)`` explains a code."""
    text = unicodedata.normalize("NFC", str(tin))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = set()
    if not lines or _is_greeting(lines[0]):
        found.add("thieu_tieu_de")
        body = lines
    else:
        body = lines[1:]
        if len(lines[0]) > TIEU_DE_TOI_DA:
            found.add("tieu_de_qua_dai")
    if not body or not _is_greeting(body[0]):
        found.add("thieu_loi_chao")
    if any(_shouting(line) for line in lines):
        found.add("viet_hoa")
    dates = [_valid_date(*m.groups()) for m in re.finditer(MAU_NGAY, text)]
    if not any(dates):
        found.add("thieu_han")
    if not all(dates):
        found.add("ngay_sai")
    if re.search(MAU_CCCD, text) or re.search(MAU_DI_DONG, text):
        found.add("so_ca_nhan")
    if len(" ".join(body).split()) > SO_TU_TOI_DA:
        found.add("qua_dai")
    if len(body) < 3 or not _UNIT.search(body[-1].casefold()):
        found.add("thieu_chu_ky")
    return [code for code in CODES if code in found]


def giai_thich(ma: str) -> str:
    """What a linter code means, in the learner's language."""
    return MEANINGS[ma].text()


def xem_loi(tin: str) -> None:
    """Print the linter's findings for ``tin``, one per line, with their meaning."""
    codes = soat_tin_nhan(tin)
    if not codes:
        print(
            Msg("Không thấy lỗi nào trong các quy tắc máy kiểm được.", "No rule found a problem.")
        )
    for code in codes:
        print(f"- {code}: {giai_thich(code)}")


def _findings_html(tin: str) -> str:
    codes = soat_tin_nhan(tin)
    words = len(str(tin).split())
    head = Msg(f"{words} từ · ", f"{words} words · ").text()
    if not codes:
        ok = Msg(
            "✅ Không thấy lỗi nào trong các quy tắc máy kiểm được. Còn phải tự đọc lại: "
            "một mục đích, ai làm gì, lời lẽ.",
            "✅ No rule found a problem. Still reread it yourself: one purpose, who does what, tone.",
        ).text()
        return f"<div>{html.escape(head)}<b style='color:#1b5e20'>{html.escape(ok)}</b></div>"
    found = Msg(f"{len(codes)} vấn đề:", f"{len(codes)} problem(s):").text()
    items = "".join(
        f"<li><code>{code}</code> — {html.escape(giai_thich(code))}</li>" for code in codes
    )
    return (
        f"<div>{html.escape(head)}<b style='color:#b71c1c'>❌ {html.escape(found)}</b>"
        f"<ul>{items}</ul></div>"
    )


def o_soat_tin(mac_dinh: str = ""):
    """A text box whose linter findings update as you type (shown once at creation too)."""
    import ipywidgets as widgets

    box = widgets.Textarea(
        value=mac_dinh,
        placeholder=Msg("Gõ hoặc dán bản nháp tin nhắn ở đây…", "Type a draft here…").text(),
        layout=widgets.Layout(width="100%", height="180px"),
    )
    result = widgets.HTML(value=_findings_html(mac_dinh))

    def update(change: dict) -> None:
        result.value = _findings_html(change["new"])

    box.observe(update, names="value")
    return widgets.VBox([box, result])


# --- calendars -------------------------------------------------------------------------------


def them_gio(lich):
    """Add tz-aware start ``bd`` and end ``kt`` columns (Asia/Ho_Chi_Minh) to a busy calendar
    read from CSV (text columns ``ngay`` dd/mm/yyyy, ``bat_dau`` and ``ket_thuc`` HH:MM)."""
    import pandas as pd

    lich = lich.copy()
    for column, source in (("bd", "bat_dau"), ("kt", "ket_thuc")):
        moments = pd.to_datetime(lich["ngay"] + " " + lich[source], format="%d/%m/%Y %H:%M")
        lich[column] = moments.dt.tz_localize(GIO_VN)
    return lich


def cac_gio_bat_dau(ngay: str, so_phut: int, buoc: int = 15) -> list[datetime]:
    """Every possible start (every ``buoc`` minutes) of a ``so_phut``-minute meeting on day
    ``ngay`` ("dd/mm/yyyy") that fits inside one working session, in Vietnam time."""
    day = datetime.strptime(ngay, "%d/%m/%Y")
    starts = []
    for opens, closes in BUOI_LAM_VIEC:
        start = datetime.combine(day, datetime.strptime(opens, "%H:%M").time(), GIO_VN)
        end = datetime.combine(day, datetime.strptime(closes, "%H:%M").time(), GIO_VN)
        while start + timedelta(minutes=so_phut) <= end:
            starts.append(start)
            start += timedelta(minutes=buoc)
    return starts


def co_ai_ban(lich, nguoi: list[str], bd: datetime, kt: datetime) -> bool:
    """True when one of ``nguoi`` has a busy block overlapping the meeting [bd, kt).

    Two blocks overlap when each starts before the other ends."""
    cua_ho = lich[lich["ho_ten"].isin(nguoi)]
    return bool(((cua_ho["bd"] < kt) & (bd < cua_ho["kt"])).any())
