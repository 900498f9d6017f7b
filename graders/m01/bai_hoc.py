"""Questions of the module 01 lesson: ``from graders.m01.bai_hoc import q1, q2, q3, q4, q5``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "so_don_vi",
    checks.check_row_count,
    hints=[Msg("Hàm len() đếm số dòng của một bảng.", "len() counts the rows of a table.")],
    solution="so_don_vi = len(bang)",
)
q2 = Question(
    "cac_phuong",
    checks.check_wards,
    hints=[
        Msg(
            "So sánh cột 'loai' với chữ \"phường\" bằng ==.",
            "Compare the 'loai' column with \"phường\" using ==.",
        ),
        Msg('Mẫu: bang[bang["cot"] == "giá trị"]', 'Pattern: bang[bang["col"] == "value"]'),
    ],
    solution='cac_phuong = bang[bang["loai"] == "phường"]',
)
q3 = Question(
    "dem_loai",
    checks.check_counts_by_type,
    hints=[
        Msg(
            "Chọn một cột rồi gọi .value_counts() trên cột đó.",
            "Pick a column and call .value_counts() on it.",
        )
    ],
    solution='dem_loai = bang["loai"].value_counts()',
)
q4 = Question(
    "ma_lon_nhat",
    checks.check_top5_codes,
    hints=[
        Msg(
            'sort_values("ma", ascending=False) xếp mã từ lớn đến nhỏ.',
            'sort_values("ma", ascending=False) sorts codes from largest.',
        ),
        Msg(
            '.head(5) lấy 5 dòng đầu; ["ma"].tolist() lấy cột mã thành danh sách.',
            '.head(5) takes 5 rows; ["ma"].tolist() turns the code column into a list.',
        ),
    ],
    solution='ma_lon_nhat = bang.sort_values("ma", ascending=False).head(5)["ma"].tolist()',
)
q5 = Question(
    "phuong_da_lat",
    checks.check_da_lat,
    hints=[
        Msg(
            '.str.contains("Đà Lạt") cho biết tên nào chứa chữ đó.',
            '.str.contains("Đà Lạt") tells which names contain it.',
        )
    ],
    solution='phuong_da_lat = bang[bang["ten"].str.contains("Đà Lạt")]',
)
