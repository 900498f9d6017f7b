"""Widgets of the module 08 lesson: look inside a string, try decoding a file with each encoding.

Each builder returns a widget that has already rendered its default once, so "Run all" shows
something without a click.
"""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

from .bang_ma import BANG_MA, diem_van_ban, doan_bang_ma, giai_ma


def bang_ky_tu(chuoi: str) -> str:
    """An HTML table: one row per code point (the character, U+XXXX, its Unicode name)."""
    rows = "".join(
        f"<tr><td style='font-size:1.3em;text-align:center'>{html.escape(ch)}</td>"
        f"<td><code>U+{ord(ch):04X}</code></td>"
        f"<td>{html.escape(unicodedata.name(ch, '?'))}</td></tr>"
        for ch in chuoi
    )
    return (
        f"<p><b>{len(chuoi)} ký tự</b> (code points)</p>"
        f"<table><tr><th>chữ</th><th>mã</th><th>tên Unicode</th></tr>{rows}</table>"
    )


def hop_xem_ky_tu(chuoi: str = "Thuỷ Thủy"):
    """Type a word, choose NFC or NFD, see the code points."""
    import ipywidgets as widgets

    text = widgets.Text(value=chuoi, description="Chữ:")
    form = widgets.ToggleButtons(options=["NFC", "NFD"], value="NFC", description="Dạng:")
    out = widgets.interactive_output(
        lambda chu, dang: _show_html(bang_ky_tu(unicodedata.normalize(dang, chu))),
        {"chu": text, "dang": form},
    )
    return widgets.VBox([text, form, out])


def _show_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def hop_thu_bang_ma(thu_muc: str | Path = "."):
    """Choose a sample file and an encoding: see the decoded text, its score and the guess."""
    import ipywidgets as widgets

    order = ["mau-utf8.txt", "mau-cp1258.txt", "mau-tcvn3.txt", "mau-vni.txt"]
    files = [name for name in order if (Path(thu_muc) / name).exists()]
    default = "mau-tcvn3.txt" if "mau-tcvn3.txt" in files else (files[0] if files else None)
    file = widgets.Dropdown(options=files, value=default, description="Tệp:")
    encoding = widgets.ToggleButtons(options=list(BANG_MA), value="utf-8", description="Bảng mã:")

    def show(tep, bang_ma):
        if not tep:
            _show_html("<p>Không thấy tệp mau-*.txt cạnh sổ tay.</p>")
            return
        data = (Path(thu_muc) / tep).read_bytes()
        if bang_ma == "utf-8":
            text = data.decode("utf-8", errors="replace")
        else:
            text = giai_ma(data, bang_ma)
        _show_html(
            f"<pre style='white-space:pre-wrap'>{html.escape(text)}</pre>"
            f"<p>Điểm “giống tiếng Việt”: <b>{diem_van_ban(text):g}</b> · "
            f"doan_bang_ma đoán: <b>{doan_bang_ma(data)}</b></p>"
        )

    out = widgets.interactive_output(show, {"tep": file, "bang_ma": encoding})
    return widgets.VBox([file, encoding, out])
