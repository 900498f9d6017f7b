"""Public checks of the module 04 citizens' lab: format only, never which option is right."""

from ..feedback import Msg, Question
from . import checks

_READ_TABLE = Msg(
    "Đọc lại bảng danh mục minh hoạ ở đầu bài: tìm dòng của thủ tục được hỏi.",
    "Read the mock catalogue at the top again: find the procedure's row.",
)

q1 = Question("cau_1", checks.letter("ABCD"), hints=[_READ_TABLE], hidden_tests=True)
q2 = Question(
    "cau_2",
    checks.letters("ABCDE"),
    hints=[
        _READ_TABLE,
        Msg(
            "Cột giay_to liệt kê giấy tờ, cách nhau bằng dấu chấm phẩy. Sổ hộ khẩu giấy đã "
            "không còn dùng từ 1/1/2023.",
            "The giay_to column lists the documents, separated by semicolons.",
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "cau_3",
    checks.letter("ABCD"),
    hints=[
        Msg(
            "Xem cột muc_do của thủ tục KH: “toàn trình” hay “một phần”?",
            "Look at the muc_do column of KH.",
        )
    ],
    hidden_tests=True,
)
q4 = Question(
    "cau_4",
    checks.whole_number,
    hints=[Msg("Xem cột thoi_han_ngay của thủ tục HKD.", "Look at thoi_han_ngay for HKD.")],
    hidden_tests=True,
)
q5 = Question(
    "cau_5",
    checks.letter("ABCD"),
    hints=[
        Msg(
            "Từ 1/7/2024 có một tài khoản duy nhất để làm thủ tục hành chính trực tuyến.",
            "Since 1/7/2024 one single account is used for online procedures.",
        )
    ],
    hidden_tests=True,
)
q6 = Question(
    "cau_6",
    checks.letter("ABCD"),
    hints=[
        Msg(
            "Ai có thể xác nhận danh tính của bà một cách chính thức: hệ thống tự động, một người "
            "lạ trên mạng, hay một cơ quan nhà nước? Mật khẩu và mã OTP không bao giờ đưa cho ai.",
            "Who can officially confirm her identity? Never give away a password or an OTP.",
        )
    ],
    hidden_tests=True,
)
q7 = Question(
    "cau_7",
    checks.letter("ABCDE"),
    hints=[
        Msg(
            "Xem từng ô: số CCCD có đủ 12 chữ số? Số điện thoại có 10 chữ số, bắt đầu bằng 0? "
            "Ngày đó có trên lịch không?",
            "Check each field: 12-digit CCCD? 10-digit phone starting with 0? A real date?",
        )
    ],
    hidden_tests=True,
)
q8 = Question(
    "cau_8",
    checks.letter("ABCD"),
    hints=[
        Msg(
            "Cán bộ thật không bao giờ hỏi mã OTP. Tự kiểm tra qua kênh chính thức.",
            "Real officials never ask for an OTP. Check through official channels yourself.",
        )
    ],
    hidden_tests=True,
)
