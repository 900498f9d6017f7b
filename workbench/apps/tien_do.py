"""App 7, *Bảng theo dõi tiến độ*: progress read from the gradebook, for trainers and leaders.

Per unit (all 124, those with no learner yet included), per learner group and per competence code:
learners, labs passed out of labs required by each learner's track, learners who completed their
track, and the mean score. Filters by unit type, group and lab; Excel export of what is shown.

The numbers are the gradebook's saved scores (:mod:`graders.scores`, the same numbers as
nbgrader's ``Gradebook`` and ``hocvuso export``; a later submission that could not be graded does
not hide a saved grade) and the class roster kept with the course. A lab counts as *passed* at
≥ 50 % of its points, the threshold of the export's "Số bài đạt" column and of certificates.

Served with a preheated kernel, the app imports everything and builds its widgets before anyone
asks, then waits (``voila.utils.wait_for_request``) and reads the gradebook when the page is
opened: fast, and never stale.
"""

from __future__ import annotations

import datetime as dt
import html
import os

import ipywidgets as widgets
import pandas as pd

from graders.roster import GROUPS, load_saved_roster
from graders.scores import saved_scores
from workbench.apps import _ui
from workbench.apps import app as app_info

PASS = 0.5
ALL = "*"


def load(course) -> dict[str, pd.DataFrame]:
    """The tables behind the dashboard: ``learners`` (one row each) and ``labs`` (learner × lab)."""
    roster = load_saved_roster(course)
    saved = [r for r in saved_scores(course.db_url, course.syllabus.course_id) if r.max_score > 0]
    labs = pd.DataFrame(
        [
            {
                "ma_hoc_vien": r.student,
                "bai": r.lab,
                "ty_le": r.score / r.max_score,
                "ngay_nop": r.submitted,
            }
            for r in saved
        ],
        columns=["ma_hoc_vien", "bai", "ty_le", "ngay_nop"],
    )
    people = {}
    if roster:
        for learner in roster.learners.values():
            people[learner.id] = {
                "ma_hoc_vien": learner.id,
                "ho_ten": learner.name,
                "don_vi": learner.unit,
                "ten_don_vi": learner.unit_name,
                "nhom": learner.group,
                "lo_trinh": learner.track,
            }
    for student in labs["ma_hoc_vien"].unique():
        people.setdefault(
            student,
            {
                "ma_hoc_vien": student,
                "ho_ten": "",
                "don_vi": None,
                "ten_don_vi": "",
                "nhom": "",
                "lo_trinh": "",
            },
        )
    syllabus = course.syllabus
    required = {t.id: {a.id for a in syllabus.track_labs(t.id)} for t in syllabus.tracks}
    passed = labs[labs["ty_le"] >= PASS].groupby("ma_hoc_vien")["bai"].apply(set).to_dict()
    for person in people.values():
        need = required.get(person["lo_trinh"], set())
        person["bai_phai_lam"] = len(need)
        person["bai_dat"] = len(need & passed.get(person["ma_hoc_vien"], set()))
        person["hoan_thanh"] = bool(need) and person["bai_dat"] == len(need)
    learners = pd.DataFrame(
        list(people.values()),
        columns=[
            "ma_hoc_vien",
            "ho_ten",
            "don_vi",
            "ten_don_vi",
            "nhom",
            "lo_trinh",
            "bai_phai_lam",
            "bai_dat",
            "hoan_thanh",
        ],
    )
    return {"learners": learners, "labs": labs}


def _stats(learners: pd.DataFrame, labs: pd.DataFrame) -> dict:
    scores = labs[labs["ma_hoc_vien"].isin(learners["ma_hoc_vien"])]
    required = int(learners["bai_phai_lam"].sum())
    return {
        "so_hoc_vien": len(learners),
        "bai_dat": int(learners["bai_dat"].sum()),
        "bai_phai_lam": required,
        "ty_le_hoan_thanh": learners["bai_dat"].sum() / required if required else None,
        "hoan_thanh_lo_trinh": int(learners["hoan_thanh"].sum()),
        "diem_tb": scores["ty_le"].mean() if len(scores) else None,
    }


