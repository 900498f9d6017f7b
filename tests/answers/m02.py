"""Typical wrong answers for every question of module 02 (lesson, officials' lab, citizens' lab)."""

WRONG = {
    # lesson
    "truy_van_1": lambda: "danh sách",  # the province's PDF is not first
    "truy_van_2": lambda: "lừa đảo",  # impostor pages come back too
    "link_chinh_thuc": lambda: ["A", "B", "C", "E"],  # B only has ".gov.vn" in the middle
    "sai_o_dau": lambda: ["đặc khu"],
    "ngay_goc": lambda: "10/9/2025",  # the repost's date, in the wrong format
    # officials' lab
    "truy_van_gia": lambda: 2025,
    "la_chinh_thuc": lambda: lambda ten_mien: "gov.vn" in ten_mien,
    "danh_sach_tin_cay": lambda: ["lamdong.gov.vn", "dichvucong.gov.vn"],  # not sorted
    "khop_du_lieu": lambda: lambda so_xa, so_phuong, so_dac_khu: so_xa + so_phuong > 100,
    "ngay_goc_anh": lambda: "29/7/2024",
    "cham_diem": lambda: lambda trang: "ba điểm",
    # citizens' lab
    "cau_1": lambda: "dichvucong.gov.vn",
    "cau_2": lambda: "E",
    "cau_3": lambda: 2,
    "cau_4": lambda: "124",
    "cau_5": lambda: "Sai",
    "cau_6": lambda: "A, C, D",
    "cau_7": lambda: ["A"],
}
