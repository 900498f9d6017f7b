"""Public checks of the module 06 citizens' lab: answer format only (hidden tests grade)."""

from ..feedback import Msg, Question
from . import checks

_LETTER = Msg(
    "Đọc lại tình huống, loại bỏ các cách làm có chuyển tiền, bấm link lạ hay đưa mã.",
    "Reread the situation; rule out answers that send money, click links or share codes.",
)


def _letter(variable: str, hint: Msg = _LETTER) -> Question:
    return Question(variable, checks.check_letter, hints=[hint], hidden_tests=True)


q1 = _letter("cau_1")
q2 = Question(
    "cau_2",
    checks.check_true_false,
    hints=[
        Msg(
            "Công an làm việc với người dân bằng giấy mời, tại trụ sở.",
            "Police summon people in writing, to the station.",
        )
    ],
    hidden_tests=True,
)
q3 = _letter(
    "cau_3",
    Msg(
        "Mức 2 cần chụp ảnh khuôn mặt và lấy vân tay: việc đó làm ở đâu?",
        "Level 2 needs a photo and fingerprints: where is that done?",
    ),
)
q4 = _letter(
    "cau_4",
    Msg(
        "Đọc tên miền từ phải sang trái, dừng ở dấu / đầu tiên.",
        "Read the domain right to left, up to the first /.",
    ),
)
q5 = _letter(
    "cau_5",
    Msg(
        "Dài và khó đoán thắng ngắn mà “đủ loại ký tự”.",
        "Long and unguessable beats short and 'complex'.",
    ),
)
q6 = _letter("cau_6")
q7 = Question(
    "cau_7",
    lambda value: checks.check_letters(value, "ABCDE"),
    hints=[
        Msg(
            "Có thể chọn nhiều chữ cái. Điều gì khiến bạn vội, mất tiền hay lộ giấy tờ?",
            "Several letters may be right.",
        )
    ],
    hidden_tests=True,
)
q8 = Question(
    "cau_8",
    lambda value: checks.check_letters(value, "ABCDE"),
    hints=[Msg("Có thể chọn nhiều chữ cái.", "Several letters may be right.")],
    hidden_tests=True,
)
q9 = _letter("cau_9")
