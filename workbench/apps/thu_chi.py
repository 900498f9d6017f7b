"""A cash book for a farming household or a small shop: entries, monthly totals, chart, Excel.

Everything stays in the page (nothing is saved on the server): the Excel download is the record.
Amounts are whole đồng, typed Vietnamese style ("1.500.000") or plain ("1500000").
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re

import ipywidgets as widgets

from workbench.apps import _ui
from workbench.apps import app as app_info

info = app_info("thu_chi")

INCOME, EXPENSE = "thu", "chi"
KINDS = {INCOME: ("Thu", "Income"), EXPENSE: ("Chi", "Expense")}
CATEGORIES = {
    INCOME: (
        ("Bán cà phê", "Coffee sales"),
        ("Bán rau", "Vegetable sales"),
        ("Bán hoa", "Flower sales"),
        ("Bán trái cây", "Fruit sales"),
        ("Bán hàng tạp hoá", "Shop sales"),
        ("Tiền công", "Wages"),
        ("Thu khác", "Other income"),
    ),
    EXPENSE: (
        ("Phân bón", "Fertiliser"),
        ("Giống", "Seeds and seedlings"),
        ("Thuốc bảo vệ thực vật", "Crop protection"),
        ("Công lao động", "Hired labour"),
        ("Điện nước", "Electricity and water"),
        ("Xăng dầu", "Fuel"),
        ("Nhập hàng", "Stock purchases"),
        ("Sinh hoạt gia đình", "Household living"),
        ("Trả lãi vay", "Loan interest"),
        ("Chi khác", "Other expense"),
    ),
}
MAX_AMOUNT = 100_000_000_000  # 100 tỉ: anything bigger is a typing slip
_AMOUNT = re.compile(r"\d{1,3}(?:([.,\s])\d{3})?(?:\1\d{3})*|\d+")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|d)\s*$", re.IGNORECASE)


class AmountError(ValueError):
    pass


def parse_amount(text: str) -> int:
    """Whole đồng from "1.500.000", "1500000", "1 500 000" or "1,500,000 đ"."""
    raw = _CURRENCY.sub("", text.strip())
    if not raw:
        raise AmountError(_ui.tr("Chưa nhập số tiền.", "Enter an amount."))
    if not _AMOUNT.fullmatch(raw):
        raise AmountError(
            _ui.tr(
                f"“{text.strip()}” không phải số tiền. Gõ số đồng, ví dụ 1.500.000 hoặc 1500000 "
                "(không có số lẻ, không có chữ).",
                f"“{text.strip()}” is not an amount. Type whole đồng, e.g. 1.500.000 or 1500000.",
            )
        )
    value = int(re.sub(r"\D", "", raw))
    if value <= 0:
        raise AmountError(_ui.tr("Số tiền phải lớn hơn 0.", "The amount must be above 0."))
    if value > MAX_AMOUNT:
        raise AmountError(
            _ui.tr("Số tiền quá lớn, hãy kiểm tra lại.", "That amount is too large; check it.")
        )
    return value


def money(value: int) -> str:
    return f"{_ui.number(value)} đ"


def label(pair: tuple[str, str]) -> str:
    return _ui.tr(*pair)


def sample_entries(seed: int = 2025) -> list[dict]:
    """Six months (January to June 2025) of a coffee and vegetable household near Bảo Lộc:
    coffee sold after the harvest, vegetables every two weeks, fertiliser before the rains."""
    rng = random.Random(seed)
    coffee, vegetables = label(CATEGORIES[INCOME][0]), label(CATEGORIES[INCOME][1])
    fertiliser, seeds, sprays, labour, power = (label(c) for c in CATEGORIES[EXPENSE][:5])
    entries = []

    def add(day: dt.date, kind: str, category: str, amount: int, note: str = "") -> None:
        entries.append(
            {"ngay": day, "loai": kind, "khoan": category, "so_tien": amount, "ghi_chu": note}
        )

    for month in range(1, 7):
        if month <= 3:  # coffee harvested in Nov–Jan, sold in lots as prices move
            kg = rng.randrange(300, 900, 50)
            price = rng.randrange(95_000, 125_000, 1_000)
            add(
                dt.date(2025, month, rng.randint(5, 25)),
                INCOME,
                coffee,
                kg * price,
                _ui.tr(f"{kg} kg nhân × {_ui.number(price)} đ", f"{kg} kg × {_ui.number(price)} đ"),
            )
        for day in (8, 22):
            kg = rng.randrange(150, 450, 10)
            price = rng.randrange(8_000, 16_000, 500)
            add(
                dt.date(2025, month, day),
                INCOME,
                vegetables,
                kg * price,
                _ui.tr(f"{kg} kg rau cải", f"{kg} kg greens"),
            )
        add(dt.date(2025, month, 3), EXPENSE, seeds, rng.randrange(300_000, 900_000, 10_000))
        add(
            dt.date(2025, month, 15),
            EXPENSE,
            power,
            rng.randrange(350_000, 750_000, 1_000),
            _ui.tr("tưới và bơm nước", "irrigation pump"),
        )
        if month in (1, 2):
            add(
                dt.date(2025, month, 12),
                EXPENSE,
                labour,
                rng.randrange(4, 9) * 2_500_000,
                _ui.tr("thuê người hái, phơi cà phê", "coffee picking and drying"),
            )
        if month in (4, 5, 6):  # fertilising at the start of the rainy season
            bags = rng.randrange(10, 25)
            add(
                dt.date(2025, month, 10),
                EXPENSE,
                fertiliser,
                bags * 650_000,
                _ui.tr(f"{bags} bao NPK", f"{bags} bags of NPK"),
            )
        if month % 2 == 0:
            add(
                dt.date(2025, month, 18), EXPENSE, sprays, rng.randrange(800_000, 2_500_000, 10_000)
            )
    return sorted(entries, key=lambda e: e["ngay"])


def entries_frame(entries: list[dict]):
    """The book as a table, by date (entries of the same day keep the order they were typed)."""
    import pandas as pd

    columns = ["ngay", "loai", "khoan", "so_tien", "ghi_chu"]
    frame = pd.DataFrame(entries, columns=columns)
    return frame.sort_values("ngay", kind="stable").reset_index(drop=True)


def monthly(entries: list[dict]):
    """Income, expense and their difference per month (YYYY-MM), in calendar order."""
    frame = entries_frame(entries)
    month = frame["ngay"].map(lambda d: f"{d.year}-{d.month:02d}")
    table = frame.pivot_table(
        index=month, columns="loai", values="so_tien", aggfunc="sum", fill_value=0
    )
    table = table.reindex(columns=[INCOME, EXPENSE], fill_value=0).astype("int64")
    table["chenh_lech"] = table[INCOME] - table[EXPENSE]
    table.index.name = "thang"
    return table.reset_index()


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{month}/{year}"


class App:
    FIRST_ACTION = ("click",)

    def __init__(self):
        self.entries: list[dict] = []
        self.sample = widgets.Button(
            description=_ui.tr("Thêm dữ liệu mẫu", "Add sample data"),
            tooltip=_ui.tr(
                "Sáu tháng thu chi của một hộ trồng cà phê và rau (số liệu minh hoạ)",
                "Six months of a coffee and vegetable farm (illustrative figures)",
            ),
            icon="table",
            layout=_ui.layout(),
        )
        self.date = widgets.DatePicker(
            description=_ui.tr("Ngày", "Date"), value=dt.date.today(), layout=_ui.layout()
        )
        self.kind = widgets.ToggleButtons(
            options=[(label(KINDS[k]), k) for k in KINDS], value=INCOME, layout=_ui.layout()
        )
        self.category = widgets.Dropdown(description=_ui.tr("Khoản", "Item"), layout=_ui.layout())
        self.amount = widgets.Text(
            description=_ui.tr("Số tiền", "Amount"),
            placeholder=_ui.tr("đồng, ví dụ 1.500.000", "đồng, e.g. 1.500.000"),
            layout=_ui.layout(),
        )
        self.note = widgets.Text(
            description=_ui.tr("Ghi chú", "Note"),
            placeholder=_ui.tr("không bắt buộc", "optional"),
            layout=_ui.layout(),
        )
        self.add = widgets.Button(
            description=_ui.tr("Thêm", "Add"),
            button_style="primary",
            icon="plus",
            layout=_ui.layout(),
        )
        self.undo = widgets.Button(
            description=_ui.tr("Xoá dòng cuối", "Remove last entry"),
            icon="undo",
            layout=_ui.layout(),
        )
        self.clear = widgets.Button(
            description=_ui.tr("Xoá hết", "Clear all"), icon="trash", layout=_ui.layout()
        )
        self.message = widgets.HTML(layout=_ui.layout())
        self.summary = widgets.HTML(layout=_ui.layout())
        self.table = widgets.HTML(layout=_ui.layout(max_height="320px", overflow="auto"))
        self.months = widgets.HTML(layout=_ui.layout())
        self.chart = widgets.Image(format="png", layout=_ui.layout(height="auto"))
        self.download = widgets.HTML(layout=_ui.layout())
        self._confirm_clear = False

        self.first, self.first_result = self.sample, self.summary
        _ui.mark_first(self.first, self.first_result)
        self.kind.observe(self.fill_categories, names="value")
        self.sample.on_click(self.load_sample)
        self.add.on_click(self.add_entry)
        self.undo.on_click(self.remove_last)
        self.clear.on_click(self.remove_all)
        self.fill_categories()
        self.refresh()

        heading = "<h3 style='margin:8px 0 2px'>{}</h3>".format
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                "Ghi từng khoản thu, chi; xem tổng theo tháng và tải tệp Excel. Sổ chỉ nằm trên "
                "trang này: tải tệp về để giữ lại.",
                "Record each income and expense; see monthly totals and download Excel. The book "
                "lives on this page only: download it to keep it.",
            ),
            self.sample,
            self.summary,
            widgets.HTML(heading(html.escape(_ui.tr("Ghi một khoản", "Record an entry")))),
            self.date,
            self.kind,
            self.category,
            self.amount,
            self.note,
            self.add,
            self.message,
            widgets.HBox([self.undo, self.clear], layout=_ui.layout()),
            widgets.HTML(heading(html.escape(_ui.tr("Theo tháng", "By month")))),
            self.months,
            self.chart,
            self.download,
            widgets.HTML(heading(html.escape(_ui.tr("Sổ thu chi", "Cash book")))),
            self.table,
        )

    # Actions -----------------------------------------------------------------------------

    def fill_categories(self, _change=None) -> None:
        options = [label(c) for c in CATEGORIES[self.kind.value]]
        self.category.options = options
        self.category.value = options[0]

    def load_sample(self, _button=None) -> None:
        """Add the sample entries that are not in the book yet (a second click adds nothing)."""
        missing = [e for e in sample_entries() if e not in self.entries]
        self.entries.extend(missing)
        self.say(
            _ui.tr(
                f"Đã thêm {len(missing)} dòng mẫu (số liệu minh hoạ).",
                f"Added {len(missing)} sample entries (illustrative figures).",
            )
            if missing
            else _ui.tr("Dữ liệu mẫu đã có trong sổ.", "The sample is already in the book."),
        )
        self.refresh()

    def add_entry(self, _button=None) -> None:
        if self.date.value is None:
            self.say(_ui.tr("Chọn ngày trước đã.", "Pick a date first."), error=True)
            return
        try:
            amount = parse_amount(self.amount.value)
        except AmountError as error:
            self.say(str(error), error=True)
            return
        entry = {
            "ngay": self.date.value,
            "loai": self.kind.value,
            "khoan": self.category.value,
            "so_tien": amount,
            "ghi_chu": self.note.value.strip(),
        }
        self.entries.append(entry)
        self.amount.value = self.note.value = ""
        self.say(_ui.tr("Đã thêm: ", "Added: ") + self.describe(entry))
        self.refresh()

    def remove_last(self, _button=None) -> None:
        if not self.entries:
            self.say(_ui.tr("Sổ đang trống.", "The book is empty."), error=True)
            return
        entry = self.entries.pop()
        self.say(_ui.tr("Đã xoá: ", "Removed: ") + self.describe(entry))
        self.refresh()

    def remove_all(self, _button=None) -> None:
        """Two clicks: the first asks for confirmation."""
        if not self.entries:
            self.say(_ui.tr("Sổ đang trống.", "The book is empty."), error=True)
            return
        if not self._confirm_clear:
            self.say(
                _ui.tr(
                    f"Bấm “Xoá hết” lần nữa để xoá cả {len(self.entries)} dòng.",
                    f"Click “Clear all” again to remove all {len(self.entries)} entries.",
                ),
                error=True,
            )
            self._confirm_clear = True
            return
        self.entries.clear()
        self.say(_ui.tr("Đã xoá hết sổ.", "The book is cleared."))
        self.refresh()

    def say(self, text: str, error: bool = False) -> None:
        self._confirm_clear = False
        css = "xau" if error else "tot"
        self.message.value = f"<p class='{css}'>{html.escape(text)}</p>"

    @staticmethod
    def describe(entry: dict) -> str:
        return (
            f"{entry['ngay']:%d/%m/%Y} · {label(KINDS[entry['loai']])} · {entry['khoan']} · "
            f"{money(entry['so_tien'])}"
        )

    # Views -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.entries:
            self.summary.value = (
                "<p>"
                + html.escape(
                    _ui.tr(
                        "Sổ đang trống: ghi một khoản bên dưới hoặc bấm “Thêm dữ liệu mẫu”.",
                        "The book is empty: record an entry below or click “Add sample data”.",
                    )
                )
                + "</p>"
            )
            self.table.value = self.months.value = self.download.value = ""
            self.chart.value, self.chart.layout.display = b"", "none"  # no matplotlib until needed
            return
        frame, months = entries_frame(self.entries), monthly(self.entries)
        income, expense = int(months[INCOME].sum()), int(months[EXPENSE].sum())
        balance = income - expense
        css = "tot" if balance >= 0 else "xau"
        self.summary.value = (
            f"<p>{html.escape(_ui.tr('Tổng thu', 'Income'))}: <b>{money(income)}</b> · "
            f"{html.escape(_ui.tr('Tổng chi', 'Expense'))}: <b>{money(expense)}</b> · "
            f"{html.escape(_ui.tr('Chênh lệch', 'Balance'))}: "
            f"<b class='{css}'>{money(balance)}</b> "
            + html.escape(_ui.tr(f"({len(frame)} dòng)", f"({len(frame)} entries)"))
            + "</p>"
        )
        self.table.value = _ui.table_html(
            (
                (f"{r.ngay:%d/%m/%Y}", label(KINDS[r.loai]), r.khoan, money(r.so_tien), r.ghi_chu)
                for r in frame.itertuples(index=False)
            ),
            self.entry_header(),
            numeric=(self.entry_header()[3],),
        )
        header = self.month_header()
        self.months.value = _ui.table_html(
            (
                (month_label(r.thang), money(r.thu), money(r.chi), money(r.chenh_lech))
                for r in months.itertuples(index=False)
            ),
            header,
            numeric=header[1:],
        )
        _ui.redraw(self.chart, lambda ax: self.draw(ax, months))
        self.chart.layout.display = None
        self.download.value = (
            "<p>"
            + _ui.download_link(
                self.excel(frame, months),
                "so-thu-chi.xlsx",
                _ui.XLSX,
                _ui.tr("Tải Excel", "Download Excel"),
            )
            + "</p>"
        )

    @staticmethod
    def entry_header() -> list[str]:
        return [
            _ui.tr("Ngày", "Date"),
            _ui.tr("Loại", "Type"),
            _ui.tr("Khoản", "Item"),
            _ui.tr("Số tiền (đồng)", "Amount (đồng)"),
            _ui.tr("Ghi chú", "Note"),
        ]

    @staticmethod
    def month_header() -> list[str]:
        return [
            _ui.tr("Tháng", "Month"),
            _ui.tr("Thu", "Income"),
            _ui.tr("Chi", "Expense"),
            _ui.tr("Chênh lệch", "Balance"),
        ]

    def excel(self, frame, months) -> bytes:
        """Two sheets; amounts stay numbers and dates stay dates, so Excel can sum and sort them."""
        book = frame.assign(loai=frame["loai"].map(lambda k: label(KINDS[k])))
        book.columns = self.entry_header()
        per_month = months.assign(thang=months["thang"].map(month_label))
        per_month.columns = self.month_header()
        return _ui.xlsx_bytes(
            {_ui.tr("Sổ thu chi", "Cash book"): book, _ui.tr("Theo tháng", "By month"): per_month}
        )

    @staticmethod
    def draw(ax, months) -> None:
        positions = range(len(months))
        millions = 1_000_000
        ax.bar(
            [p - 0.2 for p in positions],
            months[INCOME] / millions,
            width=0.4,
            color="#1b7f3b",
            label=_ui.tr("Thu", "Income"),
        )
        ax.bar(
            [p + 0.2 for p in positions],
            months[EXPENSE] / millions,
            width=0.4,
            color="#b3261e",
            label=_ui.tr("Chi", "Expense"),
        )
        ax.set_xticks(list(positions), [month_label(m) for m in months["thang"]])
        ax.set_ylabel(_ui.tr("triệu đồng", "million đồng"))
        ax.set_title(_ui.tr("Thu và chi theo tháng", "Income and expense by month"))
        ax.legend(fontsize="small")
        ax.spines[["top", "right"]].set_visible(False)
