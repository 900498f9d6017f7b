"""Questions of the module 08 lesson: ``from graders.m08.bai_hoc import q1, q2, q3, q4, q5, q6``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "ten_nfc",
    checks.check_nfc_name,
    hints=[
        Msg(
            'unicodedata.normalize("NFC", chuỗi) ghép chữ và dấu thành chữ dựng sẵn.',
            'unicodedata.normalize("NFC", text) composes letters and marks.',
        )
    ],
    solution='ten_nfc = unicodedata.normalize("NFC", ten_go_vao)',
)
q2 = Question(
    "ten_sach",
    checks.check_clean_name,
    hints=[
        Msg(
            "Ba bước, đúng thứ tự: NFC → bỏ khoảng trắng thừa → doi_dau.",
            "Three steps, in order: NFC → collapse spaces → doi_dau.",
        ),
        Msg(
            '" ".join(ten.split()) bỏ khoảng trắng thừa ở hai đầu và giữa các từ.',
            '" ".join(name.split()) removes extra spaces.',
        ),
    ],
    solution=('ten_sach = doi_dau(" ".join(unicodedata.normalize("NFC", ten_ban).split()))'),
)
q3 = Question(
    "van_ban_vni",
    checks.check_vni_text,
    hints=[
        Msg(
            'Path("mau-vni.txt").read_bytes() đọc tệp thành bytes; giai_ma(bytes, "vni") giải mã.',
            'Path("mau-vni.txt").read_bytes() gives bytes; giai_ma(bytes, "vni") decodes them.',
        )
    ],
    solution='van_ban_vni = giai_ma(Path("mau-vni.txt").read_bytes(), "vni")',
)
q4 = Question(
    "cac_so",
    checks.check_number_list,
    hints=[
        Msg(
            'Với mỗi ô: nếu là ".." hoặc "-" thì None; nếu không thì bỏ dấu chấm, đổi dấu phẩy '
            "thành dấu chấm, rồi float(...).",
            'For each cell: ".." or "-" gives None; otherwise drop dots, comma → dot, float(...).',
        ),
        Msg(
            'Mẫu: [None if o in ("..", "-") else float(...) for o in cac_o]',
            'Pattern: [None if o in ("..", "-") else float(...) for o in cac_o]',
        ),
    ],
    solution=(
        'cac_so = [None if o in ("..", "-") else float(o.replace(".", "").replace(",", "."))'
        " for o in cac_o]"
    ),
)
q5 = Question(
    "cac_thang",
    checks.check_months,
    hints=[
        Msg(
            'pd.to_datetime(pd.Series(cac_ngay), format="%d/%m/%Y") đọc ngày; .dt.month lấy tháng.',
            'pd.to_datetime(pd.Series(cac_ngay), format="%d/%m/%Y"); then .dt.month.',
        )
    ],
    solution=(
        'cac_thang = pd.to_datetime(pd.Series(cac_ngay), format="%d/%m/%Y").dt.month.tolist()'
    ),
)
q6 = Question(
    "so_khop_mau",
    checks.check_lesson_matches,
    hints=[
        Msg(
            "Dùng hàm khoa cho cột ten_don_vi của thong_ke_mau, rồi .isin(...) với cột khoa của "
            "don_vi.",
            "Apply khoa to thong_ke_mau's ten_don_vi, then .isin(...) don_vi's khoa column.",
        ),
        Msg(
            "Tổng các giá trị True là số dòng khớp: int((...).sum()).",
            "The number of True values is the count: int((...).sum()).",
        ),
    ],
    solution=('so_khop_mau = int(thong_ke_mau["ten_don_vi"].map(khoa).isin(don_vi["khoa"]).sum())'),
)
