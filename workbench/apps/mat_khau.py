"""Password checker: type a password, see a strength meter (level 0–4), how long guessing it would
take, why, and what to do.

The estimate is the module 06 one (``graders.m06.mat_khau.danh_gia_mat_khau``). Privacy by
construction: the password lives only in the Password widget. The observer reads it from the
change, judges it and keeps the verdict's HTML, which never quotes the password; nothing is
stored on the app, printed, logged or kept as history. The kernel still sees what is typed (Voila
runs Python on the server), so the page asks learners not to type a real password.
"""

from __future__ import annotations

import html
import math

import ipywidgets as widgets

from graders.feedback import language
from graders.m06.mat_khau import (
    LEVEL_COLOURS,
    OFFLINE_PER_SECOND,
    ONLINE_PER_SECOND,
    SIGNS,
    KetQuaMatKhau,
    danh_gia_mat_khau,
    doc_so,
)
from workbench.apps import _ui
from workbench.apps import app as app_info

info = app_info("mat_khau")

EN_LEVELS = ("very weak", "weak", "fair", "fairly strong", "strong")
EN_SIGNS = {
    "pho_bien": (
        "Is or contains a common password (like “123456”, “matkhau”): attackers try these first.",
        "Don't use a common password, even with digits or symbols added after it.",
    ),
    "tu_thong_dung": (
        "Contains a common word or name (people, places, bank names…).",
        "Avoid your name, your family's names, your home town: easy to guess.",
    ),
    "ngay_thang": (
        "Contains a date or a year (like a birthday): 100 years hold only about 36,500 days.",
        "Don't use birthdays, birth years or wedding dates: many people know them.",
    ),
    "so_dien_thoai": (
        "Looks like a phone number: many people know yours.",
        "Don't use your own or your family's phone number.",
    ),
    "so_giay_to": (
        "Looks like an ID card number (12 digits): it is printed on many papers.",
        "Don't use ID card or bank account numbers.",
    ),
    "day_lien_tiep": (
        "Contains a sequence (like “abcd”, “1234”, “9876”).",
        "Drop sequences: they add length but no difficulty.",
    ),
    "lap_lai": (
        "Contains repeated characters or chunks (like “aaaa”, “abcabc”).",
        "Repeating a chunk hardly makes a password harder to guess.",
    ),
    "ban_phim": (
        "Contains neighbouring keys (like “qwerty”, “asdf”, “1qaz”).",
        "Don't follow rows of keys: attackers have lists of keyboard walks.",
    ),
    "thay_ky_tu": (
        "Swaps letters for digits or symbols (@ for a, 0 for o): attackers know this trick.",
        "Swapping letters for symbols helps little; make the password longer instead.",
    ),
    "chu_hoa_dau": (
        "Only the first letter or the whole word is upper case: attackers try that first.",
        "Capitals in unexpected places help a little; length helps much more.",
    ),
}
PASSPHRASE_VI = (
    "Dùng một cụm từ dài (từ 4 từ trở lên, ghép ngẫu nhiên, không thành câu quen) và thêm vài "
    "chữ số."
)
PASSPHRASE_EN = (
    "Use a long phrase (4 or more random words, not a familiar saying) and a few digits."
)
EXAMPLES = ("123456", "matkhau123", "Nguyen1990", "x7#Qp2!v", "tau-hoa-leo-doi-che-7")


def duration_en(guesses: float, per_second: float) -> str:
    seconds = guesses / per_second
    if seconds < 1:
        return "under 1 second"
    value = seconds
    for size, name in ((60, "second"), (60, "minute"), (24, "hour"), (30, "day"), (12, "month")):
        if value < size:
            count = max(1, round(value))
            return f"about {count} {name}{'s' if count > 1 else ''}"
        value /= size
    if value < 100:
        return f"about {round(value)} years"
    centuries = value / 100
    return "over 100 centuries" if centuries >= 100 else f"about {round(centuries)} centuries"


def guesses_text(guesses: float) -> str:
    if language() != "en":
        return doc_so(guesses)
    return f"{guesses:,.0f}" if guesses < 1e6 else f"10^{math.floor(math.log10(guesses))}"


def reasons_and_advice(result: KetQuaMatKhau) -> tuple[list[str], list[str]]:
    """The Vietnamese reasons and advice of the grader, or their English twins by sign code."""
    if language() != "en":
        return list(result.ly_do), list(result.loi_khuyen)
    codes = [c for c in result.dau_hieu if c in SIGNS]
    reasons = [EN_SIGNS[c][0] for c in codes]
    n = result.do_dai
    if n < 8:
        reasons.append(f"Too short: only {n} characters.")
    elif n < 12:
        reasons.append(f"A bit short: {n} characters.")
    else:
        reasons.append(f"{n} characters long: good.")
    if "mot_loai_ky_tu" in result.dau_hieu:
        reasons.append("Uses one kind of character only (only digits, or only lower case…).")
    advice = [EN_SIGNS[c][1] for c in codes]
    if result.muc < 4:
        advice.append(PASSPHRASE_EN)
    advice.append("One password per account, and turn on two-step verification.")
    return reasons, list(dict.fromkeys(advice))


