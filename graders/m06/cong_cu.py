"""The lesson's two widgets: a password meter and a scam-message sorter.

``dong_ho_mat_khau()`` and ``bo_phan_loai_tin(bang_tin)`` each return a widget that already shows
a result (a default password; the first message as a worked example), so "Run all" shows output.
The meter keeps nothing: no variable outside the widget, no log, no print, and the result card
never contains what was typed. ipywidgets is imported when a widget is built, not at import.
"""

from __future__ import annotations

import html
from typing import Any

from workbench.datasets.m06 import GENUINE, NO_SIGN, SCAM

from .lua_dao import DAU_HIEU
from .mat_khau import danh_gia_mat_khau, the_ket_qua

DEFAULT_PASSWORD = "anhyeuem2024"


def dong_ho_mat_khau(mac_dinh: str = DEFAULT_PASSWORD):
    """A password box (characters hidden) and the verdict, updated at every keystroke."""
    import ipywidgets as widgets

    o_nhap = widgets.Password(
        value=mac_dinh,
        description="Mật khẩu thử:",
        placeholder="Gõ một mật khẩu bịa ra, đừng gõ mật khẩu thật",
        style={"description_width": "initial"},
        layout=widgets.Layout(width="480px"),
    )
    ket_qua = widgets.HTML()

    def cap_nhat(_change: Any = None) -> None:
        ket_qua.value = the_ket_qua(danh_gia_mat_khau(o_nhap.value))

    o_nhap.observe(cap_nhat, names="value")
    cap_nhat()
    return widgets.VBox([o_nhap, ket_qua])


def _records(bang: Any) -> list[dict]:
    if hasattr(bang, "to_dict"):
        return bang.to_dict("records")
    return [dict(r) for r in bang]


def the_tin(tin: dict) -> str:
    """One message as a card: channel, sender, text."""
    return (
        '<div style="border:1px solid #bdbdbd;border-radius:8px;padding:8px 12px;'
        'background:#ffffff;color:#212121;max-width:640px">'
        f"<small>{html.escape(str(tin['ma']))} · {html.escape(str(tin['kenh']))} · từ: "
        f"{html.escape(str(tin['nguoi_gui']))}</small><br>{html.escape(str(tin['noi_dung']))}</div>"
    )


def giai_thich_tin(tin: dict) -> str:
    """Why a message is a scam (each sign explained) or genuine, as HTML."""
    is_scam = tin["nhan"] == SCAM
    verdict = (
        '<b style="color:#b71c1c">Đây là tin LỪA ĐẢO.</b>'
        if is_scam
        else '<b style="color:#1b5e20">Đây là tin THẬT.</b>'
    )
    codes = [] if tin["dau_hieu"] == NO_SIGN else str(tin["dau_hieu"]).split(";")
    if codes:
        items = "".join(
            f"<li><b>{html.escape(DAU_HIEU[c][0])}</b>: {html.escape(DAU_HIEU[c][1])}</li>"
            for c in codes
        )
        signs = f'Dấu hiệu:<ul style="margin:2px 0">{items}</ul>'
    else:
        signs = "Không có dấu hiệu lừa đảo.<br>"
    return f"{verdict}<br>{signs}<i>{html.escape(str(tin['giai_thich']))}</i>"


def bo_phan_loai_tin(bang: Any):
    """Show one message at a time; the learner picks "lừa đảo" or "thật" and sees why.

    The first message is a worked example, shown with its explanation; the score counts the rest.
    """
    import ipywidgets as widgets

    tin_nhan = _records(bang)
    trang_thai = {"vi_tri": 0, "dung": 0, "da_lam": 0}
    the = widgets.HTML()
    giai_thich = widgets.HTML()
    diem = widgets.HTML()
    nut_lua_dao = widgets.Button(description="🚨 Lừa đảo", button_style="danger")
    nut_that = widgets.Button(description="✅ Thật", button_style="success")
    nut_tiep = widgets.Button(description="Tin tiếp theo ▶")

    def hien_diem() -> None:
        diem.value = (
            f"<b>Điểm: {trang_thai['dung']}/{trang_thai['da_lam']}</b> · tin "
            f"{trang_thai['vi_tri'] + 1}/{len(tin_nhan)}"
        )

    def hien_tin() -> None:
        tin = tin_nhan[trang_thai["vi_tri"]]
        vi_du = trang_thai["vi_tri"] == 0
        nhan = (
            "<b>Ví dụ mẫu</b> (đọc lời giải bên dưới, rồi bấm “Tin tiếp theo”):"
            if vi_du
            else ("<b>Tin này là lừa đảo hay thật?</b>")
        )
        the.value = f"{nhan}<br>{the_tin(tin)}"
        giai_thich.value = giai_thich_tin(tin) if vi_du else ""
        nut_lua_dao.disabled = nut_that.disabled = vi_du
        hien_diem()

    def chon(nhan: str) -> None:
        tin = tin_nhan[trang_thai["vi_tri"]]
        dung = nhan == tin["nhan"]
        trang_thai["da_lam"] += 1
        trang_thai["dung"] += int(dung)
        ket_luan = (
            '<b style="color:#1b5e20">✅ Bạn chọn đúng!</b>'
            if dung
            else '<b style="color:#b71c1c">❌ Chưa đúng.</b>'
        )
        giai_thich.value = f"{ket_luan} {giai_thich_tin(tin)}"
        nut_lua_dao.disabled = nut_that.disabled = True
        hien_diem()

    def tiep(_button: Any = None) -> None:
        trang_thai["vi_tri"] += 1
        if trang_thai["vi_tri"] >= len(tin_nhan):
            trang_thai.update(vi_tri=0, dung=0, da_lam=0)  # start again
        hien_tin()

    nut_lua_dao.on_click(lambda _b: chon(SCAM))
    nut_that.on_click(lambda _b: chon(GENUINE))
    nut_tiep.on_click(tiep)
    hien_tin()
    return widgets.VBox([the, widgets.HBox([nut_lua_dao, nut_that, nut_tiep]), giai_thich, diem])
