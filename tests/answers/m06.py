from graders.m06.checks import LESSON_LINKS
from workbench.datasets.m06 import frame

bang = frame()

WRONG = {
    # lesson
    "manh_nhat": lambda: "Lamdong@2025",
    "cum_tu_mat_khau": lambda: "anh yeu em",
    "tra_loi_2fa": lambda: "A",
    "link_that": lambda: list(LESSON_LINKS[:3]),
    "lua_dao_theo_kenh": lambda: bang["kenh"].value_counts(),
    # officials' lab
    "tim_dau_hieu": lambda: lambda noi_dung: ["otp"] if "OTP" in noi_dung else [],
    "ten_mien": lambda: lambda url: url,
    "la_link_gia": lambda: lambda url, ten_mien_that: ten_mien_that in url,
    "do_chinh_xac": lambda: 29,
    "lua_dao_theo_loai": lambda: bang["loai"].value_counts(),
    "dat_chinh_sach": lambda: lambda mat_khau: len(mat_khau) >= 6,
    "viec_nen_lam": lambda: "A, C, E",
    # citizens' lab
    "cau_1": lambda: "E",
    "cau_2": lambda: "False",
    "cau_3": lambda: 2,
    "cau_4": lambda: "C.",
    "cau_5": lambda: "",
    "cau_6": lambda: "Đáp án B",
    "cau_7": lambda: "A, C, D",
    "cau_8": lambda: ["A", "A"],
    "cau_9": lambda: "b c",
}
