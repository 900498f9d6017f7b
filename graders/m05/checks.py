"""Pure checks for module 05 (digital communication and collaboration).

Expected values come from the module's own tools and data generator (``cong_cu``,
``workbench.datasets.m05``); messages say what is wrong and never print the expected value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from workbench.datasets import m05 as data

from ..canonical import plain
from ..canonical import plain_or_none as _plain_or_none
from ..feedback import Outcome, correct, wrong
from ..feedback import call_answer as _call
from .cong_cu import MAU_CCCD, MAU_DI_DONG, cac_gio_bat_dau, co_ai_ban, giai_thich, soat_tin_nhan

# --- the module's situations (shown in the notebooks; tests/test_m05.py holds them together) ---

LESSON_DEADLINE = "15/10/2025"
LESSON_TOPIC = "dịch vụ công"
LESSON_DRAFT = (
    "Báo cáo\nCác anh chị gửi SỐ LIỆU HỘ DÂN DÙNG DỊCH VỤ CÔNG TRỰC TUYẾN TRONG THÁNG GẤP NHÉ!!!"
)
LESSON_START = date(2025, 9, 29)  # + 7 days: the deadline of lesson exercise 2
LESSON_DAYS = 7
LESSON_ROLES = {"hanh": "chỉnh sửa", "hung": "nhận xét", "duc": "xem"}
LESSON_MEETING = (["Lê Thị Thu", "Phạm Văn Đức"], "08/10/2025", 30)
LESSON_NETIQUETTE = ["C", "D", "F"]
LESSON_CCCD_TEXT = (
    "Nhờ Tổ công nghệ số cộng đồng thôn 2 hỗ trợ ông Lê Văn An, CCCD 000081007933, "
    "kích hoạt VNeID mức 2 trước ngày 20/10/2025."
)

LAB_DRAFT = (
    "KÍNH GỬI CÁC ĐỒNG CHÍ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THÔN 3\n"
    "Nhờ các đồng chí hỗ trợ bà Đỗ Thị Lan (CCCD 000186012345, SĐT 0900000456) kích hoạt tài "
    "khoản VNeID mức 2 trước ngày 10/17/2025. Anh Minh phụ trách, chị Hà báo kết quả cho Văn "
    "phòng."
)
LAB_DEADLINE = "17/10/2025"
LAB_TOPIC = "VNeID"
LAB_PERSONAL = ("000186012345", "0900000456")
LAB_MESSAGE_ARGS = (
    "V/v tập huấn dịch vụ công trực tuyến",
    "các đồng chí Trưởng thôn",
    "Đề nghị mỗi thôn cử 2 người dự tập huấn tại hội trường xã.",
    date(2025, 10, 10),
    "Lê Thị Thu",
    "Phòng Kinh tế xã Lạc Dương",
)
RIGHTS = ("không", "xem", "nhận xét", "chỉnh sửa")  # from least to most
LAB_ROLES = {
    "thu": "chỉnh sửa",
    "tuan": "chỉnh sửa",
    "mai": "nhận xét",
    "duc": "xem",
    "hai": "không",
}
LAB_MEETING = (["Trần Thị Mai", "Nguyễn Văn Hùng", "Lê Thị Thu", "Phạm Văn Đức"], 60)
LAB_MASK_TEXT = (
    "Cần gọi lại: ông Ngô Ngọc Phúc, 0900000789, CCCD 000079000123; bà Bùi Thị Hoa, "
    "0900000321. Hạn 24/10/2025. Máy bàn Văn phòng: 02630000000."
)
UNIT_EMAIL = "vanphong.xalacduong@example.com"
VICE_CHAIR_EMAIL = "tranthimai.phochutich@example.com"
LAB_NETIQUETTE = ["A", "D", "E"]
LETTERS = "ABCDEF"


# --- reference implementations (the hidden tests use them too) --------------------------------


def mask_number(number: str) -> str:
    """Keep the last 3 digits, replace the others with ``*``."""
    return "*" * (len(number) - 3) + number[-3:]


def mask_personal_numbers(text: str) -> str:
    """Mask every CCCD-like (12 digits) and mobile-like (10 digits from 0) number in ``text``."""
    text = re.sub(MAU_CCCD, lambda m: mask_number(m.group()), text)
    return re.sub(MAU_DI_DONG, lambda m: mask_number(m.group()), text)


def build_message(tieu_de, kinh_gui, noi_dung, han: date, nguoi_gui, don_vi) -> str:
    return "\n".join(
        [
            tieu_de,
            f"Kính gửi: {kinh_gui},",
            noi_dung,
            f"Hạn: {han.strftime('%d/%m/%Y')}.",
            "Trân trọng,",
            nguoi_gui,
            don_vi,
        ]
    )


def first_free_slot(lich, nguoi, so_phut: int, cac_ngay) -> str | None:
    """First start ("dd/mm/yyyy HH:MM") of a ``so_phut``-minute slot free for all of ``nguoi``."""
    for ngay in cac_ngay:
        for start in cac_gio_bat_dau(ngay, so_phut):
            if not co_ai_ban(lich, nguoi, start, start + timedelta(minutes=so_phut)):
                return start.strftime("%d/%m/%Y %H:%M")
    return None


def lesson_deadline() -> str:
    return (LESSON_START + timedelta(days=LESSON_DAYS)).strftime("%d/%m/%Y")


def lesson_meeting_time() -> str | None:
    people, day, minutes = LESSON_MEETING
    found = first_free_slot(data.calendar_frame(), people, minutes, [day])
    return found and found[-5:]


def lab_letter() -> dict:
    citizens = [row["email"] for row in data.citizen_rows()]
    return {"den": [UNIT_EMAIL], "cc": [VICE_CHAIR_EMAIL], "bcc": citizens}


# --- helpers --------------------------------------------------------------------------------


def _need_text(value: Any, name: str) -> Outcome | None:
    if type(_plain_or_none(value)) is not str:
        return wrong(
            f"{name} phải là một chuỗi chữ (đặt trong dấu ngoặc kép), đang là "
            f"{type(value).__name__}.",
            f"{name} must be text (a string), not {type(value).__name__}.",
        )
    return None


def _lint_problem(text: str) -> Outcome | None:
    codes = soat_tin_nhan(text)
    if codes:
        listed = "; ".join(f"{code} ({giai_thich(code)})" for code in codes)
        return wrong(
            f"Bộ soát tin vẫn thấy vấn đề: {listed}",
            f"The linter still finds: {', '.join(codes)}.",
        )
    return None


def _fixed_draft(value: Any, name: str, deadline: str, topic: str) -> Outcome:
    problem = _need_text(value, name)
    if problem:
        return problem
    text = plain(value)
    problem = _lint_problem(text)
    if problem:
        return problem
    if deadline not in text:
        return wrong(
            "Tin đã gọn nhưng chưa giữ đúng ngày hạn của việc (dạng dd/mm/yyyy).",
            "The message lost the task's deadline (dd/mm/yyyy).",
        )
    if topic.casefold() not in text.casefold():
        return wrong(
            f"Tin đã gọn nhưng không còn nói về việc chính (“{topic}”). Sửa cách viết, "
            "đừng bỏ nội dung.",
            f"The message no longer mentions the task (“{topic}”).",
        )
    return correct("Tin rõ ràng, đủ các phần.", "Clear message, all parts there.")


def _letters(value: Any, expected: list[str] | None) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not list or not all(type(x) is str for x in got):
        return wrong(
            'Câu trả lời phải là một danh sách chữ cái, ví dụ ["A", "B"].',
            'The answer must be a list of letters, e.g. ["A", "B"].',
        )
    letters = [x.strip().upper() for x in got]
    if not letters or any(x not in LETTERS for x in letters):
        return wrong(
            f"Mỗi phần tử phải là một chữ cái trong {', '.join(LETTERS)}.",
            f"Each item must be one of the letters {', '.join(LETTERS)}.",
        )
    if len(set(letters)) != len(letters):
        return wrong("Có chữ cái bị lặp lại.", "A letter is repeated.")
    if expected is None:
        return correct()
    if sorted(letters) != sorted(expected):
        missing = len(set(expected) - set(letters))
        extra = len(set(letters) - set(expected))
        return wrong(
            f"Chưa đúng: thiếu {missing} cách ứng xử đúng, chọn nhầm {extra} cách chưa đúng.",
            f"Not yet: {missing} good choice(s) missing, {extra} wrong choice(s) picked.",
        )
    return correct()


def _normal_right(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().lower()


def _rights(value: Any, expected: dict[str, str], exact: bool) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict:
        return wrong(
            f"Câu trả lời phải là một từ điển (dict) {{người: quyền}}, đang là "
            f"{type(value).__name__}.",
            f"The answer must be a dict {{person: right}}, not {type(value).__name__}.",
        )
    if set(got) != set(expected):
        missing = sorted(set(expected) - set(got))
        extra = sorted(map(str, set(got) - set(expected)))
        return wrong(
            f"Các khóa của từ điển chưa đúng (thiếu {missing}, thừa {extra}). "
            "Dùng đúng các khóa trong đề bài.",
            f"Wrong keys (missing {missing}, extra {extra}). Use the keys given.",
        )
    allowed = ", ".join(f'"{r}"' for r in RIGHTS)
    for person, right in got.items():
        if type(right) is not str or _normal_right(right) not in RIGHTS:
            return wrong(
                f"Quyền của “{person}” phải là một trong: {allowed}.",
                f"The right of “{person}” must be one of: {allowed}.",
            )
    if not exact:
        return correct()
    rank = {right: i for i, right in enumerate(RIGHTS)}
    too_wide = [p for p in got if rank[_normal_right(got[p])] > rank[expected[p]]]
    too_narrow = [p for p in got if rank[_normal_right(got[p])] < rank[expected[p]]]
    if too_wide:
        return wrong(
            f"Quyền của {', '.join(too_wide)} rộng hơn mức công việc cần: quyền tối thiểu "
            "nghĩa là chỉ cho đúng quyền đủ để làm việc.",
            f"Too wide for: {', '.join(too_wide)} (least privilege).",
        )
    if too_narrow:
        return wrong(
            f"Quyền của {', '.join(too_narrow)} chưa đủ để làm việc được giao.",
            f"Not enough to do the job: {', '.join(too_narrow)}.",
        )
    return correct("Đúng nguyên tắc quyền tối thiểu.", "Least privilege, well done.")


# --- lesson ---------------------------------------------------------------------------------


def check_lesson_draft(value: Any) -> Outcome:
    return _fixed_draft(value, "tin_da_sua", LESSON_DEADLINE, LESSON_TOPIC)


def check_deadline_text(value: Any) -> Outcome:
    problem = _need_text(value, "han_nop")
    if problem:
        return problem
    text = plain(value).strip()
    if not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
        return wrong(
            'Ngày phải có dạng dd/mm/yyyy, ví dụ 05/09/2025. Dùng .strftime("%d/%m/%Y").',
            'The date must look like dd/mm/yyyy. Use .strftime("%d/%m/%Y").',
        )
    if not re.fullmatch(r"\d{2}/\d{2}/\d{4}", text):
        return wrong(
            "Ngày và tháng cần đủ hai chữ số (05, không phải 5): %d và %m tự thêm số 0.",
            "Day and month need two digits: %d and %m add the zero.",
        )
    want = lesson_deadline()
    day, month, year = text.split("/")
    if f"{month}/{day}/{year}" == want:
        return wrong(
            "Ngày và tháng bị đảo chỗ: ở Việt Nam viết ngày trước, tháng sau (%d/%m/%Y).",
            "Day and month are swapped: Vietnam writes day first (%d/%m/%Y).",
        )
    if text != want:
        return wrong(
            f"Chưa đúng ngày. Cộng {LESSON_DAYS} ngày vào ngay_giao bằng timedelta(days=...).",
            f"Wrong date. Add {LESSON_DAYS} days to ngay_giao with timedelta(days=...).",
        )
    return correct()


def check_lesson_rights(value: Any) -> Outcome:
    return _rights(value, LESSON_ROLES, exact=True)


def check_meeting_time(value: Any) -> Outcome:
    problem = _need_text(value, "gio_hop")
    if problem:
        return problem
    text = plain(value).strip()
    if not re.fullmatch(r"\d{2}:\d{2}", text):
        return wrong(
            'Giờ phải có dạng HH:MM, ví dụ "09:30". Dùng bd.strftime("%H:%M").',
            'The time must look like HH:MM. Use bd.strftime("%H:%M").',
        )
    people, day, minutes = LESSON_MEETING
    start = datetime.strptime(f"{day} {text}", "%d/%m/%Y %H:%M")
    starts = [s.replace(tzinfo=None) for s in cac_gio_bat_dau(day, minutes)]
    if start not in starts:
        return wrong(
            "Giờ này không nằm trong giờ làm việc (07:30–11:30, 13:30–17:00) hoặc cuộc họp "
            "kéo dài quá giờ nghỉ.",
            "That time is outside office hours, or the meeting runs past them.",
        )
    lich = data.calendar_frame()
    aware = cac_gio_bat_dau(day, minutes)[starts.index(start)]
    if co_ai_ban(lich, people, aware, aware + timedelta(minutes=minutes)):
        return wrong(
            "Giờ này trùng lịch bận của một trong hai người. Kiểm tra cả hai người.",
            "One of the two is busy then. Check both people.",
        )
    if text != lesson_meeting_time():
        return wrong(
            "Giờ này trống nhưng chưa phải khung trống sớm nhất: dừng vòng lặp ở khung đầu tiên.",
            "Free, but not the earliest free slot: stop at the first one.",
        )
    return correct()


def check_lesson_netiquette(value: Any) -> Outcome:
    return _letters(value, LESSON_NETIQUETTE)


def check_lesson_mask(value: Any) -> Outcome:
    problem = _need_text(value, "tin_da_che")
    if problem:
        return problem
    text = plain(value)
    if re.search(MAU_CCCD, text):
        return wrong("Vẫn còn số CCCD 12 chữ số chưa che.", "A 12-digit CCCD is still there.")
    if text != re.sub(MAU_CCCD, lambda m: mask_number(m.group()), LESSON_CCCD_TEXT):
        return wrong(
            "Đã che nhưng chưa đúng cách: giữ 3 chữ số cuối, thay các chữ số khác bằng *, "
            'và không đổi phần chữ còn lại. Dùng re.sub(r"\\b\\d{12}\\b", che_so, tin_co_cccd).',
            "Masked the wrong way: keep the last 3 digits, star the others, leave the rest.",
        )
    return correct()


# --- lab (public checks: shape and type; exact values are hidden tests) ------------------------


def check_lab_draft(value: Any) -> Outcome:
    outcome = _fixed_draft(value, "ban_da_sua", LAB_DEADLINE, LAB_TOPIC)
    if not outcome.passed:
        return outcome
    digits = re.sub(r"\D", "", plain(value))
    if any(number[:-3] in digits for number in LAB_PERSONAL):
        return wrong(
            "Số CCCD hoặc số điện thoại của bà Lan vẫn đọc được (dù đã tách bằng dấu cách). "
            "Che chúng, chỉ giữ 3 chữ số cuối.",
            "The citizen's numbers can still be read. Mask them.",
        )
    return correct()


def check_message_builder(function: Callable) -> Outcome:
    result = _call(function, *LAB_MESSAGE_ARGS)
    if result is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    problem = _need_text(result, "kết quả của soan_tin")
    if problem:
        return problem
    got = plain(result).split("\n")
    want = build_message(*LAB_MESSAGE_ARGS).split("\n")
    if len(got) != len(want):
        return wrong(
            f'Tin có {len(got)} dòng; mẫu có {len(want)} dòng. Nối các dòng bằng "\\n".join(...).',
            f'The message has {len(got)} lines; the template has {len(want)}. Use "\\n".join.',
        )
    for number, (line, model) in enumerate(zip(got, want, strict=True), start=1):
        if line != model:
            return wrong(
                f"Dòng {number} chưa đúng mẫu. So lại từng chữ, dấu phẩy, dấu chấm và khoảng trắng "
                "với mẫu trong đề (ngày dạng dd/mm/yyyy).",
                f"Line {number} does not follow the template.",
            )
    return _lint_problem(plain(result)) or correct()


def check_lab_rights(value: Any) -> Outcome:
    return _rights(value, LAB_ROLES, exact=False)


def check_free_slot_function(function: Callable) -> Outcome:
    lich = data.calendar_frame()
    people, minutes = LAB_MEETING
    result = _call(function, lich, people, minutes, list(data.WEEK))
    if result is None:
        return wrong(
            "Hàm trả về None, nhưng tuần này có khung trống cho bốn người này.",
            "The function returned None, but this week has a free slot for them.",
        )
    problem = _need_text(result, "kết quả của tim_khung_trong")
    if problem:
        return problem
    text = plain(result).strip()
    if not re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", text):
        return wrong(
            'Kết quả phải có dạng "dd/mm/yyyy HH:MM". Dùng bd.strftime("%d/%m/%Y %H:%M").',
            'The result must look like "dd/mm/yyyy HH:MM".',
        )
    day, hour = text.split()
    if day not in data.WEEK:
        return wrong("Ngày này không nằm trong cac_ngay.", "That day is not in cac_ngay.")
    starts = {s.strftime("%H:%M"): s for s in cac_gio_bat_dau(day, minutes)}
    if hour not in starts:
        return wrong(
            "Cuộc họp này không nằm trọn trong giờ làm việc.",
            "That meeting does not fit inside office hours.",
        )
    start = starts[hour]
    if co_ai_ban(lich, people, start, start + timedelta(minutes=minutes)):
        return wrong(
            "Khung giờ này trùng lịch bận của ít nhất một người.",
            "Someone is busy in that slot.",
        )
    return correct()


def check_mask_function(function: Callable) -> Outcome:
    result = _call(function, LAB_MASK_TEXT)
    if result is None:
        return wrong("Hàm chưa trả về gì: bạn quên `return`?", "The function returns nothing.")
    problem = _need_text(result, "kết quả của che_du_lieu")
    if problem:
        return problem
    text = plain(result)
    if re.search(MAU_CCCD, text):
        return wrong("Còn số CCCD 12 chữ số chưa che.", "A 12-digit CCCD number is still there.")
    if re.search(MAU_DI_DONG, text):
        return wrong("Còn số di động 10 chữ số chưa che.", "A 10-digit mobile is still there.")
    if text != mask_personal_numbers(LAB_MASK_TEXT):
        return wrong(
            "Đã che nhưng chưa đúng cách: giữ 3 chữ số cuối, thay các chữ số khác bằng *, "
            "không đổi phần còn lại (kể cả ngày tháng).",
            "Masked the wrong way: keep the last 3 digits, star the others, leave the rest.",
        )
    return correct()


def check_bcc_letter(value: Any) -> Outcome:
    got = _plain_or_none(value)
    if type(got) is not dict or set(got) != {"den", "cc", "bcc"}:
        return wrong(
            'Câu trả lời phải là một từ điển có đúng ba khóa "den", "cc", "bcc".',
            'The answer must be a dict with exactly the keys "den", "cc", "bcc".',
        )
    if not all(type(v) is list and all(type(x) is str for x in v) for v in got.values()):
        return wrong(
            "Mỗi khóa phải ứng với một danh sách địa chỉ thư (chuỗi chữ).",
            "Each key needs a list of e-mail addresses (strings).",
        )
    citizens = {row["email"] for row in data.citizen_rows()}
    if citizens & set(got["den"] + got["cc"]):
        return wrong(
            "Có địa chỉ của người dân nằm ở ô Đến hoặc CC: mọi người nhận sẽ thấy địa chỉ đó.",
            "A citizen's address is in To or CC: every recipient would see it.",
        )
    if not citizens <= set(got["bcc"]):
        return wrong(
            "Chưa gửi đủ cho mọi người trong danh sách.",
            "Not every citizen in the list receives the letter.",
        )
    return correct()


def check_lab_netiquette(value: Any) -> Outcome:
    return _letters(value, None)
