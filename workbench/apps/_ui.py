"""Shared building blocks of the Voila apps: phone-width layout, two languages, downloads, charts.

Every app is a class whose ``view`` is one ipywidgets box. Its first interactive control carries
the CSS class ``hocvuso-first`` and the widget that changes when that control is used carries
``hocvuso-first-result``: the browser tests and ``bench/apps.py`` measure "time until the app
answers" with exactly these two classes, the same way for every app.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable

import ipywidgets as widgets

from graders.feedback import language
from graders.safe_cells import neutral_frame, neutral_sheet

FIRST = "hocvuso-first"
FIRST_RESULT = "hocvuso-first-result"
APP = "hocvuso-app"

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv;charset=utf-8"

# Phone first: nothing wider than the screen, controls take the full width, centred on desktop.
FULL = {"width": "100%", "max_width": "100%"}
STYLE = """<style>
.hocvuso-app { box-sizing: border-box; padding: 0 4px; }
.hocvuso-app .widget-label { min-width: 0; }
.hocvuso-app .widget-html-content { white-space: normal; overflow-wrap: anywhere; line-height: 1.45; }
.hocvuso-app table { border-collapse: collapse; max-width: 100%; display: block; overflow-x: auto; }
.hocvuso-app th, .hocvuso-app td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left;
  overflow-wrap: break-word; word-break: normal; }
.hocvuso-app td.so, .hocvuso-app th.so { text-align: right; font-variant-numeric: tabular-nums; }
.hocvuso-app .tot { color: #1b7f3b; } .hocvuso-app .xau { color: #b3261e; }
.hocvuso-app .minh-hoa { background: #fff4ce; padding: 4px 8px; border-radius: 4px; }
.hocvuso-app a.tai-ve { display: inline-block; padding: 6px 12px; background: #1565c0; color: #fff;
  border-radius: 4px; text-decoration: none; }
</style>"""


def tr(vi: str, en: str) -> str:
    """The text in the learner's language: Vietnamese unless HOCVUSO_LANG / set_language says en."""
    return en if language() == "en" else vi


def layout(**extra) -> widgets.Layout:
    return widgets.Layout(**{**FULL, **extra})


def page(title: str, intro: str, *children: widgets.Widget) -> widgets.VBox:
    """The root box of an app: style, title, one-line introduction, then the app's widgets."""
    head = widgets.HTML(
        f"{STYLE}<h2 style='margin:4px 0'>{html.escape(title)}</h2>"
        f"<p style='margin:0 0 8px'>{html.escape(intro)}</p>",
        layout=layout(),
    )
    box = widgets.VBox(
        [head, *children],
        layout=widgets.Layout(width="100%", max_width="760px", margin="0 auto", overflow="hidden"),
    )
    box.add_class(APP)
    return box


def mark_first(control: widgets.Widget, result: widgets.Widget) -> None:
    """Mark the first control a user meets and the widget that shows its effect."""
    control.add_class(FIRST)
    result.add_class(FIRST_RESULT)


def download_link(data: bytes, filename: str, mime: str, label: str) -> str:
    """An HTML link that downloads ``data`` straight from the page (no file server involved)."""
    payload = base64.b64encode(data).decode("ascii")
    return (
        f"<a class='tai-ve' download='{html.escape(filename)}' "
        f"href='data:{mime};base64,{payload}'>{html.escape(label)}</a>"
    )


def xlsx_bytes(sheets: dict[str, object]) -> bytes:
    """Excel bytes from {sheet name: DataFrame}; numbers keep their type, headers in bold; text
    that starts like a formula stays text (``graders.safe_cells``)."""
    import pandas as pd
    from openpyxl.styles import Font

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            neutral_frame(frame).to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            neutral_sheet(sheet)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    return buffer.getvalue()


def csv_bytes(frame) -> bytes:
    """CSV with a UTF-8 BOM, so Excel on Windows shows the diacritics right. Text that starts
    like a formula gets a leading apostrophe (``graders.safe_cells``); CRLF line ends, so a field
    holding a line break is quoted (with LF line ends a bare CR was written unquoted)."""
    return neutral_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def table_html(rows: Iterable[Iterable[object]], header: Iterable[str], numeric=()) -> str:
    """A small escaped HTML table; columns named in ``numeric`` are right-aligned."""
    header = list(header)
    cls = ["so" if h in numeric else "" for h in header]
    head = "".join(
        f"<th class='{c}'>{html.escape(str(h))}</th>" for h, c in zip(header, cls, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='{c}'>{html.escape(str(v))}</td>" for v, c in zip(row, cls, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def chart(draw, height: float = 3.2) -> widgets.Image:
    """A PNG chart as an Image widget that scales to the screen. ``draw(ax)`` fills the axes."""
    image = widgets.Image(format="png", layout=layout(height="auto"))
    redraw(image, draw, height)
    return image


def redraw(image: widgets.Image, draw, height: float = 3.2) -> None:
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    figure = Figure(figsize=(6.4, height), dpi=100, layout="constrained")
    draw(figure.add_subplot())
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    image.value = buffer.getvalue()


def number(value: float, decimals: int = 0) -> str:
    """Vietnamese number format: 1.234.567,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
