import unicodedata

import pandas as pd

from graders.m08.bang_ma import ma_hoa
from workbench.datasets import m08

WRONG = {
    # lesson
    "ten_nfc": lambda: unicodedata.normalize("NFD", "Xã Đắk Song"),  # left as received
    "ten_sach": lambda: "Phường Phú Thuỷ",  # doi_dau called before NFC: the tone did not move
    "van_ban_vni": lambda: ma_hoa(m08.sample_text(), "vni").decode("cp1252"),  # wrong decoder
    "cac_so": lambda: [1234567.8, 0.0, 2500.0, 0.0, 0.75],  # missing values turned into 0
    "cac_thang": lambda: [3, 4, 5, 12],  # month-first guess where the day is ≤ 12
    "so_khop_mau": lambda: 4,  # merged on the raw names
    # lab
    "chuan_hoa_ten": lambda: lambda ten: ten.strip(),
    "bang_ma_cua_tep": lambda: dict.fromkeys(m08.REPORT_FILES, "utf-8"),
    "bang_cu": lambda: pd.DataFrame({"ten_don_vi": ["Xã A"], "ghi_chu": ["x"]}),  # one file only
    "doc_so": lambda: lambda o: float(o.replace(",", ".")),  # ValueError on "1.234.567,8"
    "so_bao_cao_thang_3": lambda: -1,
    "so_khop": lambda: 1000,
}
