"""Public checks of the module 05 lab (graded: no solutions here, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "ban_da_sua",
    checks.check_lab_draft,
    hints=[
        Msg(
            "xem_loi(ban_da_sua) cho biết còn thiếu gì. Sửa ngày 10/17/2025 (tháng 17 không có).",
            "xem_loi(ban_da_sua) lists what is left. Month 17 does not exist.",
        ),
        Msg(
            "Che số CCCD và số điện thoại của bà Lan: chỉ giữ 3 chữ số cuối, ví dụ *******456.",
            "Mask the citizen's numbers: keep only the last 3 digits.",
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "soan_tin",
    checks.check_message_builder,
    hints=[
        Msg(
            'Tạo danh sách bảy dòng theo mẫu rồi return "\\n".join(cac_dong).',
            'Build the seven lines of the template, then return "\\n".join(lines).',
        ),
        Msg(
            "Dòng hạn: f\"Hạn: {han.strftime('%d/%m/%Y')}.\" — nhớ dấu chấm ở cuối.",
            "Deadline line: format han with strftime; mind the final full stop.",
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "quyen_bao_cao",
    checks.check_lab_rights,
    hints=[
        Msg(
            'Bốn mức: "không", "xem", "nhận xét", "chỉnh sửa". Chọn mức thấp nhất đủ để làm việc.',
            "Four levels; pick the lowest one that lets each person do the job.",
        )
    ],
    hidden_tests=True,
)
q4 = Question(
    "tim_khung_trong",
    checks.check_free_slot_function,
    hints=[
        Msg(
            "Hai vòng lặp lồng nhau: for ngay in cac_ngay, rồi for bd in cac_gio_bat_dau(ngay, "
            "so_phut), như ví dụ trong bài học.",
            "Two nested loops: days, then cac_gio_bat_dau(ngay, so_phut).",
        ),
        Msg(
            'Gặp khung đầu tiên không ai bận thì return bd.strftime("%d/%m/%Y %H:%M"); hết vòng '
            "lặp mà không thấy thì return None.",
            "Return the first free start formatted; return None after the loops.",
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "che_du_lieu",
    checks.check_mask_function,
    hints=[
        Msg(
            "Định nghĩa lại hàm che_so của bài học ngay trong ô, rồi gọi re.sub hai lần: một lần "
            'với mẫu CCCD r"\\b\\d{12}\\b", một lần với mẫu di động r"\\b0\\d{9}\\b".',
            "Define che_so again, then call re.sub twice: the CCCD and the mobile pattern.",
        ),
    ],
    hidden_tests=True,
)
q6 = Question(
    "thu_thong_bao",
    checks.check_bcc_letter,
    hints=[
        Msg(
            'danh_sach["email"].tolist() cho danh sách địa chỉ của người dân.',
            'danh_sach["email"].tolist() lists the citizens\' addresses.',
        ),
        Msg(
            "Người dân không được thấy địa chỉ của nhau: họ ở ô nào?",
            "Citizens must not see each other's addresses: which field?",
        ),
    ],
    hidden_tests=True,
)
q7 = Question(
    "nghi_thuc",
    checks.check_lab_netiquette,
    hints=[
        Msg(
            "Với mỗi cách, hỏi: có làm lộ thông tin, làm phiền hay làm tổn thương ai không?",
            "For each: does it expose, bother or hurt someone?",
        )
    ],
    hidden_tests=True,
)
