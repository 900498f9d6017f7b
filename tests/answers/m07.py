import hashlib

from workbench.datasets.m07 import frame

bang = frame()

WRONG = {
    # lesson
    "nhay_cam": lambda: ["A", "B", "E"],  # name and CCCD are basic, not sensitive
    "dong_y_hop_le": lambda: "B",  # silence is not consent
    "che_cccd": lambda: lambda so: so[:3] + "*" * (len(so) - 3),  # keeps the FIRST digits
    "nam_sinh": lambda: bang["ngay_sinh"],  # the full date, not generalised
    "ho_so_nguoi_hoi": lambda: bang[bang["ho_ten"] == bang["ho_ten"].iloc[0]],  # someone else
    # officials' lab
    "phan_loai": lambda: {"ho_ten": "cơ bản", "benh_nen": "nhạy cảm"},  # not every column
    "che_so": lambda: lambda so, giu: "*" * 6 + so[-giu:],  # fixed number of stars
    "bang_chia_se": lambda: bang[["ma_luot", "ngay_kham", "ngay_sinh", "gioi_tinh", "benh_nen"]],
    "bi_danh": lambda: (
        lambda so_cccd, khoa, do_dai: hashlib.sha256(so_cccd.encode()).hexdigest()[:do_dai]
    ),  # no key: anyone can recompute it
    "cot_bi_danh": lambda: bang["so_cccd"],  # the numbers themselves
    "ho_so_yeu_cau": lambda: bang.head(3),
    "dem_dong_y": lambda: bang["dong_y_nhan_tin"].value_counts(),  # counts visits, not people
    # citizens' lab (public checks only look at the format)
    "cau_1": lambda: "b",
    "cau_2": lambda: "B, D",
    "cau_3": lambda: "E",
    "cau_4": lambda: "đúng",
    "cau_5": lambda: ["C"],
    "cau_6": lambda: 1,
}
