"""Questions of the module 05 lesson: ``from graders.m05.bai_hoc import q1, q2, q3, q4, q5, q6``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "tin_da_sua",
    checks.check_lesson_draft,
    hints=[
        Msg(
            "Chạy xem_loi(tin_da_sua) để xem bộ soát tin còn thấy gì; sửa từng mục một.",
            "Run xem_loi(tin_da_sua) to see what the linter still finds; fix one at a time.",
        ),
        Msg(
            "Bảy dòng: tiêu đề; “Kính gửi: …,”; việc cần làm; hạn 15/10/2025; “Trân trọng,”; "
            'họ tên; đơn vị. Ghép bằng "\\n".join([...]) như ví dụ.',
            "Seven lines: subject; greeting; the task; deadline; closing; name; unit.",
        ),
    ],
    solution="""tin_da_sua = "\\n".join(
    [
        "V/v báo cáo số hộ dùng dịch vụ công trực tuyến tháng 9/2025",
        "Kính gửi: các đồng chí Trưởng thôn,",
        "Đề nghị mỗi thôn gửi số hộ dân đã dùng dịch vụ công trực tuyến trong tháng 9/2025.",
        "Hạn: 15/10/2025.",
        "Trân trọng,",
        "Nguyễn Văn Hùng",
        "Văn phòng HĐND và UBND xã Lạc Dương",
    ]
)""",
)
q2 = Question(
    "han_nop",
    checks.check_deadline_text,
    hints=[
        Msg(
            "ngay_giao + timedelta(days=7) là ngày sau 7 ngày.",
            "ngay_giao + timedelta(days=7) is 7 days later.",
        ),
        Msg(
            'Rồi đổi thành chữ bằng .strftime("%d/%m/%Y"); nhớ cặp ngoặc tròn quanh phép cộng.',
            'Then format it with .strftime("%d/%m/%Y"); wrap the sum in parentheses.',
        ),
    ],
    solution='han_nop = (ngay_giao + timedelta(days=7)).strftime("%d/%m/%Y")',
)
q3 = Question(
    "phan_quyen",
    checks.check_lesson_rights,
    hints=[
        Msg(
            "Với mỗi người, hỏi: người đó cần làm gì với tài liệu? Viết, góp ý, hay chỉ đọc?",
            "For each person ask: write, comment, or only read?",
        ),
        Msg(
            'Mẫu: {"hanh": "...", "hung": "...", "duc": "..."} với "xem", "nhận xét" '
            'hoặc "chỉnh sửa".',
            'Pattern: {"hanh": "...", ...} with "xem", "nhận xét" or "chỉnh sửa".',
        ),
    ],
    solution='phan_quyen = {"hanh": "chỉnh sửa", "hung": "nhận xét", "duc": "xem"}',
)
q4 = Question(
    "gio_hop",
    checks.check_meeting_time,
    hints=[
        Msg(
            'Chép ví dụ phía trên; đổi ngày thành "08/10/2025" và danh sách người thành '
            '["Lê Thị Thu", "Phạm Văn Đức"].',
            'Copy the example; change the day to "08/10/2025" and the people to both names.',
        ),
        Msg(
            'Thay print(...) bằng gio_hop = bd.strftime("%H:%M") rồi break.',
            'Replace print(...) with gio_hop = bd.strftime("%H:%M") then break.',
        ),
    ],
    solution="""gio_hop = None
for bd in cac_gio_bat_dau("08/10/2025", 30):
    kt = bd + timedelta(minutes=30)
    if not co_ai_ban(lich, ["Lê Thị Thu", "Phạm Văn Đức"], bd, kt):
        gio_hop = bd.strftime("%H:%M")
        break""",
)
q5 = Question(
    "ung_xu",
    checks.check_lesson_netiquette,
    hints=[
        Msg(
            "Hỏi với mỗi cách: có làm phiền, làm lộ thông tin hay làm tổn thương ai không?",
            "For each: does it bother, expose or hurt someone?",
        ),
        Msg("Có ba cách đúng.", "Three choices are right."),
    ],
    solution='ung_xu = ["C", "D", "F"]',
)
q6 = Question(
    "tin_da_che",
    checks.check_lesson_mask,
    hints=[
        Msg(
            'Số CCCD có 12 chữ số liền nhau: mẫu r"\\b\\d{12}\\b".',
            'A CCCD is 12 digits in a row: pattern r"\\b\\d{12}\\b".',
        ),
        Msg(
            "Dùng lại hàm che_so của ví dụ: re.sub(mẫu, che_so, tin_co_cccd).",
            "Reuse che_so from the example: re.sub(pattern, che_so, tin_co_cccd).",
        ),
    ],
    solution='tin_da_che = re.sub(r"\\b\\d{12}\\b", che_so, tin_co_cccd)',
)
