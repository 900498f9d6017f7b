"""Administrative procedures assistant: a life event → documents, fee, time, online level, a
checklist and a mock submission form that validates as you type.

The catalogue is the MOCK one of module 04 (``workbench.datasets.m04``, "minh hoạ") and the form
uses the same validators as the module 04 labs (``graders.m04.ho_so``), so the app and the lessons
can never disagree. Nothing is sent anywhere: "Nộp thử" only checks the form and shows a receipt
code that starts with THU (thử, a trial).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from graders.m04.ho_so import TEN_TRUONG, kiem_tra_ho_so
from workbench.apps import _ui
from workbench.apps import app as app_info
from workbench.datasets.m04 import FULLY_ONLINE, NOTE, catalogue, procedure

info = app_info("thu_tuc")

# English names of the mock procedures and events (the Vietnamese ones live in the catalogue).
EN_NAMES = {
    "KS": "Birth registration, permanent residence and health card for a child under 6 (linked)",
    "KT": "Death registration",
    "KH": "Marriage registration",
    "XNHN": "Certificate of marital status",
    "TLHT": "Copy of a civil status extract",
    "TR": "Permanent residence registration",
    "TTR": "Temporary residence registration",
    "LT": "Notice of a guest's stay",
    "HKD": "Registering a household business",
    "HKDTD": "Changing a household business registration",
    "DDBD": "Registering a land change (transfer, gift)",
    "DDCN": "First land use right certificate",
    "GPXD": "Building permit for a private house",
    "TCXH": "Monthly social allowance for the elderly",
}
EN_EVENTS = {
    "Sinh con": "A baby is born",
    "Người thân qua đời": "A death in the family",
    "Kết hôn": "Getting married",
    "Giấy tờ hộ tịch": "Civil status papers",
    "Chuyển chỗ ở": "Moving house",
    "Kinh doanh": "Running a business",
    "Đất đai, nhà ở": "Land and housing",
    "Người cao tuổi": "Old age",
}
FORM_FIELDS = ("ho_ten", "so_cccd", "ngay_sinh", "so_dien_thoai")
EN_FIELDS = {
    "ho_ten": "Full name",
    "so_cccd": "ID card (CCCD) number",
    "ngay_sinh": "Date of birth",
    "so_dien_thoai": "Phone number",
    "ma_thu_tuc": "Procedure",
    "giay_to": "Documents",
}
# The validators explain in Vietnamese; in English one fixed rule per field says what is expected.
EN_RULES = {
    "ho_ten": "Enter a full name.",
    "so_cccd": "Exactly 12 digits, no spaces or letters.",
    "ngay_sinh": "A real date written dd/mm/yyyy, e.g. 05/09/1990.",
    "so_dien_thoai": "10 digits starting with 0 (no +84, no spaces).",
    "ma_thu_tuc": "Choose a procedure.",
    "giay_to": "Tick every required document in the checklist.",
}
PLACEHOLDERS = {
    "ho_ten": ("Ví dụ: Nguyễn Thị Mẫu", "e.g. Nguyễn Thị Mẫu"),
    "so_cccd": ("12 chữ số, ví dụ 000190000001", "12 digits, e.g. 000190000001"),
    "ngay_sinh": ("dd/mm/yyyy", "dd/mm/yyyy"),
    "so_dien_thoai": ("10 chữ số, bắt đầu bằng 0", "10 digits starting with 0"),
}
PORTAL = "https://dichvucong.gov.vn"
CHECKLIST_STYLE = (
    "<style>.hocvuso-app .thu-tuc-giay-to .widget-checkbox label "
    "{white-space: normal; overflow: visible; text-overflow: clip;}</style>"
)


def procedure_name(proc: dict) -> str:
    return _ui.tr(proc["ten_thu_tuc"], EN_NAMES.get(proc["ma_thu_tuc"], proc["ten_thu_tuc"]))


def option_label(proc: dict) -> str:
    event = _ui.tr(proc["su_kien"], EN_EVENTS.get(proc["su_kien"], proc["su_kien"]))
    return f"{event}: {procedure_name(proc)}"


def fee_text(fee: int) -> str:
    if not fee:
        return _ui.tr("Miễn lệ phí (minh hoạ)", "No fee (illustrative)")
    return _ui.tr(f"{_ui.number(fee)} đồng (minh hoạ)", f"{_ui.number(fee)} VND (illustrative)")


def where_text(proc: dict) -> str:
    """Where and how to submit, from the service level (no invented addresses)."""
    office = _ui.tr(
        "Trung tâm phục vụ hành chính công (bộ phận một cửa)",
        "the public administration service centre (one-stop desk)",
    )
    if proc["muc_do"] == FULLY_ONLINE:
        return _ui.tr(
            f"Nộp và nhận kết quả trực tuyến trên Cổng Dịch vụ công quốc gia ({PORTAL}) hoặc "
            f"ứng dụng VNeID; vẫn có thể nộp trực tiếp tại {office}.",
            f"Submit and get the result online on the National Public Service Portal ({PORTAL}) "
            f"or in the VNeID app; you may still submit in person at {office}.",
        )
    return _ui.tr(
        f"Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia ({PORTAL}) hoặc VNeID, rồi đến "
        f"{office} để nộp bản gốc, đối chiếu giấy tờ hoặc nhận kết quả.",
        f"Submit online on the National Public Service Portal ({PORTAL}) or VNeID, then go to "
        f"{office} to hand in originals, have papers checked or collect the result.",
    )


def details_html(proc: dict) -> str:
    """Everything about one procedure: the facts as a table, then the documents as a list."""
    online = (
        _ui.tr("Toàn trình (làm trọn trực tuyến)", "Fully online")
        if proc["muc_do"] == FULLY_ONLINE
        else _ui.tr("Một phần (phải đến nơi giải quyết)", "Partly online (one visit needed)")
    )
    level = (
        _ui.tr("cấp xã", "commune")
        if proc["cap_giai_quyet"] == "xã"
        else _ui.tr("cấp tỉnh", "province")
    )
    rows = [
        (_ui.tr("Lệ phí", "Fee"), fee_text(proc["le_phi"])),
        (
            _ui.tr("Thời hạn giải quyết", "Processing time"),
            _ui.tr(
                f"{proc['thoi_han_ngay']} ngày làm việc (minh hoạ)",
                f"{proc['thoi_han_ngay']} working days (illustrative)",
            ),
        ),
        (_ui.tr("Mức trực tuyến", "Online level"), online),
        (_ui.tr("Cơ quan giải quyết", "Decided at"), level),
        (
            _ui.tr("Tài khoản cần có", "Account needed"),
            _ui.tr(
                f"Tài khoản định danh điện tử VNeID mức {proc['muc_vneid']}",
                f"VNeID electronic identity account, level {proc['muc_vneid']}",
            ),
        ),
        (_ui.tr("Nơi nộp", "Where to submit"), where_text(proc)),
    ]
    docs = "".join(f"<li>{html.escape(doc)}</li>" for doc in proc["giay_to"])
    return (
        f"<h3 style='margin:6px 0'>{html.escape(procedure_name(proc))}</h3>"
        + _ui.table_html(rows, (_ui.tr("Mục", "Item"), _ui.tr("Thông tin", "Details")))
        + f"<p style='margin:6px 0 2px'><b>{_ui.tr('Giấy tờ cần có', 'Documents needed')} "
        f"({len(proc['giay_to'])}):</b></p><ol style='margin:0'>{docs}</ol>"
    )


def field_label(field: str) -> str:
    return _ui.tr(TEN_TRUONG[field], EN_FIELDS[field])


def error_text(field: str, message: str) -> str:
    return _ui.tr(message, EN_RULES.get(field, message))


class App:
    FIRST_ACTION = ("select", "Chuyển chỗ ở: Đăng ký thường trú")

    def __init__(self):
        self.FIRST_ACTION = ("select", option_label(procedure("TR")))  # in the page's language
        procs = catalogue()
        self.note = widgets.HTML(
            "<div class='minh-hoa'>"
            + html.escape(
                _ui.tr(
                    f"Danh mục {NOTE}: lệ phí, thời hạn và giấy tờ chỉ để học. Xem thông tin "
                    "chính thức trên Cổng Dịch vụ công quốc gia.",
                    "Illustrative catalogue, not the official one: fees, times and documents are "
                    "for learning only. See the National Public Service Portal for official data.",
                )
            )
            + "</div>",
            layout=_ui.layout(),
        )
        self.event = widgets.Dropdown(
            options=[(option_label(p), p["ma_thu_tuc"]) for p in procs],
            value=procs[0]["ma_thu_tuc"],
            description=_ui.tr("Sự kiện", "Event"),
            layout=_ui.layout(),
        )
        self.details = widgets.HTML(layout=_ui.layout())

        self.checklist = widgets.VBox(layout=_ui.layout())
        self.checklist.add_class("thu-tuc-giay-to")
        self.checklist_summary = widgets.HTML(layout=_ui.layout())
        self._documents: list[tuple[str, widgets.Checkbox]] = []

        self.fields = {
            field: widgets.Text(
                description=field_label(field),
                placeholder=_ui.tr(*PLACEHOLDERS[field]),
                continuous_update=True,  # check on every keystroke
                layout=_ui.layout(),
                style={"description_width": "initial"},
            )
            for field in FORM_FIELDS
        }
        self.form_status = widgets.HTML(layout=_ui.layout())
        self.submit = widgets.Button(
            description=_ui.tr("Nộp thử", "Try submitting"),
            button_style="primary",
            icon="paper-plane",
            layout=_ui.layout(width="auto"),
        )
        self.receipt = widgets.HTML(layout=_ui.layout())
        self._receipts = 0  # numbers the trial receipts of this page; nothing else is kept

        self.first = self.event
        self.first_result = self.details
        _ui.mark_first(self.first, self.first_result)

        self.event.observe(self._event_changed, names="value")
        for box in self.fields.values():
            box.observe(self._form_changed, names="value")
        self.submit.on_click(self._submit)
        self._show_event(self.event.value)

        heading = "<h3 style='margin:10px 0 4px'>{}</h3>"
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                "Chọn một việc trong đời để xem cần giấy tờ gì, lệ phí, thời hạn, nộp ở đâu; "
                "đánh dấu giấy tờ đã có và nộp thử một tờ khai.",
                "Pick a life event to see the documents, fee, time and where to submit; tick "
                "the documents you have and try a mock form.",
            ),
            self.note,
            self.event,
            self.details,
            widgets.HTML(
                CHECKLIST_STYLE
                + heading.format(_ui.tr("Danh sách kiểm tra giấy tờ", "Document checklist")),
                layout=_ui.layout(),
            ),
            self.checklist,
            self.checklist_summary,
            widgets.HTML(
                heading.format(_ui.tr("Tờ khai nộp thử", "Mock application form"))
                + "<p style='margin:0'>"
                + html.escape(
                    _ui.tr(
                        "Chỉ để tập: không gửi đi đâu, không lưu lại. Dùng dữ liệu giả, "
                        "không nhập số CCCD thật.",
                        "Practice only: nothing is sent or saved. Use made-up data, never a "
                        "real ID number.",
                    )
                )
                + "</p>",
                layout=_ui.layout(),
            ),
            *self.fields.values(),
            self.form_status,
            self.submit,
            self.receipt,
        )

    # --- the chosen procedure -------------------------------------------------------------

    @property
    def procedure(self) -> dict:
        return procedure(self.event.value)

    def _event_changed(self, change) -> None:
        self._show_event(change["new"])

    def _show_event(self, code: str) -> None:
        proc = procedure(code)
        self.details.value = details_html(proc)
        self._documents = []
        for doc in proc["giay_to"]:
            box = widgets.Checkbox(value=False, description=doc, indent=False, layout=_ui.layout())
            box.observe(self._form_changed, names="value")
            self._documents.append((doc, box))
        self.checklist.children = [box for _, box in self._documents]
        self._form_changed()

    # --- checklist and form ----------------------------------------------------------------

    def ticked(self) -> list[str]:
        return [doc for doc, box in self._documents if box.value]

    def dossier(self) -> dict:
        """The form as the module 04 validator reads it (built on demand, never stored)."""
        values = {field: box.value for field, box in self.fields.items()}
        return {**values, "ma_thu_tuc": self.event.value, "giay_to": self.ticked()}

    def _form_changed(self, _change=None) -> None:
        have, need = len(self.ticked()), len(self._documents)
        if have == need:
            summary = _ui.tr(
                f"✅ Đã đủ {have}/{need} giấy tờ.", f"✅ All documents ready: {have}/{need}."
            )
            colour = "tot"
        else:
            summary = _ui.tr(
                f"Đã có {have}/{need} giấy tờ: còn thiếu {need - have}.",
                f"{have}/{need} documents ready: {need - have} missing.",
            )
            colour = "xau"
        self.checklist_summary.value = f"<b class='{colour}'>{html.escape(summary)}</b>"
        self.form_status.value = self._status_html(kiem_tra_ho_so(self.dossier()))
        self.receipt.value = ""  # a receipt belongs to the form as it was when submitted

    def _status_html(self, errors: dict[str, str]) -> str:
        """One line per field: not filled yet (grey), wrong (red, why) or right (green)."""
        lines = []
        for field in FORM_FIELDS:
            label = html.escape(field_label(field))
            if not self.fields[field].value.strip():
                text = _ui.tr("chưa nhập", "not filled in yet")
                lines.append(f"<li style='color:#666'>○ {label}: {text}</li>")
            elif field in errors:
                text = html.escape(error_text(field, errors[field]))
                lines.append(f"<li class='xau'>✗ {label}: {text}</li>")
            else:
                lines.append(f"<li class='tot'>✓ {label}</li>")
        return f"<ul style='list-style:none;padding-left:0;margin:4px 0'>{''.join(lines)}</ul>"

    def _submit(self, _button=None) -> None:
        errors = kiem_tra_ho_so(self.dossier())
        if errors:
            items = "".join(
                f"<li><b>{html.escape(field_label(f))}</b>: {html.escape(error_text(f, m))}</li>"
                for f, m in errors.items()
            )
            title = _ui.tr(
                f"❌ Chưa nộp được: hồ sơ còn {len(errors)} lỗi.",
                f"❌ Not submitted: the form has {len(errors)} problem(s).",
            )
            self.receipt.value = (
                f"<div class='xau'><b>{html.escape(title)}</b><ul style='margin:2px 0'>"
                f"{items}</ul></div>"
            )
            return
        self._receipts += 1
        code = f"THU-{self.event.value}-{self._receipts:04d}"
        name = html.escape(procedure_name(self.procedure))
        self.receipt.value = (
            f"<div class='tot'><b>{_ui.tr('✅ Đã nộp thử', '✅ Trial submission accepted')}</b>"
            f" — {name}<br>{_ui.tr('Mã biên nhận thử', 'Trial receipt code')}: <b>{code}</b><br>"
            + html.escape(
                _ui.tr(
                    "Đây chỉ là bài tập: không có gì được gửi đi, mã này không có giá trị. "
                    "Hồ sơ thật nộp trên Cổng Dịch vụ công quốc gia hoặc VNeID.",
                    "Practice only: nothing was sent and this code is worthless. Real dossiers "
                    "go through the National Public Service Portal or VNeID.",
                )
            )
            + "</div>"
        )