def bar_html(level: int | None) -> str:
    """Five segments, as many coloured as the level reaches (none when nothing is typed)."""
    cells = "".join(
        "<span style='display:inline-block;width:18%;height:12px;margin-right:2%;"
        "border-radius:3px;background:{}'></span>".format(
            LEVEL_COLOURS[level] if level is not None and i <= level else "#e0e0e0"
        )
        for i in range(5)
    )
    return f"<div style='margin:4px 0'>{cells}</div>"


def empty_meter_html() -> str:
    text = _ui.tr(
        "Chưa có mật khẩu: hãy gõ thử vào ô trên.", "Nothing typed yet: try the box above."
    )
    return f"<div class='hocvuso-mat-khau'>{bar_html(None)}<b>{html.escape(text)}</b></div>"


def meter_html(result: KetQuaMatKhau) -> str:
    """The verdict card: bar, level, crack times, reasons, advice. Never the password itself."""
    colour = LEVEL_COLOURS[result.muc]
    name = _ui.tr(result.ten_muc, EN_LEVELS[result.muc])
    online = _ui.tr(result.thoi_gian_truc_tuyen, duration_en(result.so_lan_doan, ONLINE_PER_SECOND))
    offline = _ui.tr(
        result.thoi_gian_ngoai_tuyen, duration_en(result.so_lan_doan, OFFLINE_PER_SECOND)
    )
    reasons, advice = reasons_and_advice(result)

    def bullets(items):
        return "".join(f"<li>{html.escape(item)}</li>" for item in items)

    return (
        f"<div class='hocvuso-mat-khau' style='border-left:5px solid {colour};padding:4px 8px'>"
        f"{bar_html(result.muc)}"
        f"<b style='color:{colour}'>{_ui.tr('Mức', 'Level')} {result.muc}/4: "
        f"{html.escape(name)}</b> · {result.do_dai} {_ui.tr('ký tự', 'characters')}<br>"
        f"{_ui.tr('Số lần đoán ước tính', 'Estimated guesses')}: "
        f"{html.escape(guesses_text(result.so_lan_doan))}<br>"
        f"{_ui.tr('Đoán qua mạng', 'Guessing online')} ({ONLINE_PER_SECOND}/s): "
        f"<b>{html.escape(online)}</b><br>"
        f"{_ui.tr('Máy mạnh dò bản sao bị lộ', 'A fast computer on a leaked copy')} "
        f"({_ui.tr('10 tỷ', '10 billion')}/s): <b>{html.escape(offline)}</b>"
        f"<br><b>{_ui.tr('Vì sao', 'Why')}:</b><ul style='margin:2px 0'>{bullets(reasons)}</ul>"
        f"<b>{_ui.tr('Lời khuyên', 'Advice')}:</b><ul style='margin:2px 0'>{bullets(advice)}</ul>"
        "</div>"
    )


def examples_html() -> str:
    rows = []
    for example in EXAMPLES:
        result = danh_gia_mat_khau(example)
        offline = _ui.tr(
            result.thoi_gian_ngoai_tuyen, duration_en(result.so_lan_doan, OFFLINE_PER_SECOND)
        )
        rows.append((example, f"{result.muc}/4", offline))
    header = (
        _ui.tr("Ví dụ", "Example"),
        _ui.tr("Mức", "Level"),
        _ui.tr("Máy mạnh dò ra sau", "Cracked offline in"),
    )
    title = _ui.tr("Vài ví dụ để so sánh", "Some examples to compare")
    return f"<b>{html.escape(title)}</b>" + _ui.table_html(rows, header, numeric=(header[1],))


class App:
    FIRST_ACTION = ("type", "matkhau123")

    def __init__(self):
        self.password = widgets.Password(
            description=_ui.tr("Mật khẩu", "Password"),
            placeholder=_ui.tr("Gõ thử một mật khẩu", "Type a password to test"),
            continuous_update=True,  # judge on every keystroke
            layout=_ui.layout(),
        )
        self.meter = widgets.HTML(empty_meter_html(), layout=_ui.layout())
        self.first = self.password
        self.first_result = self.meter
        _ui.mark_first(self.first, self.first_result)
        self.password.observe(self._changed, names="value")

        warning = _ui.tr(
            "Không lưu, không ghi lại điều bạn gõ. Dù vậy, đừng gõ mật khẩu thật đang dùng: "
            "hãy gõ một mật khẩu giống kiểu của bạn.",
            "Nothing you type is stored or logged. Still, do not type a password you really "
            "use: type one of the same kind.",
        )
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                "Kẻ gian không thử lần lượt mọi chuỗi: họ thử mật khẩu phổ biến, tên, ngày "
                "sinh, số điện thoại trước. Xem mật khẩu của bạn trụ được bao lâu.",
                "Attackers do not try every string in turn: common passwords, names, birthdays "
                "and phone numbers come first. See how long yours would last.",
            ),
            widgets.HTML(
                f"<div class='minh-hoa'>🔒 {html.escape(warning)}</div>", layout=_ui.layout()
            ),
            self.password,
            self.meter,
            widgets.HTML(examples_html(), layout=_ui.layout()),
        )

    def _changed(self, change) -> None:
        # The password is a local here and nowhere else: only the verdict's HTML is kept.
        if change["new"]:
            self.meter.value = meter_html(danh_gia_mat_khau(change["new"]))
        else:
            self.meter.value = empty_meter_html()
