"""Questions of the module 00 lesson: ``from graders.m00.bai_hoc import q1, q2, q3, q4``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "ten_cua_ban",
    checks.check_person_name,
    hints=[
        Msg("Chữ phải nằm trong dấu ngoặc kép.", "Text goes inside quotes."),
        Msg('Ví dụ: ten_cua_ban = "Nguyễn Thị Hoa"', 'Example: ten_cua_ban = "Nguyen Thi Hoa"'),
    ],
    solution='ten_cua_ban = "Nguyễn Thị Hoa"  # thay bằng tên của bạn',
)
q2 = Question(
    "tong_don_vi",
    checks.check_unit_total,
    hints=[
        Msg("Dùng dấu + để cộng.", "Use + to add."),
        Msg("Không đặt phép tính trong dấu ngoặc kép.", "Do not put the sum in quotes."),
    ],
    solution="tong_don_vi = 103 + 20 + 1",
)
q3 = Question(
    "don_vi_cua_toi",
    checks.check_unit_name,
    hints=[
        Msg(
            "Viết tên xã hoặc phường trong dấu ngoặc kép; có hay không có chữ “Xã”/“Phường” đều được.",
            "Write the commune or ward name in quotes; the word “Xã”/“Phường” is optional.",
        ),
        Msg(
            "Gõ tiếng Việt có dấu (Unikey hoặc bàn phím tiếng Việt của máy).",
            "Type Vietnamese with diacritics (Unikey or the system's Vietnamese keyboard).",
        ),
    ],
    solution='don_vi_cua_toi = "Phường Xuân Hương - Đà Lạt"  # thay bằng xã, phường của bạn',
)
q4 = Question(
    "ky_nang",
    checks.check_three_skills,
    hints=[
        Msg(
            "Danh sách viết trong ngoặc vuông, các mục cách nhau bằng dấu phẩy.",
            "A list goes in square brackets, items separated by commas.",
        ),
    ],
    solution='ky_nang = ["Nộp hồ sơ trực tuyến", "Dùng bảng tính", "Nhận biết lừa đảo"]',
)
