"""Spot the scam: a deck of messages, one at a time; the learner says "Lừa đảo" or "Tin thật",
sees whether that was right and why (each sign explained), and gets a score.

The messages, their labels and explanations come from the module 06 data
(``workbench.datasets.m06``) and the signs from ``graders.m06.lua_dao``: one source for the
lessons and the app. Every sender, bank (the invented "DaQuyBank") and link there is made up.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from graders.m06.lua_dao import DAU_HIEU
from workbench.apps import _ui
from workbench.apps import app as app_info
from workbench.datasets.m06 import SCAM, messages, signs_of

info = app_info("lua_dao")

# A fixed order, scams and genuine messages mixed; the only links are to the invented DaQuyBank
# look-alikes. Genuine messages that use scary words (OTP, khóa thẻ, chuyển khoản) are the test.
DECK_CODES = (
    "T01", "T10", "T03", "T08", "T07", "T16", "T09", "T14", "T15", "T28", "T33", "T38",
)  # fmt: skip

EN_SIGNS = {
    "link_la": (
        "Strange link",
        "A link to a domain that is not the agency's or the bank's (odd endings like .top, .xyz, "
        ".vip, .cc; extra words like -xacthuc; starting with xn--).",
    ),
    "yeu_cau_otp": (
        "Asks for an OTP or password",
        "OTP codes and passwords are for you alone. Banks, police and couriers never ask for them.",
    ),
    "gap_gap": (
        "Urgency, threats",
        "Threats to lock an account, cut power or arrest you, deadlines of a few hours: so you "
        "have no time to think or ask anyone.",
    ),
    "chuyen_tien": (
        "Asks for money",
        "Transfer money, pay a fee, top up, move money to a “holding account” or “send back a "
        "mistaken transfer”.",
    ),
    "cai_ung_dung": (
        "Asks you to install an app",
        "An app from a link or file in a message (not CH Play or the App Store) can read your OTP "
        "and control the phone.",
    ),
    "qua_hap_dan": (
        "Too good to be true",
        "A prize you never entered for, gifts, easy jobs with high pay, high interest, easy loans.",
    ),
    "gia_danh": (
        "Impersonates an agency",
        "Claims to be police, a bank, the power company, the tax office… but uses an unknown "
        "number, Zalo or Facebook. State agencies invite you in writing, to their office.",
    ),
    "thong_tin_ca_nhan": (
        "Asks for personal data",
        "Photos of your ID card or face, card or account numbers: enough to open accounts or "
        "borrow money in your name.",
    ),
}
EN_EXPLANATIONS = {
    "T01": "Banks do not send links asking you to update or log in. daquybank-xacthuc.top is not "
    "daquybank.com.vn even though it contains “daquybank”. Fake base stations can make the SMS "
    "appear under the bank's name, next to real ones.",
    "T10": "An ordinary message from family: no money, no link, no code.",
    "T03": "Police do not work by phone and never ask you to move money to a “holding account”. "
    "Being told to keep it secret is a trick so that you cannot think twice.",
    "T08": "A receipt for a dossier you submitted: no money, no code, and only a .gov.vn site.",
    "T07": "A code sent to your phone is for you alone. A courier never needs it; reading it out "
    "hands over your bank, Zalo or wallet account.",
    "T16": "A warning from the bank reminding you never to give a password or OTP. It mentions "
    "“OTP” and “password” but asks for nothing.",
    "T09": "A friend's account may have been taken over. Urgent money and “don't call” are clear "
    "signs. Call the number you already saved and ask the person directly.",
    "T14": "An invitation to a public place for help in person: no link, no money, no code. It "
    "mentions installing and ID cards but it is not a scam.",
    "T15": "Read the domain from right to left: it ends in baomat-tk.top, not daquybank.com.vn. "
    "“daquybank.com.vn” at the start is only there to fool the eye.",
    "T28": "You called the number printed on your card; the staff ask for no code or password and "
    "invite you to a branch. It says “card locked” and “ID card” but it is not a scam.",
    "T33": "Bank staff never ask for your card number and OTP. An expired card is replaced at "
    "the counter.",
    "T38": "Someone you know about a delivery; you choose to pay for what you bought. It says "
    "“transfer” but it is not a scam.",
}
CHANNELS_EN = {"cuộc gọi": "phone call", "thông báo trong ứng dụng": "in-app notice"}


def deck() -> list[dict]:
    by_code = {m["ma"]: m for m in messages()}
    return [by_code[code] for code in DECK_CODES]


def is_scam(message: dict) -> bool:
    return message["nhan"] == SCAM


def label(scam: bool) -> str:
    return _ui.tr("Lừa đảo", "Scam") if scam else _ui.tr("Tin thật", "Genuine")


def shorten(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def message_html(message: dict) -> str:
    channel = _ui.tr(message["kenh"], CHANNELS_EN.get(message["kenh"], message["kenh"]))
    return (
        "<div style='border:1px solid #ccc;border-radius:10px;padding:8px 10px;"
        "background:#f5f9ff;margin:4px 0'>"
        f"<div style='color:#555;font-size:90%'>{html.escape(channel)} · "
        f"{_ui.tr('Người gửi', 'From')}: {html.escape(message['nguoi_gui'])}</div>"
        f"<div style='margin-top:4px'>{html.escape(message['noi_dung'])}</div></div>"
    )


def verdict_html(message: dict, said_scam: bool) -> str:
    """Right or wrong, the true answer, why, and each sign with what it means."""
    right = said_scam == is_scam(message)
    answer = label(is_scam(message))
    head = (
        _ui.tr(f"✅ Đúng! Đây là: {answer}.", f"✅ Right! This is: {answer}.")
        if right
        else _ui.tr(f"❌ Chưa đúng. Đây là: {answer}.", f"❌ Not quite. This is: {answer}.")
    )
    why = _ui.tr(message["giai_thich"], EN_EXPLANATIONS.get(message["ma"], message["giai_thich"]))
    signs = signs_of(message)
    if signs:
        items = "".join(
            f"<li><b>{html.escape(name)}</b>: {html.escape(text)}</li>"
            for name, text in (_ui.tr(DAU_HIEU[s], EN_SIGNS[s]) for s in signs)
        )
        sign_part = f"<b>{_ui.tr('Dấu hiệu', 'Signs')}:</b><ul style='margin:2px 0'>{items}</ul>"
    else:
        sign_part = "<b>{}</b>".format(
            _ui.tr("Không có dấu hiệu lừa đảo nào.", "No scam sign at all.")
        )
    return (
        f"<div class='{'tot' if right else 'xau'}'><b>{html.escape(head)}</b></div>"
        f"<p style='margin:4px 0'>{html.escape(why)}</p>{sign_part}"
    )


class App:
    FIRST_ACTION = ("click",)

    def __init__(self):
        self.deck = deck()
        self.position = 0  # the message on screen
        self.answers: list[bool] = []  # True: the learner said "scam", one per message answered
        self.progress = widgets.HTML(layout=_ui.layout())
        self.card = widgets.HTML(layout=_ui.layout())
        self.scam_button = widgets.Button(
            description=label(True),
            button_style="danger",
            layout=_ui.layout(width="auto", margin="0 8px 4px 0"),
        )
        self.genuine_button = widgets.Button(
            description=label(False), button_style="success", layout=_ui.layout(width="auto")
        )
        self.verdict = widgets.HTML(layout=_ui.layout())
        self.next_button = widgets.Button(
            description=_ui.tr("Tin tiếp theo", "Next message"),
            icon="arrow-right",
            layout=_ui.layout(width="auto"),
        )
        self.summary = widgets.HTML(layout=_ui.layout())
        self.restart_button = widgets.Button(
            description=_ui.tr("Làm lại từ đầu", "Start again"),
            icon="refresh",
            layout=_ui.layout(width="auto"),
        )

        self.first = self.scam_button
        self.first_result = self.verdict
        _ui.mark_first(self.first, self.first_result)

        self.scam_button.on_click(lambda _: self.answer(True))
        self.genuine_button.on_click(lambda _: self.answer(False))
        self.next_button.on_click(lambda _: self.next())
        self.restart_button.on_click(lambda _: self.restart())

        self.quiz = widgets.VBox(
            [
                self.card,
                widgets.HBox(
                    [self.scam_button, self.genuine_button],
                    layout=_ui.layout(flex_flow="row wrap"),
                ),
                self.verdict,
                self.next_button,
            ],
            layout=_ui.layout(),
        )
        self.end = widgets.VBox([self.summary, self.restart_button], layout=_ui.layout())
        self.restart()
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                f"{len(self.deck)} tin nhắn, cuộc gọi giả lập: tin nào là lừa đảo, tin nào là tin "
                "thật? Mọi tên người gửi, ngân hàng (DaQuyBank) và đường link đều là bịa.",
                f"{len(self.deck)} made-up messages and calls, shown in Vietnamese as people "
                "receive them: which are scams? Every sender, bank (DaQuyBank) and link is "
                "invented.",
            ),
            self.progress,
            self.quiz,
            self.end,
        )

    # --- state --------------------------------------------------------------------------

    @property
    def score(self) -> int:
        return sum(said == is_scam(m) for said, m in zip(self.answers, self.deck, strict=False))

    def answer(self, said_scam: bool) -> None:
        if len(self.answers) > self.position:
            return  # this message is answered: "Tin tiếp theo" comes next
        self.answers.append(said_scam)
        self.verdict.value = verdict_html(self.deck[self.position], said_scam)
        self.scam_button.disabled = self.genuine_button.disabled = True
        self.next_button.disabled = False
        if self.position == len(self.deck) - 1:
            self.next_button.description = _ui.tr("Xem kết quả", "See my result")
        self._show_progress()

    def next(self) -> None:
        if len(self.answers) <= self.position:
            return  # answer first
        if self.position == len(self.deck) - 1:
            self._show_summary()
        else:
            self.position += 1
            self._show_message()

    def restart(self) -> None:
        self.position, self.answers = 0, []
        self.next_button.description = _ui.tr("Tin tiếp theo", "Next message")
        self.quiz.layout.display = None
        self.end.layout.display = "none"
        self.summary.value = ""
        self._show_message()

    # --- drawing ------------------------------------------------------------------------

    def _show_progress(self) -> None:
        n, score, answered = len(self.deck), self.score, len(self.answers)
        self.progress.value = "<b>{}</b>".format(
            _ui.tr(
                f"Tin {self.position + 1}/{n} · Điểm: {score}/{answered}",
                f"Message {self.position + 1}/{n} · Score: {score}/{answered}",
            )
        )

    def _show_message(self) -> None:
        self.card.value = message_html(self.deck[self.position])
        self.verdict.value = html.escape(
            _ui.tr(
                "Bạn nghĩ sao? Bấm “Lừa đảo” hoặc “Tin thật”.",
                "What do you think? Press “Scam” or “Genuine”.",
            )
        )
        self.scam_button.disabled = self.genuine_button.disabled = False
        self.next_button.disabled = True
        self._show_progress()

    def _show_summary(self) -> None:
        total, score = len(self.deck), self.score
        if score == total:
            praise = _ui.tr("Xuất sắc: không bỏ sót tin nào!", "Excellent: not one slipped by!")
        elif score >= total * 0.75:
            praise = _ui.tr(
                "Khá tốt. Xem lại các tin dưới đây.", "Quite good. Look again at these."
            )
        else:
            praise = _ui.tr(
                "Cần luyện thêm: đọc lại các dấu hiệu và thử lại.",
                "Keep practising: read the signs again and retry.",
            )
        missed = [
            (m["nguoi_gui"], shorten(m["noi_dung"]), label(is_scam(m)))
            for said, m in zip(self.answers, self.deck, strict=False)
            if said != is_scam(m)
        ]
        table = (
            _ui.table_html(
                missed,
                (_ui.tr("Người gửi", "From"), _ui.tr("Tin", "Message"), _ui.tr("Đáp án", "Answer")),
            )
            if missed
            else ""
        )
        self.summary.value = "<h3 style='margin:6px 0'>{}</h3><p>{}</p>{}".format(
            html.escape(
                _ui.tr(f"Kết quả: {score}/{total} tin đúng", f"Result: {score}/{total} right")
            ),
            html.escape(praise),
            table,
        ) + "<p>{}</p>".format(
            html.escape(
                _ui.tr(
                    "Nhớ: không bấm link lạ, không đọc mã OTP cho ai, gọi lại số bạn đã lưu "
                    "để hỏi. Nghi lừa đảo: báo công an nơi gần nhất.",
                    "Remember: no strange links, never read an OTP to anyone, call back a "
                    "number you saved. Suspect a scam: tell the nearest police station.",
                )
            )
        )
        self.quiz.layout.display = "none"
        self.end.layout.display = None