def tables(data: dict, unit_type: str = ALL, group: str = ALL, lab: str = ALL) -> dict:
    """Filtered summaries: ``tong`` (headline), ``don_vi`` (124 rows), ``nhom``, ``nang_luc``."""
    from workbench.curriculum import competences
    from workbench.curriculum import load as load_syllabus
    from workbench.data import units

    learners, labs = data["learners"], data["labs"]
    all_units = units()
    if unit_type != ALL:
        all_units = tuple(u for u in all_units if u["loai"] == unit_type)
        learners = learners[learners["don_vi"].isin({u["ma"] for u in all_units})]
    if group != ALL:
        learners = learners[learners["nhom"] == group]
    if lab != ALL:
        labs = labs[labs["bai"] == lab]
        learners = learners.assign(
            bai_phai_lam=1,
            bai_dat=learners["ma_hoc_vien"]
            .isin(labs.loc[labs["ty_le"] >= PASS, "ma_hoc_vien"])
            .astype(int),
        )
        learners = learners.assign(hoan_thanh=learners["bai_dat"] == 1)
    by_unit = []
    for unit in all_units:
        here = learners[learners["don_vi"] == unit["ma"]]
        by_unit.append(
            {"ma": unit["ma"], "ten": unit["ten"], "loai": unit["loai"]} | _stats(here, labs)
        )
    by_group = [
        {"nhom": label} | _stats(learners[learners["nhom"] == key], labs)
        for key, (label, _track) in GROUPS.items()
        if group in (ALL, key)
    ]
    syllabus = load_syllabus()
    names = competences()["components"]
    by_code = {}
    for assignment in syllabus.assignments:
        for code in assignment.module.competences:
            by_code.setdefault(code, set()).add(assignment.id)
    rows_code = []
    for code in sorted(by_code, key=lambda c: tuple(int(x) for x in c.split("."))):
        scores = labs[
            labs["bai"].isin(by_code[code]) & labs["ma_hoc_vien"].isin(learners["ma_hoc_vien"])
        ]
        rows_code.append(
            {
                "ma": code,
                "ten": names[code]["vi"] if _ui.tr("vi", "en") == "vi" else names[code]["en"],
                "so_hoc_vien": scores["ma_hoc_vien"].nunique(),
                "so_bai_da_cham": len(scores),
                "so_bai_dat": int((scores["ty_le"] >= PASS).sum()),
                "diem_tb": scores["ty_le"].mean() if len(scores) else None,
            }
        )
    total = _stats(learners, labs) | {
        "don_vi_co_hoc_vien": sum(1 for u in by_unit if u["so_hoc_vien"]),
        "so_don_vi": len(by_unit),
    }
    return {"tong": total, "don_vi": by_unit, "nhom": by_group, "nang_luc": rows_code}


