"""Digital competence self-assessment: two statements per domain, a level each, a learning path.

Domains and level names come from ``curriculum/competences.toml`` (Thông tư 02/2025, which mirrors
DigComp 2.2 for domains 1–5); the recommended modules come from ``curriculum/syllabus.toml``, so a
change of syllabus changes the advice without touching this file.

The four answers follow DigComp's proficiency wording: "with help" is Foundation (levels 1–2),
"on my own" Intermediate (3–4), "guiding others" Advanced (5–6). The sum of a domain's two answers
(0–6) is therefore its level; levels 7–8 (highly specialised) are beyond a self-assessment.
"""

from __future__ import annotations

import html
import textwrap

import ipywidgets as widgets

from workbench import curriculum
from workbench.apps import _ui
from workbench.apps import app as app_info

info = app_info("tu_danh_gia")

SCALE = (
    ("Chưa làm được", "Not yet"),
    ("Làm được khi có người giúp", "With help"),
    ("Tự làm được", "On my own"),
    ("Hướng dẫn được người khác", "Can guide others"),
)
WEAK_BELOW = 3  # below Intermediate 1: cannot yet do it on one's own

# Two everyday statements per domain of Thông tư 02/2025, keyed by the domain code.
STATEMENTS = {
    "1": (
        (
            "Tìm được thông tin cần trên mạng (lịch tiêm chủng, giá nông sản…) và biết trang nào "
            "là trang chính thức.",
            "I can find what I need online (a vaccination schedule, crop prices…) and tell which "
            "site is official.",
        ),
        (
            "Lưu, đặt tên và tìm lại tệp, ảnh, giấy tờ trên điện thoại hoặc máy tính.",
            "I can save, name and find again files, photos and documents on a phone or computer.",
        ),
    ),
    "2": (
        (
            "Nộp hồ sơ trên Cổng dịch vụ công hoặc làm thủ tục bằng VNeID.",
            "I can file an application on the public services portal or through VNeID.",
        ),
        (
            "Dùng Zalo, thư điện tử hoặc họp trực tuyến để trao đổi và gửi tài liệu cho người khác.",
            "I can use Zalo, e-mail or online meetings to talk and share documents with others.",
        ),
    ),
    "3": (
        (
            "Soạn một văn bản, bảng tính hoặc bài đăng có ảnh rồi gửi đi.",
            "I can write a document, a spreadsheet or a post with photos and send it.",
        ),
        (
            "Biết ảnh, bài viết trên mạng có bản quyền và ghi nguồn khi dùng lại.",
            "I know online photos and texts have copyright, and I credit the source when reusing.",
        ),
    ),
    "4": (
        (
            "Đặt mật khẩu mạnh, bật xác thực hai bước và nhận ra tin nhắn lừa đảo.",
            "I can set strong passwords, turn on two-step verification and spot scam messages.",
        ),
        (
            "Giữ kín thông tin cá nhân: không gửi ảnh căn cước, mã OTP cho người lạ; chỉnh quyền "
            "riêng tư của tài khoản.",
            "I keep personal data private: no ID photos or OTP codes to strangers; I set account "
            "privacy.",
        ),
    ),
    "5": (
        (
            "Tự xử lý lỗi thường gặp: mất mạng, đầy bộ nhớ, ứng dụng không mở được.",
            "I can fix common problems: no connection, full storage, an app that will not open.",
        ),
        (
            "Chọn được ứng dụng, công cụ số hợp với việc mình cần (bán hàng, ghi sổ, học tập).",
            "I can choose an app or digital tool that fits a task (selling, bookkeeping, learning).",
        ),
    ),
    "6": (
        (
            "Dùng trợ lý trí tuệ nhân tạo (chatbot) để hỏi, tóm tắt hoặc viết nháp văn bản.",
            "I can use an AI assistant (chatbot) to ask, summarise or draft a text.",
        ),
        (
            "Kiểm tra lại câu trả lời của AI và không đưa thông tin cá nhân, tài liệu mật vào AI.",
            "I check AI answers and never give an AI personal data or confidential documents.",
        ),
    ),
}


def level_of(answers) -> int | None:
    """A domain's level (0–6) from its answers (0–3 each); None until every one is answered."""
    return None if None in answers else sum(answers)


def domain_of(code: str) -> str:
    return code.split(".")[0]


def recommend(syllabus, track_id: str, weak: set[str]) -> list:
    """The track's modules, in syllabus order, that teach a competence of a weak domain."""
    track = syllabus.track(track_id)
    return [
        m
        for m in syllabus.modules
        if m.id in track.modules and any(domain_of(c) in weak for c in m.competences)
    ]


def most_advanced(syllabus, track_id: str) -> list:
    track = syllabus.track(track_id)
    modules = [m for m in syllabus.modules if m.id in track.modules]
    top = max((m.level for m in modules), default=0)
    return [m for m in modules if m.level == top]


