import pandas as pd

from workbench.datasets.m03 import dvc_frame


def _excel_without_index(bang, ten_tep):
    """Writes both sheets with the row index: an extra unnamed column comes back."""
    with pd.ExcelWriter(ten_tep) as ghi:
        bang.to_excel(ghi, sheet_name="du-lieu")


WRONG = {
    # lesson
    "ten_chuan": lambda: "02-09-2025_phuong-lam-vien-da-lat_ke-hoach-chuyen-doi-so_v3.xlsx",
    "ke_hoach_dat": lambda: ["A", "B", "D", "E"],
    "tep_sai_duoi": lambda: ["tong hop (1).xlsx"],
    "can_doi_ten": lambda: ["Báo cáo tháng 8 - Xã Di Linh.pdf", "tong hop (1).xlsx"],
    "tong_ho_so": lambda: dvc_frame()["ho_so_tiep_nhan"].sum() / 1000,
    "doc_lai": lambda: {"phuong": dvc_frame()},
    # lab
    "tao_ten_tep": lambda: (
        lambda ngay, don_vi, noi_dung, phien_ban, duoi: (
            f"{ngay}_{don_vi}_{noi_dung}_v{phien_ban}.{duoi}"
        )
    ),
    "liet_ke_can_doi_ten": lambda: lambda thu_muc: ["hop-le.pdf"],
    "loai_that": lambda: lambda duong_dan: str(duong_dan).rsplit(".", 1)[-1].lower(),
    "tong_truc_tuyen_phuong": lambda: 26238.5,
    "ghi_hai_trang": lambda: _excel_without_index,
    "dat_3_2_1": lambda: lambda ban_sao: "có",
}
