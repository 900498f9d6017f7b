"""Typical wrong answers for module 05 (digital communication and collaboration)."""

from graders.m05.checks import LAB_DRAFT, LESSON_CCCD_TEXT, LESSON_DRAFT, UNIT_EMAIL
from workbench.datasets.m05 import citizen_rows

_emails = [row["email"] for row in citizen_rows()]

WRONG = {
    # lesson
    "tin_da_sua": lambda: LESSON_DRAFT.lower(),  # no more shouting, but still no greeting etc.
    "han_nop": lambda: "6/10/2025",  # no leading zero
    "phan_quyen": lambda: {"hanh": "chỉnh sửa", "hung": "chỉnh sửa", "duc": "chỉnh sửa"},
    "gio_hop": lambda: "07:30",  # the first working hour, without checking anyone's calendar
    "ung_xu": lambda: ["A", "C", "D", "F"],
    "tin_da_che": lambda: LESSON_CCCD_TEXT.replace("000081007933", "[đã che]"),
    # lab
    "ban_da_sua": lambda: LAB_DRAFT.replace("10/17/2025", "17/10/2025"),
    "soan_tin": lambda: (
        lambda tieu_de, kinh_gui, noi_dung, han, nguoi_gui, don_vi: "\n".join(
            [tieu_de, f"Kính gửi: {kinh_gui},", noi_dung, f"Hạn: {han}.", nguoi_gui, don_vi]
        )
    ),
    "quyen_bao_cao": lambda: {"thu": "sửa", "tuan": "sửa", "mai": "sửa", "duc": "xem"},
    "tim_khung_trong": lambda: lambda lich, nguoi, so_phut, cac_ngay: f"{cac_ngay[0]} 07:30",
    "che_du_lieu": lambda: lambda van_ban: van_ban.replace("0", "*"),
    "thu_thong_bao": lambda: {"den": _emails, "cc": [], "bcc": [UNIT_EMAIL]},
    "nghi_thuc": lambda: "A, D, E",
}
