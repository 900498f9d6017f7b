"""Public checks of the module 02 citizens' lab: answer format only (the key is in hidden tests)."""

from ..feedback import Msg, Question
from . import checks

_READ = Msg(
    "Đọc lại tình huống và các lựa chọn A, B, C, D ở ô chữ phía trên.",
    "Read the situation and the options A, B, C, D above again.",
)

q1 = Question("cau_1", checks.check_letter, hints=[_READ], hidden_tests=True)
q2 = Question("cau_2", checks.check_letter, hints=[_READ], hidden_tests=True)
q3 = Question("cau_3", checks.check_letter, hints=[_READ], hidden_tests=True)
q4 = Question(
    "cau_4",
    checks.check_whole_number,
    hints=[
        Msg(
            "Con số có trong bài học: cộng số xã, số phường và số đặc khu.",
            "The number is in the lesson: communes + wards + special zone.",
        )
    ],
    hidden_tests=True,
)
q5 = Question(
    "cau_5",
    checks.check_true_false,
    hints=[
        Msg(
            "Xem ngày của trang đầu tiên đăng bức ảnh, so với ngày bài viết nói “hôm nay”.",
            "Compare the date the photo first appeared with the post's “today”.",
        )
    ],
    hidden_tests=True,
)
q6 = Question(
    "cau_6",
    checks.check_letters,
    hints=[
        Msg(
            'Có thể chọn nhiều chữ cái, viết trong ngoặc vuông: ["A", "B"].',
            'You may pick several letters, in square brackets: ["A", "B"].',
        )
    ],
    hidden_tests=True,
)
q7 = Question("cau_7", checks.check_letter, hints=[_READ], hidden_tests=True)
