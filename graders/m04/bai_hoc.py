"""Questions of the module 04 lesson: ``from graders.m04.bai_hoc import q1, q2, q3, q4, q5, q6``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "so_toan_trinh",
    checks.check_fully_online_count,
    hints=[
        Msg(
            'Lọc như học phần 01: danh_muc[danh_muc["muc_do"] == "toàn trình"].',
            'Filter as in module 01: danh_muc[danh_muc["muc_do"] == "toàn trình"].',
        ),
        Msg("Bọc bảng đã lọc trong len(...) để đếm số dòng.", "Wrap the filter in len(...)."),
    ],
    solution='so_toan_trinh = len(danh_muc[danh_muc["muc_do"] == "toàn trình"])',
)
q2 = Question(
    "giay_to_khai_sinh",
    checks.check_birth_documents,
    hints=[
        Msg(
            'Làm giống ví dụ thủ tục "TR", chỉ đổi mã thành "KS".',
            'Do as the "TR" example, with the code "KS".',
        ),
        Msg(
            'Ba bước: lọc dòng "KS" → chọn cột ["giay_to"] → .iloc[0] lấy ô đầu → .split("; ").',
            'Filter "KS" → ["giay_to"] → .iloc[0] → .split("; ").',
        ),
    ],
    solution=(
        'giay_to_khai_sinh = danh_muc[danh_muc["ma_thu_tuc"] == "KS"]["giay_to"].iloc[0]'
        '.split("; ")'
    ),
)
q3 = Question(
    "ho_so_da_sua",
    checks.check_fixed_dossier,
    hints=[
        Msg(
            "Chạy kiem_tra_ho_so(ho_so_mau) để xem trường nào sai và vì sao.",
            "Run kiem_tra_ho_so(ho_so_mau) to see which fields are wrong and why.",
        ),
        Msg(
            "Số CCCD cần đủ 12 chữ số; ngày 1990-05-20 viết lại thành dd/mm/yyyy; thêm giấy tờ "
            "còn thiếu vào danh sách giay_to (chép đúng tên trong thông báo lỗi).",
            "12-digit CCCD; rewrite 1990-05-20 as dd/mm/yyyy; add the missing document.",
        ),
    ],
    solution=(
        "ho_so_da_sua = dict(ho_so_mau)\n"
        'ho_so_da_sua["so_cccd"] = "000190000021"\n'
        'ho_so_da_sua["ngay_sinh"] = "20/05/1990"\n'
        'ho_so_da_sua["giay_to"] = [\n'
        '    "Tờ khai thay đổi thông tin cư trú",\n'
        '    "Giấy tờ chứng minh chỗ ở hợp pháp",\n'
        "]"
    ),
)
q4 = Question(
    "sdt_hop_le",
    checks.check_phone_function,
    hints=[
        Msg(
            "Làm giống hàm cccd_hop_le ở ví dụ, đổi 12 thành 10 và thêm điều kiện bắt đầu bằng 0.",
            "Like cccd_hop_le, with 10 digits and a leading 0.",
        ),
        Msg(
            'so.startswith("0") cho True khi chuỗi bắt đầu bằng "0"; nối ba điều kiện bằng and.',
            'so.startswith("0") is True when the text starts with "0"; join with and.',
        ),
    ],
    solution=(
        'def sdt_hop_le(so):\n    return so.isdigit() and len(so) == 10 and so.startswith("0")'
    ),
)
q5 = Question(
    "so_dang_xu_ly",
    checks.check_pending_count,
    hints=[
        Msg(
            "Hồ sơ đang xử lý là hồ sơ chưa có ngày trả (ô ngay_tra trống).",
            "Pending dossiers have no return date.",
        ),
        Msg(
            '.isna() cho True ở ô trống; .sum() đếm các True: ho_so["ngay_tra"].isna().sum().',
            ".isna() is True for empty cells; .sum() counts the Trues.",
        ),
    ],
    solution='so_dang_xu_ly = ho_so["ngay_tra"].isna().sum()',
)
q6 = Question(
    "so_tra_tre_han",
    checks.check_returned_late_count,
    hints=[
        Msg(
            "Ngày muộn hơn là ngày lớn hơn: ngay_tra > han_xu_ly nghĩa là trả sau hạn.",
            "A later date is a larger date: ngay_tra > han_xu_ly means late.",
        ),
        Msg(
            'Đặt phép so sánh trong ngoặc rồi .sum(): (ho_so["ngay_tra"] > ho_so["han_xu_ly"])'
            ".sum().",
            "Put the comparison in brackets, then .sum().",
        ),
    ],
    solution='so_tra_tre_han = (ho_so["ngay_tra"] > ho_so["han_xu_ly"]).sum()',
)
