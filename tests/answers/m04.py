from graders.m04.checks import HO_SO_MAU
from workbench.datasets.m04 import catalogue_frame, dossiers_frame

danh_muc = catalogue_frame()
ho_so = dossiers_frame()


def _all_documents_of_first_row(danh_muc, ma_thu_tuc):
    # A typical slip: ignores the code and always reads the first row.
    return danh_muc["giay_to"].iloc[0].split("; ")


def _valid_or_not(ho_so):
    # Answers "is it valid?" (True/False) instead of listing the wrong fields.
    return len(ho_so["so_cccd"]) == 12 and len(ho_so["so_dien_thoai"]) == 10


WRONG = {
    # lesson
    "so_toan_trinh": lambda: len(danh_muc),
    "giay_to_khai_sinh": lambda: danh_muc[danh_muc["ma_thu_tuc"] == "KS"]["giay_to"].iloc[0],
    "ho_so_da_sua": lambda: {**HO_SO_MAU, "ngay_sinh": "20/05/1990"},
    "sdt_hop_le": lambda: lambda so: len(so) == 10,
    "so_dang_xu_ly": lambda: ho_so["ngay_tra"].notna().sum(),
    "so_tra_tre_han": lambda: (ho_so["ngay_tra"] >= ho_so["han_xu_ly"]).sum() * 100,
    # officials' lab
    "tra_cuu_giay_to": lambda: _all_documents_of_first_row,
    "truong_loi": lambda: _valid_or_not,
    "ngay_xu_ly_dat_dai": lambda: "8 ngày",
    "so_tre_han": lambda: len(ho_so) * 2,
    "tre_han_theo_xa": lambda: ho_so["ten_don_vi"].value_counts(),
    "ti_le_dung_han": lambda: 87.5,
    "ti_le_truc_tuyen": lambda: "63%",
    # citizens' lab
    "cau_1": lambda: "KS",
    "cau_2": lambda: "A, C",
    "cau_3": lambda: "Một phần",
    "cau_4": lambda: "3 ngày",
    "cau_5": lambda: "VNeID",
    "cau_6": lambda: ["B"],
    "cau_7": lambda: "F",
    "cau_8": lambda: 2,
}
