"""Public checks of the module 03 lab (graded: no solutions here, hidden tests in the source)."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "tao_ten_tep",
    checks.check_name_function,
    hints=[
        Msg(
            'Đổi ngày: ngay.split("/") cho ba phần ngày, tháng, năm; .zfill(2) thêm số 0 đằng '
            'trước ("9" thành "09").',
            'Date: ngay.split("/") gives day, month, year; .zfill(2) pads "9" to "09".',
        ),
        Msg(
            'Ghép bằng f-string: f"{nam}-{thang}-{ngay}_{lam_gon(don_vi)}_..."; phiên bản là '
            'f"v{phien_ban}", đuôi là duoi.lower().',
            'Join with an f-string; the version is f"v{phien_ban}", the extension duoi.lower().',
        ),
    ],
    hidden_tests=True,
)
q2 = Question(
    "liet_ke_can_doi_ten",
    checks.check_rename_function,
    hints=[
        Msg(
            "Path(thu_muc).iterdir() duyệt mọi thứ trong thư mục; tep.is_file() loại thư mục con.",
            "Path(thu_muc).iterdir() lists the folder; tep.is_file() skips sub-folders.",
        ),
        Msg(
            "Giữ tep.name khi ten_hop_le(tep.name) là False, rồi trả về sorted(...).",
            "Keep tep.name when ten_hop_le(tep.name) is False; return sorted(...).",
        ),
    ],
    hidden_tests=True,
)
q3 = Question(
    "loai_that",
    checks.check_type_function,
    hints=[
        Msg(
            'du_lieu = Path(duong_dan).read_bytes(); rồi lần lượt du_lieu.startswith(b"%PDF"), '
            'startswith(b"\\x89PNG"), startswith(b"PK").',
            "Read the bytes, then test startswith for %PDF, \\x89PNG, PK in turn.",
        ),
        Msg(
            "Với PK: ben_trong = zipfile.ZipFile(duong_dan).namelist(), rồi xem "
            '"xl/workbook.xml" in ben_trong. Với chữ: thử du_lieu.decode("utf-8") trong '
            "try ... except UnicodeDecodeError.",
            "For PK look inside with namelist(); for text try decode in try/except.",
        ),
    ],
    hidden_tests=True,
)
q4 = Question(
    "tong_truc_tuyen_phuong",
    checks.check_online_wards,
    hints=[
        Msg(
            'Đọc tệp với sep=";", decimal=",", thousands="." như ở bài học.',
            'Read with sep=";", decimal=",", thousands="." as in the lesson.',
        ),
        Msg(
            'Lọc bang[bang["loai"] == "phường"] rồi cộng cột ho_so_truc_tuyen bằng .sum().',
            "Filter the wards, then .sum() the ho_so_truc_tuyen column.",
        ),
    ],
    hidden_tests=True,
)
q5 = Question(
    "ghi_hai_trang",
    checks.check_excel_function,
    hints=[
        Msg(
            "with pd.ExcelWriter(ten_tep) as ghi: rồi hai lần .to_excel(ghi, sheet_name=..., "
            "index=False).",
            "with pd.ExcelWriter(ten_tep) as ghi: then .to_excel(ghi, sheet_name=..., index=False).",
        ),
        Msg(
            'Bảng tổng hợp: bang.groupby("loai", as_index=False)[["ho_so_tiep_nhan", '
            '"ho_so_truc_tuyen"]].sum(). Dùng tham số bang, không dùng biến bên ngoài hàm.',
            "Summary: groupby loai, as_index=False, sum both columns. Use the parameter bang.",
        ),
    ],
    hidden_tests=True,
)
q6 = Question(
    "dat_3_2_1",
    checks.check_321_function,
    hints=[
        Msg(
            'Ba điều kiện: len(ban_sao) >= 3; ban_sao["phuong_tien"].nunique() >= 2; '
            '(ban_sao["ngoai_co_quan"] == "có").any().',
            "Three conditions: len >= 3; nunique of phuong_tien >= 2; any copy offsite.",
        ),
        Msg(
            "Nối ba điều kiện bằng and rồi return; kết quả là True hoặc False.",
            "Join them with and, then return: True or False.",
        ),
    ],
    hidden_tests=True,
)
