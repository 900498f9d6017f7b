"""Public checks of the module 07 citizens' lab: answers are letters or True/False; the checks
only look at the format (the answer key is in the hidden tests of the trainer's notebook)."""

from ..feedback import Msg, Question
from . import checks

_READ_AGAIN = Msg(
    "Đọc lại tình huống: dữ liệu này có thật sự cần cho việc đó không? Ai sẽ thấy nó?",
    "Read the situation again: is this data really needed? Who will see it?",
)

q1 = Question("cau_1", checks.letter("ABCD"), hints=[_READ_AGAIN], hidden_tests=True)
q2 = Question(
    "cau_2",
    checks.letters("ABCDEF"),
    hints=[
        Msg(
            "Nhạy cảm: sức khỏe, sinh trắc học (vân tay, khuôn mặt), tài chính, vị trí…",
            "Sensitive: health, biometrics, finance, location…",
        )
    ],
    hidden_tests=True,
)
q3 = Question(
    "cau_3",
    checks.letter("ABCD"),
    hints=[
        Msg(
            "Người biết thông tin của bạn chưa chắc là cơ quan nhà nước: dữ liệu có thể đã bị lộ.",
            "Someone who knows your data is not necessarily an authority: it may have leaked.",
        )
    ],
    hidden_tests=True,
)
q4 = Question(
    "cau_4",
    checks.true_or_false,
    hints=[Msg("Sự đồng ý của bạn không phải là mãi mãi.", "Your consent is not forever.")],
    hidden_tests=True,
)
q5 = Question("cau_5", checks.letter("ABCD"), hints=[_READ_AGAIN], hidden_tests=True)
q6 = Question(
    "cau_6",
    checks.letter("ABCD"),
    hints=[
        Msg(
            "Sáu chữ số đầu của số CCCD cho biết tỉnh, giới tính và năm sinh.",
            "The first six digits of the ID number tell province, sex and year of birth.",
        )
    ],
    hidden_tests=True,
)
