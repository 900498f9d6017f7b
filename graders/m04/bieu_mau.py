"""A mock online dossier form (ipywidgets) that validates as you type.

``tao_bieu_mau()`` returns the form already filled with a SYNTHETIC example and already checked:
"Run all" shows the result without anyone typing (the text form of the display carries it too).
Nothing is sent anywhere; the checks are :func:`graders.m04.ho_so.kiem_tra_ho_so`.
"""

from __future__ import annotations

import html
from functools import cache

from workbench.datasets.m04 import NOTE, catalogue, procedure

from .ho_so import TEN_TRUONG, kiem_tra_ho_so

# A synthetic dossier with two mistakes for the learner to find and fix: the phone number has 9
# digits and one required document is not ticked. The 000… CCCD number cannot be real (no
# province has code 000); 012… phone numbers are no longer issued in Vietnam.
MAU_MAC_DINH = {
    "ho_ten": "Nguyễn Thị Mẫu (giả lập)",
    "so_cccd": "000190000001",
    "ngay_sinh": "12/03/1995",
    "so_dien_thoai": "012345678",
    "ma_thu_tuc": "KS",
    "giay_to": ["Tờ khai liên thông điện tử"],
}
_BANNER = (
    "<b>Biểu mẫu mô phỏng</b> — không gửi đi đâu. Danh mục thủ tục: "
    f"<i>{html.escape(NOTE)}</i>. Chỉ dùng dữ liệu giả lập, <b>không nhập số CCCD thật</b>."
)


def tom_tat(errors: dict[str, str]) -> str:
    """The validation result as plain text (what a printout or a log shows)."""
    if not errors:
        return "✅ Hồ sơ hợp lệ: đủ các trường, đúng định dạng, đủ giấy tờ (mô phỏng)."
    lines = [f"❌ Hồ sơ còn {len(errors)} lỗi:"]
    lines += [f"  • {TEN_TRUONG.get(field, field)}: {message}" for field, message in errors.items()]
    return "\n".join(lines)


def _as_html(errors: dict[str, str]) -> str:
    if not errors:
        return f'<div style="color:#1b5e20">{html.escape(tom_tat(errors))}</div>'
    items = "".join(
        f"<li><b>{html.escape(TEN_TRUONG.get(f, f))}</b>: {html.escape(m)}</li>"
        for f, m in errors.items()
    )
    return (
        f'<div style="color:#b71c1c"><b>❌ Hồ sơ còn {len(errors)} lỗi:</b>'
        f'<ul style="margin:2px 0">{items}</ul></div>'
    )


@cache
def _form_class():
    import ipywidgets as widgets

    class BieuMauHoSo(widgets.VBox):
        """The form. ``ho_so()`` gives the typed values as a dict, ``loi()`` their errors."""

        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            # Shown where widgets cannot be drawn (a static copy, a terminal, an unattended run).
            bundle["text/plain"] = tom_tat(self.loi())
            return bundle

    return BieuMauHoSo, widgets


def tao_bieu_mau(mac_dinh: dict | None = None):
    """Build the form with ``mac_dinh`` (default: a synthetic example) and check it once."""
    cls, widgets = _form_class()
    values = {**MAU_MAC_DINH, **(mac_dinh or {})}
    layout = {"description_width": "120px"}
    wide = widgets.Layout(width="520px")

    def text(field: str, placeholder: str):
        return widgets.Text(
            value=values[field],
            description=TEN_TRUONG[field],
            placeholder=placeholder,
            continuous_update=True,  # check on every keystroke
            style=layout,
            layout=wide,
        )

    ho_ten = text("ho_ten", "Họ và tên")
    so_cccd = text("so_cccd", "12 chữ số (giả lập, ví dụ 000190000001)")
    ngay_sinh = text("ngay_sinh", "dd/mm/yyyy")
    so_dien_thoai = text("so_dien_thoai", "10 chữ số, bắt đầu bằng 0")
    thu_tuc = widgets.Dropdown(
        options=[(f"{p['ma_thu_tuc']} — {p['ten_thu_tuc']}", p["ma_thu_tuc"]) for p in catalogue()],
        value=values["ma_thu_tuc"],
        description=TEN_TRUONG["ma_thu_tuc"],
        style=layout,
        layout=wide,
    )
    giay_to_box = widgets.VBox()
    ket_qua = widgets.HTML()
    form = cls(
        [
            widgets.HTML(_BANNER),
            ho_ten,
            so_cccd,
            ngay_sinh,
            so_dien_thoai,
            thu_tuc,
            widgets.HTML("<b>Giấy tờ kèm theo</b> (đánh dấu giấy tờ bạn đã có):"),
            giay_to_box,
            ket_qua,
        ]
    )
    ticked = set(values.get("giay_to") or [])

    def documents(code: str) -> None:
        found = procedure(code)
        docs = found["giay_to"] if found else ()
        boxes = [
            widgets.Checkbox(value=doc in ticked, description=doc, indent=False) for doc in docs
        ]
        for box in boxes:
            box.observe(update, names="value")
        giay_to_box.children = boxes

    def current() -> dict:
        return {
            "ho_ten": ho_ten.value,
            "so_cccd": so_cccd.value,
            "ngay_sinh": ngay_sinh.value,
            "so_dien_thoai": so_dien_thoai.value,
            "ma_thu_tuc": thu_tuc.value,
            "giay_to": [box.description for box in giay_to_box.children if box.value],
        }

    def update(_change=None) -> None:
        ket_qua.value = _as_html(kiem_tra_ho_so(current()))

    def procedure_changed(change) -> None:
        ticked.clear()
        documents(change["new"])
        update()

    for widget in (ho_ten, so_cccd, ngay_sinh, so_dien_thoai):
        widget.observe(update, names="value")
    thu_tuc.observe(procedure_changed, names="value")
    documents(thu_tuc.value)
    update()  # once at creation: the result is there before anyone types

    form.ho_so = current
    form.loi = lambda: kiem_tra_ho_so(current())
    return form
