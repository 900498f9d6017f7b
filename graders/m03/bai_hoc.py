"""Questions of the module 03 lesson: ``from graders.m03.bai_hoc import q1, q2, q3, q4, q5, q6``."""

from ..feedback import Msg, Question
from . import checks

q1 = Question(
    "ten_chuan",
    checks.check_lesson_name,
    hints=[
        Msg(
            "Bốn phần nối bằng dấu _: ngày viết năm-tháng-ngày (2025-09-02), tên đơn vị làm gọn, "
            "nội dung làm gọn, rồi v3; cuối cùng là .xlsx.",
            "Four parts joined by _: yyyy-mm-dd, the unit, the content, v3; then .xlsx.",
        ),
        Msg(
            'lam_gon("Phường Lâm Viên - Đà Lạt") cho phần đơn vị; nối chuỗi bằng dấu +.',
            'lam_gon("Phường Lâm Viên - Đà Lạt") gives the unit part; join strings with +.',
        ),
    ],
    solution=(
        'ten_chuan = "2025-09-02_" + lam_gon("Phường Lâm Viên - Đà Lạt") + "_" '
        '+ lam_gon("Kế hoạch chuyển đổi số") + "_v3.xlsx"'
    ),
)
q2 = Question(
    "ke_hoach_dat",
    checks.check_plans,
    hints=[
        Msg(
            "Làm như ví dụ với kế hoạch A cho từng kế hoạch B, C, D, E: đếm số bản, số loại "
            "phương tiện, và xem có bản nào ngoài cơ quan không.",
            "Do as the plan A example for B, C, D, E.",
        ),
        Msg(
            "Kế hoạch D có 3 bản và 1 bản ngoài cơ quan; nó có mấy loại phương tiện?",
            "Plan D has 3 copies and one offsite; how many kinds of media?",
        ),
    ],
    solution='ke_hoach_dat = ["B", "E"]',
)
q3 = Question(
    "tep_sai_duoi",
    checks.check_wrong_extensions,
    hints=[
        Msg(
            "So từng dòng của bảng ở phần 3: đuôi .pdf phải đi với %PDF, .xlsx và .docx với PK, "
            ".png với \\x89PNG, .csv với chữ đọc được.",
            "Compare each row of the section 3 table: .pdf with %PDF, .xlsx/.docx with PK…",
        ),
        Msg(
            "Hai tệp bắt đầu bằng PK đều có thể là .xlsx hoặc .docx: xem bên trong bằng "
            "zipfile.ZipFile(...).namelist(), hoặc chọn tệp trong ô xem tệp.",
            "A PK file may be xlsx or docx: look inside with zipfile.ZipFile(...).namelist().",
        ),
    ],
    solution=(
        "tep_sai_duoi = sorted([\n"
        '    "2025-08-21_phuong-1-bao-loc_tong-hop_v2.pdf",  # thật ra là XLSX (PK, có xl/)\n'
        '    "2025-08-22_dac-khu-phu-quy_ke-hoach_v1.csv",  # thật ra là PDF (%PDF)\n'
        '    "bao-cao-quy-3.xlsx",  # thật ra là DOCX (PK, có word/)\n'
        '    "tong hop (1).xlsx",  # thật ra là CSV (chữ)\n'
        "])"
    ),
)
q4 = Question(
    "can_doi_ten",
    checks.check_names_to_fix,
    hints=[
        Msg(
            "Duyệt thu_muc.iterdir() như ở phần 3, giữ tep.name khi ten_hop_le(tep.name) là False.",
            "Loop over thu_muc.iterdir(), keep tep.name when ten_hop_le(tep.name) is False.",
        ),
        Msg(
            "Mẫu: sorted(tep.name for tep in thu_muc.iterdir() if not ten_hop_le(tep.name))",
            "Pattern: sorted(tep.name for tep in thu_muc.iterdir() if not ten_hop_le(tep.name))",
        ),
    ],
    solution=(
        "can_doi_ten = sorted(tep.name for tep in thu_muc.iterdir() if not ten_hop_le(tep.name))"
    ),
)
q5 = Question(
    "tong_ho_so",
    checks.check_total_dossiers,
    hints=[
        Msg(
            'Cần ba tham số: sep=";", decimal=",", thousands=".".',
            'Three parameters: sep=";", decimal=",", thousands=".".',
        ),
        Msg(
            'Đọc xong, cộng một cột: bang_dung["ho_so_tiep_nhan"].sum()',
            'Then sum a column: bang_dung["ho_so_tiep_nhan"].sum()',
        ),
    ],
    solution=(
        'bang_dung = pd.read_csv(tep_ho_so, sep=";", decimal=",", thousands=".", '
        'encoding="utf-8-sig")\n'
        'tong_ho_so = bang_dung["ho_so_tiep_nhan"].sum()'
    ),
)
q6 = Question(
    "doc_lai",
    checks.check_read_back,
    hints=[
        Msg(
            'Làm như ví dụ ghi bao-cao-ho-so.xlsx, nhưng trang thứ nhất tên "phuong" và chỉ gồm '
            'các dòng bang[bang["loai"] == "phường"].',
            'Like the bao-cao-ho-so.xlsx example, but the first sheet is "phuong" with the wards.',
        ),
        Msg(
            'Đọc lại: doc_lai = pd.read_excel("bao-cao-phuong.xlsx", sheet_name=None)',
            'Read back: doc_lai = pd.read_excel("bao-cao-phuong.xlsx", sheet_name=None)',
        ),
    ],
    solution=(
        'with pd.ExcelWriter("bao-cao-phuong.xlsx") as ghi:\n'
        '    bang[bang["loai"] == "phường"].to_excel(ghi, sheet_name="phuong", index=False)\n'
        '    tong_hop.to_excel(ghi, sheet_name="tong-hop", index=False)\n'
        'doc_lai = pd.read_excel("bao-cao-phuong.xlsx", sheet_name=None)'
    ),
)
