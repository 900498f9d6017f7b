"""Explore the 124 communes, wards and special zone of Lâm Đồng: filter, count, chart, download.

The table is ``workbench.data.units_frame()`` as the lessons read it (columns ``ma``, ``ten``,
``loai``, ``tinh_cu``); the downloads keep those column names so a file saved here opens the same
way as ``don_vi_lam_dong.csv`` in module m01.
"""

from __future__ import annotations

import html
import unicodedata

import ipywidgets as widgets

from workbench.apps import _ui
from workbench.apps import app as app_info
from workbench.data import units_frame

info = app_info("don_vi")

# Display names of the unit types the data uses (lower case in the data, as published).
TYPES = {
    "xã": ("Xã", "Commune"),
    "phường": ("Phường", "Ward"),
    "đặc khu": ("Đặc khu", "Special zone"),
}
ROWS_SHOWN = 60  # the rest is in the downloads
ALL = ""


def fold(text: str) -> str:
    """Lower case without diacritics, so "da lat", "Đà Lạt" and "ĐÀ LẠT" all match."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def type_label(kind: str) -> str:
    vi, en = TYPES.get(kind, (kind.capitalize(), kind))
    return _ui.tr(vi, en)


def select(frame, kind: str = ALL, former: str = ALL, query: str = ""):
    """The rows of ``frame`` of type ``kind`` and former province ``former`` whose name (without
    diacritics) or code contains ``query``; an empty filter keeps everything."""
    keep = frame.index == frame.index
    if kind:
        keep &= frame["loai"] == kind
    if former:
        keep &= frame["tinh_cu"] == former
    needle = fold(query.strip())
    if needle:
        names = frame["ten"].map(fold).str.contains(needle, regex=False)
        keep &= names | frame["ma"].astype(str).str.startswith(needle)
    return frame[keep]


class App:
    FIRST_ACTION = ("select", "Phường")

    def __init__(self):
        self.frame = units_frame()
        self._quiet = False
        kinds = list(self.frame["loai"].value_counts().index)  # most frequent first
        formers = list(self.frame["tinh_cu"].value_counts().index)

        self.kind = widgets.Dropdown(
            options=[(_ui.tr("Mọi loại đơn vị", "All types"), ALL)]
            + [(type_label(k), k) for k in kinds],
            description=_ui.tr("Loại", "Type"),
            layout=_ui.layout(),
        )
        self.former = widgets.Dropdown(
            options=[(_ui.tr("Mọi tỉnh cũ", "All former provinces"), ALL)]
            + [(name, name) for name in formers],
            description=_ui.tr("Tỉnh cũ", "Former"),
            layout=_ui.layout(),
        )
        self.search = widgets.Text(
            placeholder=_ui.tr("Tìm tên hoặc mã, ví dụ: da lat", "Name or code, e.g. da lat"),
            description=_ui.tr("Tìm", "Search"),
            layout=_ui.layout(),
        )
        self.reset = widgets.Button(
            description=_ui.tr("Bỏ lọc", "Clear filters"), icon="undo", layout=_ui.layout()
        )
        self.summary = widgets.HTML(layout=_ui.layout())
        self.downloads = widgets.HTML(layout=_ui.layout())
        self.table = widgets.HTML(layout=_ui.layout(max_height="360px", overflow="auto"))
        self.chart = widgets.Image(format="png", layout=_ui.layout(height="auto"))
        note = widgets.HTML(
            "<small>"
            + html.escape(
                _ui.tr(
                    "Tỉnh cũ được suy ra từ dải mã thống kê của đơn vị (dữ liệu gốc không ghi).",
                    "The former province is inferred from the unit's statistics code range "
                    "(the source data does not record it).",
                )
            )
            + "</small>",
            layout=_ui.layout(),
        )

        self.first, self.first_result = self.kind, self.summary
        _ui.mark_first(self.first, self.first_result)
        for control in (self.kind, self.former, self.search):
            control.observe(self.update, names="value")
        self.reset.on_click(self.clear)
        self.update()
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                "Chọn loại đơn vị, tỉnh cũ hoặc gõ một phần tên; bảng, biểu đồ và tệp tải về "
                "đổi theo.",
                "Pick a type, a former province or type part of a name; the table, the chart "
                "and the downloads follow.",
            ),
            self.kind,
            self.former,
            self.search,
            self.reset,
            self.summary,
            self.downloads,
            self.table,
            self.chart,
            note,
        )

    @property
    def selected(self):
        """The filtered table, as downloaded."""
        return select(self.frame, self.kind.value, self.former.value, self.search.value)

    def clear(self, _button=None) -> None:
        self._quiet = True  # one redraw for the three resets, not three
        try:
            self.kind.value, self.former.value, self.search.value = ALL, ALL, ""
        finally:
            self._quiet = False
        self.update()

    def update(self, _change=None) -> None:
        if self._quiet:
            return
        rows = self.selected
        self.summary.value = self.summary_html(rows)
        self.table.value = self.table_html(rows)
        self.downloads.value = self.downloads_html(rows)
        _ui.redraw(self.chart, lambda ax: self.draw(ax, rows))

    def summary_html(self, rows) -> str:
        counts = rows["loai"].value_counts()
        parts = ", ".join(f"{n} {type_label(k).lower()}" for k, n in counts.items())
        shown = _ui.tr(
            f"Đang hiển thị <b>{len(rows)}/{len(self.frame)}</b> đơn vị",
            f"Showing <b>{len(rows)}/{len(self.frame)}</b> units",
        )
        if not len(rows):
            hint = _ui.tr(
                "không có đơn vị nào khớp, hãy bớt điều kiện lọc",
                "nothing matches, loosen the filters",
            )
            return f"<p>{shown}: <span class='xau'>{html.escape(hint)}</span>.</p>"
        return f"<p>{shown} ({html.escape(parts)}).</p>"

    def table_html(self, rows) -> str:
        header = [
            _ui.tr("Mã", "Code"),
            _ui.tr("Tên", "Name"),
            _ui.tr("Loại", "Type"),
            _ui.tr("Tỉnh cũ", "Former province"),
        ]
        body = [
            (r.ma, r.ten, type_label(r.loai), r.tinh_cu)
            for r in rows.head(ROWS_SHOWN).itertuples(index=False)
        ]
        if len(rows) > ROWS_SHOWN:
            more = len(rows) - ROWS_SHOWN
            body.append(
                (
                    "…",
                    _ui.tr(
                        f"và {more} đơn vị nữa (có đủ trong tệp tải về)",
                        f"and {more} more (all in the downloads)",
                    ),
                    "",
                    "",
                )
            )
        return _ui.table_html(body, header, numeric=(header[0],))

    def downloads_html(self, rows) -> str:
        if not len(rows):
            return ""
        csv = _ui.download_link(
            _ui.csv_bytes(rows), "don-vi-lam-dong.csv", _ui.CSV, _ui.tr("Tải CSV", "Download CSV")
        )
        xlsx = _ui.download_link(
            _ui.xlsx_bytes({_ui.tr("Đơn vị", "Units"): rows}),
            "don-vi-lam-dong.xlsx",
            _ui.XLSX,
            _ui.tr("Tải Excel", "Download Excel"),
        )
        return f"<p>{csv} {xlsx}</p>"

    @staticmethod
    def draw(ax, rows) -> None:
        """Stacked bars: units per former province, one colour per type."""
        if not len(rows):
            ax.text(0.5, 0.5, _ui.tr("Không có dữ liệu", "No data"), ha="center", va="center")
            ax.set_axis_off()
            return
        counts = rows.groupby(["tinh_cu", "loai"]).size().unstack(fill_value=0)
        counts = counts.loc[counts.sum(axis=1).sort_values().index]  # biggest on top
        counts = counts[counts.sum().sort_values(ascending=False).index]  # commonest type first
        left = [0] * len(counts)
        for kind in counts.columns:
            values = list(counts[kind])
            ax.barh(list(counts.index), values, left=left, label=type_label(kind))
            left = [a + b for a, b in zip(left, values, strict=True)]
        for y, total in enumerate(left):
            ax.text(total, y, f" {total}", va="center")
        ax.set_xlim(0, max(left) * 1.15)
        ax.set_xlabel(_ui.tr("Số đơn vị", "Units"))
        ax.set_title(_ui.tr("Số đơn vị theo tỉnh cũ và loại", "Units by former province and type"))
        ax.legend(loc="lower right", fontsize="small")
        ax.spines[["top", "right"]].set_visible(False)
