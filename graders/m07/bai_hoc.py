"""Questions of the module 07 lesson: ``from graders.m07.bai_hoc import q1, q2, q3, q4, q5``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "nhay_cam",
    checks.check_sensitive_items,
    hints=[
        Msg(
            "Nhạy cảm là loại dữ liệu mà lộ ra có thể gây hại lớn: sức khỏe, sinh trắc học, "
            "tài chính, vị trí…",
            "Sensitive data can do great harm when leaked: health, biometrics, finance, location.",
        ),
        Msg(
            "Họ tên, số điện thoại, số CCCD là dữ liệu cơ bản (dù vẫn phải bảo vệ).",
            "Name, phone and ID number are basic data (still protected).",
        ),
    ],
    solution='nhay_cam = ["B", "D", "F"]',
)
q2 = Question(
    "dong_y_hop_le",
    checks.check_valid_consent,
    hints=[
        Msg(
            "Đồng ý phải tự nguyện, biết rõ mục đích và là một hành động rõ ràng của chính "
            "người dân.",
            "Consent is voluntary, informed, specific and a clear action of the person.",
        )
    ],
    solution='dong_y_hop_le = "C"',
)
q3 = Question(
    "che_cccd",
    checks.check_mask_cccd,
    hints=[
        Msg(
            "so[-3:] lấy 3 ký tự cuối; len(so) - 3 là số ký tự cần thay bằng dấu *.",
            "so[-3:] takes the last 3 characters; len(so) - 3 is how many become *.",
        ),
        Msg(
            'Nhân chuỗi với số: "*" * 4 cho "****". Nối hai chuỗi bằng dấu +.',
            'Multiply a string: "*" * 4 gives "****". Join strings with +.',
        ),
    ],
    solution='def che_cccd(so):\n    return "*" * (len(so) - 3) + so[-3:]',
)
q4 = Question(
    "nam_sinh",
    checks.check_birth_years,
    hints=[
        Msg(
            'Cột ngay_sinh có dạng "dd/mm/yyyy": năm là 4 ký tự cuối.',
            'ngay_sinh is "dd/mm/yyyy": the year is the last 4 characters.',
        ),
        Msg(
            'Trên một cột chữ, .str[-4:] lấy 4 ký tự cuối của từng ô: bang["ngay_sinh"].str[-4:]',
            "On a text column, .str[-4:] takes the last 4 characters of every cell.",
        ),
    ],
    solution='nam_sinh = bang["ngay_sinh"].str[-4:]',
)
q5 = Question(
    "ho_so_nguoi_hoi",
    checks.check_lesson_subject_rows,
    hints=[
        Msg(
            "Lọc bảng như ở học phần 01: so sánh cột so_cccd với cccd_can_tim bằng ==.",
            "Filter as in module 01: compare so_cccd with cccd_can_tim using ==.",
        ),
        Msg(
            'Mẫu: bang[bang["so_cccd"] == cccd_can_tim]',
            'Pattern: bang[bang["so_cccd"] == cccd_can_tim]',
        ),
    ],
    solution='ho_so_nguoi_hoi = bang[bang["so_cccd"] == cccd_can_tim]',
)
