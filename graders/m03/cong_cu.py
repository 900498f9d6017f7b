"""Widgets of the module 03 lesson: try a naming convention, look inside a file, plan a backup.

Each widget is built with sensible defaults and shows its result once at creation, so "Run all"
displays something without anyone clicking. Nothing here is graded.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

from . import reference as ref

_MONO = "font-family:monospace;font-size:1.05em"


def _box(text: str, colour: str = "#1b5e20") -> str:
    return (
        f'<div style="border-left:5px solid {colour};padding:4px 10px;margin:4px 0;'
        f'background:#fafafa;color:#212121">{text}</div>'
    )


def o_dat_ten():
    """Type a date, unit, content, version and extension; see the standard file name."""
    import ipywidgets as widgets

    style = {"description_width": "90px"}
    layout = widgets.Layout(width="460px")
    ngay = widgets.Text(value="14/8/2025", description="Ngày", style=style, layout=layout)
    don_vi = widgets.Text(value="Xã Di Linh", description="Đơn vị", style=style, layout=layout)
    noi_dung = widgets.Text(
        value="Báo cáo tiến độ chuyển đổi số", description="Nội dung", style=style, layout=layout
    )
    phien_ban = widgets.BoundedIntText(value=1, min=1, max=99, description="Phiên bản", style=style)
    duoi = widgets.Dropdown(
        options=["pdf", "docx", "xlsx", "csv"], value="pdf", description="Đuôi", style=style
    )
    result = widgets.HTML()

    def show(ngay, don_vi, noi_dung, phien_ban, duoi):
        try:
            name = ref.standard_name(ngay, don_vi, noi_dung, phien_ban, duoi)
        except ValueError:
            result.value = _box("Ngày cần viết dạng ngày/tháng/năm, ví dụ 14/8/2025.", "#b71c1c")
            return
        result.value = _box(f'Tên chuẩn: <span style="{_MONO}">{html.escape(name)}</span>')

    out = widgets.interactive_output(
        show,
        {
            "ngay": ngay,
            "don_vi": don_vi,
            "noi_dung": noi_dung,
            "phien_ban": phien_ban,
            "duoi": duoi,
        },
    )
    return widgets.VBox([ngay, don_vi, noi_dung, phien_ban, duoi, result, out])


def first_bytes(path: Path, count: int = 16) -> dict:
    """What a person looks at to recognise a file: its first bytes and, for a zip, its parts."""
    data = Path(path).read_bytes()
    inside = []
    if data.startswith(b"PK"):
        try:
            inside = zipfile.ZipFile(path).namelist()
        except zipfile.BadZipFile:
            inside = []
    return {
        "size": len(data),
        "head": data[:count],
        "hex": " ".join(f"{b:02x}" for b in data[:count]),
        "inside": inside,
    }


def o_xem_tep(thu_muc="tep-nhan-duoc-gia-lap"):
    """Pick a file of the folder; see its extension, size, first bytes and (zip) its parts.

    It shows evidence, not a verdict: deciding the real type is the learner's job."""
    import ipywidgets as widgets

    files = sorted(p for p in Path(thu_muc).iterdir() if p.is_file())
    if not files:
        return widgets.HTML(_box(f"Thư mục {html.escape(str(thu_muc))} trống.", "#8d6e00"))
    chooser = widgets.Dropdown(
        options=[(p.name, p) for p in files],
        value=files[0],
        description="Tệp",
        layout=widgets.Layout(width="560px"),
    )
    result = widgets.HTML()

    def show(change=None):
        path = chooser.value
        info = first_bytes(path)
        lines = [
            f"Đuôi tệp: <b>{html.escape(path.suffix or '(không có)')}</b>",
            f"Kích thước: {info['size']} byte",
            f'16 byte đầu: <span style="{_MONO}">{html.escape(repr(info["head"]))}</span>',
            f'Dạng số hex: <span style="{_MONO}">{info["hex"]}</span>',
        ]
        if info["inside"]:
            parts = ", ".join(info["inside"][:8])
            lines.append(
                f'Là tệp nén ZIP; bên trong có: <span style="{_MONO}">{html.escape(parts)}</span>'
            )
        result.value = _box("<br>".join(lines), "#0d47a1")

    chooser.observe(show, names="value")
    show()
    return widgets.VBox([chooser, result])


# Places a small office might keep a copy: (label, kind of storage, outside the office).
PLACES = (
    ("Máy tính làm việc", "may-tinh", "không"),
    ("USB", "usb", "không"),
    ("Ổ cứng ngoài cất trong văn phòng", "o-cung-ngoai", "không"),
    ("Máy chủ lưu trữ của cơ quan, cùng tòa nhà", "may-chu", "không"),
    ("Ổ cứng ngoài cất ở trụ sở khác", "o-cung-ngoai", "có"),
    ("Kho lưu trữ trực tuyến của cơ quan", "dam-may", "có"),
)


def verdict_321(chosen: list[tuple[str, str, str]]) -> list[tuple[bool, str]]:
    """The three conditions of the 3-2-1 rule for the chosen places, each with its reading."""
    copies = [{"phuong_tien": kind, "ngoai_co_quan": off} for _label, kind, off in chosen]
    kinds = len({c["phuong_tien"] for c in copies})
    offsite = sum(c["ngoai_co_quan"] == "có" for c in copies)
    return [
        (len(copies) >= 3, f"{len(copies)} bản (cần ít nhất 3)"),
        (kinds >= 2, f"{kinds} loại phương tiện (cần ít nhất 2)"),
        (offsite >= 1, f"{offsite} bản ngoài cơ quan (cần ít nhất 1)"),
    ]


def o_sao_luu():
    """Tick where copies of an important file are kept; see whether the 3-2-1 rule holds."""
    import ipywidgets as widgets

    boxes = [
        widgets.Checkbox(
            value=i in (0, 2), description=label, indent=False, layout=widgets.Layout(width="420px")
        )
        for i, (label, _kind, _off) in enumerate(PLACES)
    ]
    result = widgets.HTML()

    def show(change=None):
        chosen = [place for box, place in zip(boxes, PLACES, strict=True) if box.value]
        conditions = verdict_321(chosen)
        lines = [("✅ " if ok else "❌ ") + text for ok, text in conditions]
        ok = all(passed for passed, _ in conditions)
        lines.append("<b>Đạt quy tắc 3-2-1.</b>" if ok else "<b>Chưa đạt quy tắc 3-2-1.</b>")
        result.value = _box("<br>".join(lines), "#1b5e20" if ok else "#b71c1c")

    for box in boxes:
        box.observe(show, names="value")
    show()
    return widgets.VBox([widgets.HTML("<b>Tệp quan trọng đang được lưu ở:</b>"), *boxes, result])