def _pct(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{_ui.number(100 * value, 1)} %"


class App:
    FIRST_ACTION = ("select", "Nông dân")

    def __init__(self, course=None):
        from workbench.course import Course
        from workbench.data import units

        info = app_info("tien_do")
        self.course = course or Course()  # HOCVUSO_HOME, as `start` and `apps` set it
        types = sorted({u["loai"] for u in units()})
        self.group = widgets.Dropdown(
            options=[(_ui.tr("Mọi nhóm đối tượng", "All learner groups"), ALL)]
            + [(label, key) for key, (label, _t) in GROUPS.items()],
            description=_ui.tr("Nhóm", "Group"),
            layout=_ui.layout(),
        )
        self.unit_type = widgets.Dropdown(
            options=[(_ui.tr("Mọi loại đơn vị", "All unit types"), ALL)] + [(t, t) for t in types],
            description=_ui.tr("Đơn vị", "Units"),
            layout=_ui.layout(),
        )
        self.lab = widgets.Dropdown(
            options=[(_ui.tr("Mọi bài thực hành", "All labs"), ALL)]
            + [(a.id, a.id) for a in self.course.syllabus.assignments],
            description=_ui.tr("Bài", "Lab"),
            layout=_ui.layout(),
        )
        self.refresh = widgets.Button(
            description=_ui.tr("Đọc lại sổ điểm", "Reload the gradebook"), layout=_ui.layout()
        )
        self.summary = widgets.HTML(layout=_ui.layout())
        self.units_table = widgets.HTML(layout=_ui.layout(max_height="420px", overflow="auto"))
        self.groups_table = widgets.HTML(layout=_ui.layout())
        self.codes_table = widgets.HTML(layout=_ui.layout())
        self.download = widgets.HTML(layout=_ui.layout())
        self.chart = widgets.HTML(layout=_ui.layout())
        self.first, self.first_result = self.group, self.summary
        _ui.mark_first(self.first, self.first_result)
        for control in (self.group, self.unit_type, self.lab):
            control.observe(lambda _change: self.show(), names="value")
        self.refresh.on_click(lambda _button: self.reload())
        tabs = widgets.Tab(
            [self.units_table, self.groups_table, self.codes_table], layout=_ui.layout()
        )
        for index, title in enumerate(
            (
                _ui.tr("Theo đơn vị", "By unit"),
                _ui.tr("Theo nhóm", "By group"),
                _ui.tr("Theo năng lực", "By competence"),
            )
        ):
            tabs.set_title(index, title)
        self.view = _ui.page(
            _ui.tr(info.title, info.title_en),
            _ui.tr(
                "Số liệu đọc từ sổ điểm của khóa học; một bài đạt khi được từ 50 % số điểm.",
                "Figures read from the course gradebook; a lab is passed at 50 % of its points.",
            ),
            self.group,
            self.unit_type,
            self.lab,
            self.summary,
            self.chart,
            tabs,
            self.download,
            self.refresh,
        )
        if os.environ.get("VOILA_PREHEAT") == "True":
            from voila.utils import wait_for_request

            wait_for_request()  # preheated: read the gradebook when someone opens the page
        self.reload()

    def reload(self) -> None:
        self.data = load(self.course)
        self.loaded_at = dt.datetime.now()
        self.show()

    def show(self) -> None:
        t = tables(self.data, self.unit_type.value, self.group.value, self.lab.value)
        self.current = t
        total = t["tong"]
        note = ""
        if not len(self.data["labs"]):
            note = _ui.tr(
                "<p class='minh-hoa'>Chưa có bài nào được chấm trong sổ điểm này.</p>",
                "<p class='minh-hoa'>No lab has been graded in this gradebook yet.</p>",
            )
        elif self.data["learners"]["don_vi"].isna().all():
            note = _ui.tr(
                "<p class='minh-hoa'>Chưa có danh sách lớp: nạp bằng <code>hocvuso grade … "
                "--danh-sach lop.xlsx</code> để xem theo đơn vị và nhóm.</p>",
                "<p class='minh-hoa'>No class roster yet: load one with <code>hocvuso grade … "
                "--danh-sach lop.xlsx</code> to see units and groups.</p>",
            )
        scope = " · ".join(c.label for c in (self.group, self.unit_type, self.lab))
        self.summary.value = (
            note
            + f"<p>{_ui.tr('Đang xem', 'Showing')}: {scope}</p>"
            + "<ul class='tong'>"
            + f"<li>{_ui.tr('Học viên', 'Learners')}: <b>{total['so_hoc_vien']}</b></li>"
            + f"<li>{_ui.tr('Đơn vị có học viên', 'Units with learners')}: "
            f"<b>{total['don_vi_co_hoc_vien']}/{total['so_don_vi']}</b></li>"
            + f"<li>{_ui.tr('Bài đạt / bài phải làm', 'Labs passed / required')}: "
            f"<b>{total['bai_dat']}/{total['bai_phai_lam']}</b> "
            f"({_pct(total['ty_le_hoan_thanh'])})</li>"
            + f"<li>{_ui.tr('Hoàn thành lộ trình', 'Completed their track')}: "
            f"<b>{total['hoan_thanh_lo_trinh']}</b></li>"
            + f"<li>{_ui.tr('Điểm trung bình', 'Mean score')}: <b>{_pct(total['diem_tb'])}</b></li>"
            + "</ul>"
        )
        unit_cols = [
            _ui.tr(*h)
            for h in (
                ("Mã", "Code"),
                ("Đơn vị", "Unit"),
                ("Học viên", "Learners"),
                ("Bài đạt", "Passed"),
                ("Hoàn thành", "Completion"),
                ("Điểm TB", "Mean"),
            )
        ]
        self.units_table.value = _ui.table_html(
            (
                (
                    u["ma"],
                    u["ten"],
                    u["so_hoc_vien"],
                    f"{u['bai_dat']}/{u['bai_phai_lam']}",
                    _pct(u["ty_le_hoan_thanh"]),
                    _pct(u["diem_tb"]),
                )
                for u in t["don_vi"]
            ),
            unit_cols,
            numeric=unit_cols[2:],
        )
        group_cols = [
            _ui.tr(*h)
            for h in (
                ("Nhóm", "Group"),
                ("Học viên", "Learners"),
                ("Bài đạt", "Passed"),
                ("Hoàn thành lộ trình", "Completed"),
                ("Điểm TB", "Mean"),
            )
        ]
        self.groups_table.value = _ui.table_html(
            (
                (
                    g["nhom"],
                    g["so_hoc_vien"],
                    f"{g['bai_dat']}/{g['bai_phai_lam']}",
                    g["hoan_thanh_lo_trinh"],
                    _pct(g["diem_tb"]),
                )
                for g in t["nhom"]
            ),
            group_cols,
            numeric=group_cols[1:],
        )
        code_cols = [
            _ui.tr(*h)
            for h in (
                ("Mã", "Code"),
                ("Năng lực", "Competence"),
                ("Học viên", "Learners"),
                ("Bài đạt", "Passed"),
                ("Điểm TB", "Mean"),
            )
        ]
        self.codes_table.value = _ui.table_html(
            (
                (
                    c["ma"],
                    c["ten"],
                    c["so_hoc_vien"],
                    f"{c['so_bai_dat']}/{c['so_bai_da_cham']}",
                    _pct(c["diem_tb"]),
                )
                for c in t["nang_luc"]
            ),
            code_cols,
            numeric=code_cols[2:],
        )
        self._draw(t)
        self.download.value = _ui.download_link(
            self.excel(t), "tien-do.xlsx", _ui.XLSX, _ui.tr("Tải Excel", "Download Excel")
        )

    def _draw(self, t: dict) -> None:
        """Completion per learner group as HTML bars: crisp on a phone, no plotting library."""
        bars = []
        for g in t["nhom"]:
            share = g["ty_le_hoan_thanh"] or 0
            bars.append(
                f"<div class='thanh'><span>{html.escape(g['nhom'])}: {_pct(g['ty_le_hoan_thanh'])}"
                f"</span><div style='background:#e3e8ef;border-radius:3px'><div style='width:"
                f"{100 * share:.1f}%;background:#1565c0;height:10px;border-radius:3px'></div></div>"
                "</div>"
            )
        title = _ui.tr("Bài đạt trên bài phải làm, theo nhóm", "Labs passed / required, by group")
        self.chart.value = f"<p><b>{title}</b></p>" + "".join(bars)

    def excel(self, t: dict) -> bytes:
        frames = {
            _ui.tr("Theo đơn vị", "By unit"): pd.DataFrame(t["don_vi"]),
            _ui.tr("Theo nhóm", "By group"): pd.DataFrame(t["nhom"]),
            _ui.tr("Theo năng lực", "By competence"): pd.DataFrame(t["nang_luc"]),
        }
        return _ui.xlsx_bytes(frames)
