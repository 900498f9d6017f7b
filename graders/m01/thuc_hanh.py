"""Public checks of the module 01 lab (graded: no solutions here, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "so_xa",
    checks.check_commune_count,
    hints=[
        Msg('Lọc các dòng có loai là "xã" rồi đếm.', 'Filter rows whose loai is "xã", then count.'),
    ],
    hidden_tests=True,
)
q2 = Question(
    "dem_tinh_cu",
    checks.check_counts_by_former_province,
    hints=[
        Msg(
            "Giống đếm theo loại, nhưng trên cột 'tinh_cu'.", "Like counting by type, on 'tinh_cu'."
        )
    ],
    hidden_tests=True,
)
q3 = Question(
    "loc_theo_loai",
    checks.check_filter_function,
    hints=[
        Msg(
            "Trong hàm, dùng tham số bang và loai, không dùng biến bên ngoài.",
            "Inside the function use the parameters bang and loai, not outside variables.",
        ),
        Msg("Nhớ `return` bảng đã lọc.", "Remember to `return` the filtered table."),
    ],
    hidden_tests=True,
)
q4 = Question(
    "tim_ma",
    checks.check_find_code,
    hints=[
        Msg(
            "So sánh tên không phân biệt hoa thường: .str.lower() và ten.lower(); bỏ khoảng trắng "
            "thừa bằng .strip().",
            "Compare names case-insensitively: .str.lower() and ten.lower(); trim with .strip().",
        ),
        Msg(
            "Nếu không có dòng nào khớp thì trả về None; nếu có, lấy mã của dòng đầu bằng "
            'int(ket_qua["ma"].iloc[0]).',
            'No match: return None; otherwise int(result["ma"].iloc[0]).',
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "ma_xa_nho_nhat",
    checks.check_smallest_commune_codes,
    hints=[
        Msg(
            "Lọc các xã, sắp xếp theo 'ma' tăng dần, lấy 5 dòng đầu.",
            "Filter communes, sort by 'ma' ascending, take 5 rows.",
        )
    ],
    hidden_tests=True,
)
