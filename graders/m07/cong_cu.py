"""Learner tools of the module 07 lesson: two small widgets where trying beats reading.

``o_phan_loai()`` — choose a piece of data, say whether it is basic or sensitive, get the reason.
``o_che_du_lieu()`` — type a number, see it masked, decoded and pseudonymised with and without a key.

Both render once when built (sensible defaults), so "Run all" shows something. The texts they show
come from pure functions (:func:`classification_feedback`, :func:`mask_report`) that tests call.
"""

from __future__ import annotations

import hashlib
import hmac

BASIC, SENSITIVE = "cơ bản", "nhạy cảm"

# (data, category, why). Categories follow the principle the lesson teaches: basic data identifies a
# person; sensitive data can cause serious harm when leaked (health, biometrics, finance, location…).
FIELDS = (
    ("Họ và tên", BASIC, "Tên giúp nhận ra một người: dữ liệu cá nhân cơ bản."),
    ("Ngày, tháng, năm sinh", BASIC, "Ngày sinh là dữ liệu cá nhân cơ bản."),
    ("Số điện thoại", BASIC, "Số điện thoại là dữ liệu cá nhân cơ bản."),
    (
        "Số căn cước (CCCD)",
        BASIC,
        "Số định danh cá nhân là dữ liệu cơ bản, nhưng là “chìa khóa” để tra mọi hồ sơ: "
        "không bao giờ công bố đầy đủ.",
    ),
    ("Mã số thuế", BASIC, "Mã số thuế là dữ liệu cá nhân cơ bản."),
    ("Số sổ bảo hiểm xã hội, số thẻ BHYT", BASIC, "Số bảo hiểm là dữ liệu cá nhân cơ bản."),
    ("Địa chỉ nơi ở", BASIC, "Địa chỉ là dữ liệu cá nhân cơ bản."),
    (
        "Bệnh nền, kết quả xét nghiệm",
        SENSITIVE,
        "Tình trạng sức khỏe là dữ liệu nhạy cảm: lộ ra có thể khiến người đó bị kỳ thị, mất việc.",
    ),
    (
        "Vân tay, khuôn mặt dùng để mở khóa, xác thực",
        SENSITIVE,
        "Dữ liệu sinh trắc học là nhạy cảm: mật khẩu đổi được, vân tay thì không.",
    ),
    (
        "Số tài khoản và giao dịch ngân hàng",
        SENSITIVE,
        "Thông tin tài chính là nhạy cảm: kẻ gian dùng nó để lừa đảo, chiếm đoạt tiền.",
    ),
    (
        "Vị trí điện thoại ghi lại suốt ngày",
        SENSITIVE,
        "Dữ liệu vị trí là nhạy cảm: nó cho biết bạn ở đâu, đi đâu, gặp ai.",
    ),
)


def classification_feedback(field: str, choice: str | None) -> str:
    """What the classification widget says for ``choice`` (None: nothing chosen yet)."""
    category, why = next((c, w) for name, c, w in FIELDS if name == field)
    if choice is None:
        return f"«{field}»: là dữ liệu cá nhân {BASIC} hay {SENSITIVE}? Bấm một nút để chọn."
    if choice == category:
        return f"✅ Đúng: «{field}» là dữ liệu {category}. {why}"
    return f"❌ Chưa đúng: «{field}» là dữ liệu {category}, không phải {choice}. {why}"


def _pseudonym(number: str, key: str, length: int = 12) -> str:
    return hmac.new(key.encode("utf-8"), number.encode("utf-8"), hashlib.sha256).hexdigest()[
        :length
    ]


def _decode_id(number: str) -> str | None:
    """What the first six digits of a 12-digit identification number tell (public layout)."""
    if len(number) != 12 or not number.isdigit():
        return None
    century = 1900 + 100 * (int(number[3]) // 2)
    sex = "nam" if int(number[3]) % 2 == 0 else "nữ"
    return (
        f"6 số đầu {number[:6]} cho biết: mã tỉnh nơi đăng ký khai sinh {number[:3]}, "
        f"giới tính {sex}, sinh năm {century + int(number[4:6])}."
    )


def mask_report(number: str, keep: int, key: str) -> list[str]:
    """The lines the masking widget shows for ``number``."""
    number = number.strip()
    if not number:
        return ["Hãy gõ một dãy số (ví dụ một số CCCD hay số điện thoại giả lập)."]
    keep = max(0, min(keep, len(number)))
    masked = "*" * (len(number) - keep) + (number[-keep:] if keep else "")
    lines = [f"Số gốc:            {number}", f"Đã che ({keep} số cuối): {masked}"]
    decoded = _decode_id(number)
    if decoded:
        lines.append(decoded + " Vì thế khi che, ta giữ các số CUỐI, không giữ số đầu.")
    lines += [
        f"Bí danh (HMAC-SHA256, khóa {key!r}): {_pseudonym(number, key)}",
        f"Bí danh với khóa khác 'khoa-khac':  {_pseudonym(number, 'khoa-khac')}",
        f"Mã băm KHÔNG khóa (SHA-256):       {hashlib.sha256(number.encode()).hexdigest()[:12]}"
        "  ← ai cũng tính lại được",
    ]
    return lines


def o_phan_loai():
    """Widget: pick a piece of data, press “cơ bản” or “nhạy cảm”, read why."""
    import ipywidgets as widgets

    field = widgets.Dropdown(
        options=[name for name, _c, _w in FIELDS],
        description="Dữ liệu:",
        layout=widgets.Layout(width="32em"),
    )
    choice = widgets.ToggleButtons(options=[BASIC, SENSITIVE], value=None, description="Loại:")
    out = widgets.Output()

    def show(*_change) -> None:
        out.clear_output()
        with out:
            print(classification_feedback(field.value, choice.value))

    def new_field(_change) -> None:
        choice.value = None  # a new question: nothing chosen yet
        show()

    field.observe(new_field, names="value")
    choice.observe(show, names="value")
    show()
    return widgets.VBox([field, choice, out])


def o_che_du_lieu(so: str = "068190012345", khoa: str = "khoa-cua-xa"):
    """Widget: type a number (synthetic!), choose how many digits to keep, see masks and
    pseudonyms."""
    import ipywidgets as widgets

    number = widgets.Text(value=so, description="Số:", layout=widgets.Layout(width="24em"))
    keep = widgets.IntSlider(value=3, min=0, max=6, description="Giữ số cuối:")
    key = widgets.Text(value=khoa, description="Khóa:", layout=widgets.Layout(width="24em"))

    def show(so: str, giu: int, khoa: str) -> None:
        print("\n".join(mask_report(so, giu, khoa)))

    out = widgets.interactive_output(show, {"so": number, "giu": keep, "khoa": key})
    return widgets.VBox([number, keep, key, out])