class App:
    FIRST_ACTION = ("select", "Tự làm được")

    def __init__(self):
        frameworks = curriculum.competences()
        self.domains = {code: (d["vi"], d["en"]) for code, d in frameworks["domains"].items()}
        self.levels = {int(n): (lv["vi"], lv["en"]) for n, lv in frameworks["levels"].items()}
        self.syllabus = curriculum.load()
        self._quiet = False

        options = [(_ui.tr(*s), n) for n, s in enumerate(SCALE)]
        self.questions: dict[str, list[widgets.RadioButtons]] = {}
        form = []
        for code in self.domains:
            form.append(widgets.HTML(f"<h3 style='margin:10px 0 2px'>{self.domain(code)}</h3>"))
            self.questions[code] = []
            for statement in STATEMENTS[code]:
                control = widgets.RadioButtons(options=options, value=None, layout=_ui.layout())
                control.observe(self.update, names="value")
                form += [
                    widgets.HTML(html.escape(_ui.tr(*statement)), layout=_ui.layout()),
                    control,
                ]
                self.questions[code].append(control)

        self.track = widgets.Dropdown(
            options=[(_ui.tr(t.title["vi"], t.title["en"]), t.id) for t in self.syllabus.tracks],
            description=_ui.tr("Bạn là", "You are"),
            layout=_ui.layout(),
        )
        self.track.observe(self.update, names="value")
        self.restart = widgets.Button(
            description=_ui.tr("Làm lại từ đầu", "Start again"), icon="undo", layout=_ui.layout()
        )
        self.restart.on_click(self.clear)
        self.summary = widgets.HTML(layout=_ui.layout())
        self.advice = widgets.HTML(layout=_ui.layout())
        self.chart = widgets.Image(format="png", layout=_ui.layout(height="auto"))

        self.first, self.first_result = self.questions[next(iter(self.questions))][0], self.summary
        _ui.mark_first(self.first, self.first_result)
        self.update()
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                "Với mỗi câu, chọn mức đúng với bạn nhất. Không có đúng sai; kết quả không được "
                "lưu lại.",
                "For each statement pick what fits you best. There is no right or wrong; nothing "
                "is stored.",
            ),
            *form,
            widgets.HTML(
                f"<h3 style='margin:10px 0 2px'>{html.escape(_ui.tr('Kết quả', 'Results'))}</h3>"
            ),
            self.summary,
            self.chart,
            self.track,
            self.advice,
            self.restart,
        )

    # State ---------------------------------------------------------------------------------

    def answers(self, code: str) -> list[int | None]:
        return [q.value for q in self.questions[code]]

    @property
    def domain_levels(self) -> dict[str, int | None]:
        return {code: level_of(self.answers(code)) for code in self.domains}

    @property
    def weak(self) -> set[str]:
        return {
            c for c, level in self.domain_levels.items() if level is not None and level < WEAK_BELOW
        }

    def domain(self, code: str) -> str:
        return html.escape(f"{code}. {_ui.tr(*self.domains[code])}")

    def level_name(self, level: int) -> str:
        if level == 0:
            return _ui.tr(f"Chưa đạt {self.levels[1][0]}", f"Below {self.levels[1][1]}")
        return _ui.tr(*self.levels[level])

    def clear(self, _button=None) -> None:
        self._quiet = True
        try:
            for controls in self.questions.values():
                for control in controls:
                    control.value = None
        finally:
            self._quiet = False
        self.update()

    # Views ---------------------------------------------------------------------------------

    def update(self, _change=None) -> None:
        if self._quiet:
            return
        levels = self.domain_levels
        self.summary.value = self.summary_html(levels)
        self.advice.value = self.advice_html(levels)
        if all(level is None for level in levels.values()):
            self.chart.value, self.chart.layout.display = b"", "none"  # nothing to draw yet
            return
        _ui.redraw(self.chart, lambda ax: self.draw(ax, levels), height=3.8)
        self.chart.layout.display = None

    def summary_html(self, levels) -> str:
        total = sum(len(q) for q in self.questions.values())
        done = sum(q.value is not None for qs in self.questions.values() for q in qs)
        weak = self.level_name(WEAK_BELOW)
        rows = []
        for code, level in levels.items():
            if level is None:
                shown, css = _ui.tr("chưa trả lời đủ", "not answered yet"), ""
            else:
                shown, css = self.level_name(level), "xau" if level < WEAK_BELOW else "tot"
            rows.append(
                f"<tr><td>{self.domain(code)}</td><td class='{css}'>{html.escape(shown)}</td></tr>"
            )
        return (
            "<p>"
            + html.escape(
                _ui.tr(
                    f"Đã trả lời {done}/{total} câu. Lĩnh vực dưới mức {weak} được tô đỏ: nên học thêm.",
                    f"{done}/{total} answered. Domains below {weak} are in red: worth studying.",
                )
            )
            + "</p><table><thead><tr>"
            + f"<th>{html.escape(_ui.tr('Lĩnh vực', 'Domain'))}</th>"
            + f"<th>{html.escape(_ui.tr('Mức', 'Level'))}</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
        )

    def advice_html(self, levels) -> str:
        track = self.track.value
        answered = [c for c, level in levels.items() if level is not None]
        if not answered:
            return (
                "<p>"
                + html.escape(
                    _ui.tr(
                        "Trả lời đủ hai câu của một lĩnh vực để xem các học phần nên học.",
                        "Answer both statements of a domain to see which modules to take.",
                    )
                )
                + "</p>"
            )
        weak = self.weak
        if weak:
            modules = recommend(self.syllabus, track, weak)
            head = _ui.tr("Nên học các học phần sau, theo thứ tự:", "Take these modules, in order:")
            uncovered = sorted(
                c
                for c in weak
                if not any(domain_of(k) == c for m in modules for k in m.competences)
            )
            note = ""
            if uncovered:
                names = ", ".join(self.domain(c) for c in uncovered)
                note = (
                    "<p>"
                    + html.escape(
                        _ui.tr(
                            "Khoá học chưa có học phần cho lĩnh vực: ",
                            "The course has no module yet for: ",
                        )
                    )
                    + names
                    + html.escape(
                        _ui.tr(
                            ". Hãy hỏi giảng viên tài liệu phù hợp.",
                            ". Ask your trainer for suitable material.",
                        )
                    )
                    + "</p>"
                )
            return (self.modules_html(head, modules, track, weak) if modules else "") + note
        if len(answered) < len(levels):
            return (
                "<p>"
                + html.escape(
                    _ui.tr(
                        "Chưa thấy lĩnh vực nào cần học thêm; trả lời nốt các câu còn lại.",
                        "No weak domain so far; answer the remaining statements.",
                    )
                )
                + "</p>"
            )
        if min(levels.values()) >= 5:  # "guiding others" everywhere: Advanced
            head = _ui.tr(
                "Bạn hướng dẫn được người khác ở mọi lĩnh vực: hãy cùng giảng viên kèm người mới "
                "tại điểm học của xã, phường mình. Để ôn lại, đây là các học phần nâng cao nhất "
                "của lộ trình:",
                "You can guide others in every domain: help your trainer coach beginners at your "
                "commune's learning point. To revise, the track's most advanced modules:",
            )
        else:
            head = _ui.tr(
                "Bạn tự làm được ở mọi lĩnh vực. Hãy thử các học phần nâng cao nhất của lộ trình:",
                "You manage every domain on your own. Try the track's most advanced modules:",
            )
        return self.modules_html(head, most_advanced(self.syllabus, track), track, set())

    def modules_html(self, head: str, modules, track: str, weak: set[str]) -> str:
        items = []
        for m in modules:
            codes = ", ".join(
                c if domain_of(c) not in weak else f"<b>{c}</b>" for c in m.competences
            )
            minutes = m.minutes_for(track)
            items.append(
                f"<li data-module='{m.id}'><b>{html.escape(_ui.tr(m.title['vi'], m.title['en']))}"
                f"</b> ({m.id}) · {minutes} {html.escape(_ui.tr('phút', 'min'))} · "
                f"{html.escape(_ui.tr('năng lực', 'competences'))} {codes}</li>"
            )
        total = sum(m.minutes_for(track) for m in modules)
        foot = _ui.tr(
            f"Tổng thời gian: {total} phút (khoảng {_ui.number(total / 60, 1)} giờ).",
            f"Total time: {total} minutes (about {total / 60:.1f} hours).",
        )
        return f"<p>{html.escape(head)}</p><ol>{''.join(items)}</ol><p>{html.escape(foot)}</p>"

    def draw(self, ax, levels) -> None:
        codes = list(levels)[::-1]  # domain 1 on top
        names = [textwrap.fill(f"{c}. {_ui.tr(*self.domains[c])}", 24) for c in codes]
        values = [levels[c] or 0 for c in codes]
        colours = [
            "#bbbbbb" if levels[c] is None else "#b3261e" if levels[c] < WEAK_BELOW else "#1b7f3b"
            for c in codes
        ]
        ax.barh(names, values, color=colours)
        for y, c in enumerate(codes):
            if levels[c] is None:
                ax.text(0.1, y, _ui.tr("chưa trả lời", "not answered"), va="center", color="#777")
            elif levels[c] == 0:
                ax.text(
                    0.1, y, _ui.tr("chưa đạt mức 1", "below level 1"), va="center", color="#b3261e"
                )
        ax.axvline(WEAK_BELOW, color="#555", linestyle="--", linewidth=1)
        ax.set_xlim(0, max(self.levels))
        ax.set_xticks(range(0, max(self.levels) + 1))
        ax.set_xlabel(_ui.tr("Mức (1–8)", "Level (1–8)"))
        ax.tick_params(axis="y", labelsize="small")
        ax.spines[["top", "right"]].set_visible(False)
