"""Public checks of the module 00 lab (graded: no solutions here, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "ho_ten",
    checks.check_person_name,
    hints=[Msg("Viết họ và tên trong dấu ngoặc kép.", "Write your full name in quotes.")],
    hidden_tests=True,
)
q2 = Question(
    "tong_so_phut",
    checks.check_minutes,
    hints=[
        Msg("Nhân ba số với nhau bằng dấu *.", "Multiply the three numbers with *."),
        Msg(
            "Số học viên × số học phần × số phút mỗi học phần.",
            "Learners × modules × minutes per module.",
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "don_vi",
    checks.check_unit_name,
    hints=[
        Msg(
            "Tên phải là một trong 124 xã, phường, đặc khu của tỉnh Lâm Đồng.",
            "The name must be one of the 124 units of Lâm Đồng.",
        )
    ],
    hidden_tests=True,
)
q4 = Question(
    "loi_chao",
    checks.check_greeting,
    hints=[
        Msg("Dùng dấu + để nối các đoạn chữ.", "Use + to join pieces of text."),
        Msg(
            'Nối ba phần: "Xin chào ", biến ten_tinh và "!".',
            'Join three parts: "Xin chào ", the variable ten_tinh and "!".',
        ),
    ],
    hidden_tests=True,
)
