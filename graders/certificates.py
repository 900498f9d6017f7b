"""Certificates of completion (PDF) and per-competence evidence (CSV, Excel), from the gradebook.

**Completion rule.** A learner completes a track when every lab of that track — for each of the
track's modules, the lab ``module.lab_for(track)`` (its nbgrader ``assignment``) — has a *saved*
grade in the gradebook of at least ``threshold`` × the lab's maximum (default 0.5, the same 50 %
the exports count as "đạt"). A later attempt that could not be graded never removes a saved grade
(the engine keeps it), so it does not take a certificate away; a lab never graded is missing.

**Track.** ``track`` when given (for every learner of the run); otherwise the learner's group on
the saved class list (cán bộ, công chức, viên chức → ``can-bo``; every other group →
``nguoi-dan``). A learner not on the class list gets the track they have completed (in syllabus
order), else the one with the fewest labs still to pass, and is named by their id.

**Certificate.** A4 landscape, DejaVu Sans (regular and bold, shipped with matplotlib) embedded as
a subset TrueType font, so every Vietnamese diacritic prints and can be copied back out. Its
number is a hash of the course, learner, track and the grades it certifies; the issue date is the
day the last of those grades was saved and is also the PDF's creation date. Running it again on
the same gradebook therefore writes byte-identical files.

**Evidence.** One row per learner × competence code of their track (Thông tư 02/2025 component
codes; for domains 1–5 also DigComp 2.2): the labs carrying that code, summed points, latest
grading date, and whether each of those labs reached the threshold.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workbench.curriculum import Assignment, Track, competences

from .pipeline import GRADED
from .roster import GROUPS, Learner, Roster
from .safe_cells import neutral_row

DEFAULT_THRESHOLD = 0.5
PROGRAMME = "Bình dân học vụ số — tỉnh Lâm Đồng"
EVIDENCE_COLUMNS = [
    "ma_hoc_vien",
    "ho_ten",
    "don_vi",
    "ten_don_vi",
    "nhom_doi_tuong",
    "lo_trinh",
    "ma_nang_luc",
    "ten_nang_luc",
    "bai",
    "diem",
    "diem_toi_da",
    "ty_le",
    "ngay_cham",
    "dat",
    "so_chung_nhan",
]
_VN_TIME = dt.timezone(dt.timedelta(hours=7))


class NotCompleted(ValueError):
    """The learner has not completed the track (message in Vietnamese, naming the labs)."""


@dataclass(frozen=True)
class LabGrade:
    """A grade saved in the gradebook for one learner and lab."""

    score: float
    max_score: float
    graded_at: dt.datetime | None


@dataclass(frozen=True)
class TrackLab:
    lab: Assignment
    max_score: float  # the lab's maximum, also when the learner has no grade for it
    grade: LabGrade | None


@dataclass
class Standing:
    """Where one learner stands on one track."""

    student: str
    learner: Learner | None
    track: Track
    track_from: str  # "lo-trinh" (given), "danh-sach" (class list) or "bai-da-cham" (inferred)
    labs: list[TrackLab]
    threshold: float
    course_id: str

    def passed(self, item: TrackLab) -> bool:
        grade = item.grade
        if grade is None or grade.max_score <= 0:
            return False
        return grade.score + 1e-9 >= self.threshold * grade.max_score

    @property
    def missing(self) -> list[TrackLab]:
        return [t for t in self.labs if t.grade is None]

    @property
    def below(self) -> list[TrackLab]:
        return [t for t in self.labs if t.grade is not None and not self.passed(t)]

    @property
    def complete(self) -> bool:
        return bool(self.labs) and all(self.passed(t) for t in self.labs)

    @property
    def name(self) -> str:
        """Full name (NFC) from the class list, or the learner id when they are not on it."""
        return unicodedata.normalize("NFC", self.learner.name) if self.learner else self.student

    @property
    def who(self) -> str:
        return f"{self.student} ({self.name})" if self.learner else self.student

    @property
    def completed_on(self) -> dt.date | None:
        dates = [t.grade.graded_at for t in self.labs if t.grade and t.grade.graded_at]
        return max(dates).date() if dates else None

    @property
    def number(self) -> str:
        """Deterministic: the same learner, track and grades always give the same number."""
        digest = hashlib.sha256(f"{self.course_id}|{self.student}|{self.track.id}".encode())
        for item in self.labs:
            grade = item.grade
            score = f"{grade.score:g}/{grade.max_score:g}" if grade else "-"
            digest.update(f"|{item.lab.id}:{score}".encode())
        initials = "".join(part[0] for part in self.track.id.split("-")).upper()
        return f"LD-{initials}-{digest.hexdigest()[:10].upper()}"

    def shortfall(self) -> str:
        """What is still missing, in Vietnamese (empty when complete)."""
        parts = []
        if self.missing:
            parts.append("chưa có điểm bài " + ", ".join(t.lab.id for t in self.missing))
        if self.below:
            listed = ", ".join(
                f"{t.lab.id} ({_vi_number(t.grade.score)}/{_vi_number(t.grade.max_score)} điểm)"
                for t in self.below
            )
            parts.append(f"dưới ngưỡng {_vi_percent(self.threshold)}: {listed}")
        return "; ".join(parts)

    def refusal(self) -> str:
        return (
            f"Không cấp giấy chứng nhận cho {self.who}: chưa hoàn thành lộ trình {self.track.id} "
            f"({self.track.title['vi']}) — {self.shortfall()}. Chấm hoặc làm lại các bài này "
            "(hocvuso grade <bài> …) rồi chạy lại."
        )


@dataclass
class Issued:
    """What a run wrote: certificates, refusals (Vietnamese reasons), evidence tables, notes."""

    standings: list[Standing] = field(default_factory=list)
    certificates: dict[str, Path] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    evidence: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- reading the gradebook --------------------------------------------------------------------


def saved_grades(course) -> tuple[dict[tuple[str, str], LabGrade], dict[str, float], set[str]]:
    """(saved grade per (learner, lab), maximum per lab, every learner the gradebook knows)."""
    from .engine import saved_records

    grades: dict[tuple[str, str], LabGrade] = {}
    maxima: dict[str, float] = {}
    students: set[str] = set()
    with course.gradebook() as gb:
        for lab in course.syllabus.assignments:
            try:
                maxima[lab.id] = float(gb.find_assignment(lab.id).max_score)
                submissions = list(gb.assignment_submissions(lab.id))
            except Exception:  # the lab is not in the gradebook yet (course not built)
                maxima[lab.id], submissions = 0.0, []
            records = saved_records(gb, lab.id)
            students |= set(records)
            for sub in submissions:
                student = sub.student.id
                students.add(student)
                record = records.get(student)
                # A record of a failed later attempt is not when this grade was saved.
                if record and record["status"] == GRADED:
                    when = _parse_time(record["graded_at"])
                else:
                    when = sub.timestamp
                grades[(student, lab.id)] = LabGrade(float(sub.score), float(sub.max_score), when)
    return grades, maxima, students


def _parse_time(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except (TypeError, ValueError):
        return None


def track_labs(course, track_id: str) -> list[Assignment]:
    """The labs a learner on ``track_id`` must pass, in teaching order."""
    return list(course.syllabus.track_labs(track_id))


def _check_threshold(threshold: float) -> float:
    if not 0 < threshold <= 1:
        raise ValueError(
            f"Ngưỡng đạt {threshold} không hợp lệ: cần một tỉ lệ lớn hơn 0 và không quá 1 "
            "(ví dụ 0,5 là 50% điểm mỗi bài)."
        )
    return threshold


def standings(
    course,
    students: list[str] | None = None,
    track: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    roster: Roster | None = None,
) -> list[Standing]:
    """Each learner's standing (``students``; default: everyone on the class list or in the
    gradebook). An id known to neither raises ``KeyError`` before anything is written."""
    _check_threshold(threshold)
    syllabus = course.syllabus
    if track is not None:
        syllabus.track(track)
    learners = roster.learners if roster else {}
    grades, maxima, known = saved_grades(course)
    everyone = sorted(set(learners) | known)
    if students is None:
        chosen = everyone
    else:
        unknown = [s for s in students if s not in learners and s not in known]
        if unknown:
            raise KeyError(
                f"Không có học viên {', '.join(unknown)} trong sổ điểm hay danh sách lớp. "
                "Kiểm tra lại mã học viên."
            )
        chosen = list(dict.fromkeys(students))

    def standing(student: str, track_id: str, source: str) -> Standing:
        labs = [
            TrackLab(lab, maxima.get(lab.id, 0.0), grades.get((student, lab.id)))
            for lab in track_labs(course, track_id)
        ]
        return Standing(
            student,
            learners.get(student),
            syllabus.track(track_id),
            source,
            labs,
            threshold,
            syllabus.course_id,
        )

    result = []
    for student in chosen:
        if track is not None:
            result.append(standing(student, track, "lo-trinh"))
        elif student in learners:
            result.append(standing(student, learners[student].track, "danh-sach"))
        else:
            options = [standing(student, t.id, "bai-da-cham") for t in syllabus.tracks]
            done = [s for s in options if s.complete]
            result.append(
                done[0] if done else min(options, key=lambda s: len(s.missing) + len(s.below))
            )
    return result


# --- the certificate --------------------------------------------------------------------------


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _vi_number(value: float) -> str:
    """7.5 → "7,5"; 10.0 → "10" (Vietnamese decimal comma)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _vi_percent(ratio: float) -> str:
    return _vi_number(round(ratio * 100, 1)) + "%"


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(x) for x in code.split("."))


def file_name(student: str, track_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", student)
    return f"chung-nhan-{safe}-{track_id}.pdf"


def certificate_pdf(standing: Standing, issued: dt.date | None = None) -> bytes:
    """The certificate as PDF bytes. Raises :class:`NotCompleted` for an incomplete track."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    if not standing.complete:
        raise NotCompleted(standing.refusal())
    issued = issued or standing.completed_on or dt.date.today()
    track = standing.track
    learner = standing.learner
    name = standing.name
    track_title = track.title["vi"]
    codes = sorted({c for t in standing.labs for c in t.lab.module.competences}, key=_code_key)

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(dt.datetime.combine(issued, dt.time(), tzinfo=_VN_TIME))
    fonts = _font_dir()
    pdf.add_font("DejaVu", "", fonts / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", fonts / "DejaVuSans-Bold.ttf")
    pdf.set_title(f"Giấy chứng nhận hoàn thành lộ trình — {name}")
    pdf.set_author(f"{PROGRAMME} (bàn thực hành hocvuso)")
    pdf.set_subject(f"Hoàn thành lộ trình {track_title}; năng lực số: {', '.join(codes)}")
    pdf.set_keywords(f"giấy chứng nhận, {standing.number}, Thông tư 02/2025, DigComp 2.2")
    pdf.set_creator("hocvuso")
    pdf.set_lang("vi-VN")
    pdf.set_margins(20, 16, 20)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()

    navy, gold = (0, 51, 102), (176, 141, 38)
    pdf.set_draw_color(*gold)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)

    def line(text: str, size: float, style: str = "", height: float | None = None, color=None):
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*(color or (0, 0, 0)))
        pdf.multi_cell(0, height or size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")

    line(PROGRAMME.upper(), 11, "B", color=navy)
    pdf.ln(3)
    line("GIẤY CHỨNG NHẬN", 28, "B", height=13, color=navy)
    pdf.ln(2)
    line("Chứng nhận học viên", 12)
    pdf.ln(1)
    line(name, 22, "B", height=11)
    details = [f"Mã học viên: {standing.student}"]
    if learner:
        details.append(f"Đơn vị: {learner.unit_name} (mã {learner.unit})")
        details.append(f"Nhóm đối tượng: {GROUPS[learner.group][0]}")
    line(" · ".join(details), 10.5, height=6)
    pdf.ln(2)
    line(
        f"đã hoàn thành lộ trình “{track_title}” của chương trình {PROGRAMME}, gồm các học phần:",
        12,
        height=6,
    )
    pdf.ln(2)

    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(120, 120, 120)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=navy)
    with pdf.table(
        col_widths=(24, 104, 74, 40),
        headings_style=heading,
        line_height=5.6,
        text_align=("CENTER", "LEFT", "LEFT", "CENTER"),
        width=242,
    ) as table:
        table.row(("Học phần", "Nội dung", "Mã năng lực (Thông tư 02/2025, DigComp 2.2)", "Điểm"))
        for item in standing.labs:
            module, grade = item.lab.module, item.grade
            table.row(
                (
                    module.id,
                    module.title["vi"],
                    ", ".join(module.competences),
                    f"{_vi_number(grade.score)}/{_vi_number(grade.max_score)} "
                    f"({_vi_percent(grade.score / grade.max_score)})",
                )
            )
    pdf.ln(3)
    line(f"Năng lực số đạt được: {', '.join(codes)}", 10.5, height=5.5)
    pdf.set_y(max(pdf.get_y() + 4, pdf.h - 38))  # number and date at the foot of the frame
    pdf.set_font("DejaVu", "B", 11)
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pdf.cell(half, 6, f"Số: {standing.number}", align="L")
    pdf.cell(half, 6, f"Ngày cấp: {issued:%d/%m/%Y}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    line(
        "Giấy chứng nhận được lập tự động từ sổ điểm của khóa học (nbgrader, mã khóa học "
        f"“{standing.course_id}”): mỗi bài thực hành của lộ trình đạt từ "
        f"{_vi_percent(standing.threshold)} số điểm trở lên.",
        8.5,
        height=4.5,
        color=(80, 80, 80),
    )
    return bytes(pdf.output())


def _write_atomic(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(payload)
    os.replace(tmp, path)


def write_certificate(standing: Standing, out_dir: Path, issued: dt.date | None = None) -> Path:
    """Write ``chung-nhan-<id>-<track>.pdf`` in ``out_dir``; nothing is written when refused."""
    payload = certificate_pdf(standing, issued)
    path = Path(out_dir) / file_name(standing.student, standing.track.id)
    _write_atomic(path, payload)
    return path


def certificate(
    course,
    student: str,
    out_dir: Path,
    track: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    roster: Roster | None = None,
    issued: dt.date | None = None,
) -> Path:
    """One learner's certificate. Raises :class:`NotCompleted` (Vietnamese, naming the labs)
    when they have not completed the track, ``KeyError`` for an unknown learner."""
    if roster is None:
        from .roster import load_saved_roster

        roster = load_saved_roster(course)
    (standing,) = standings(course, [student], track, threshold, roster)
    return write_certificate(standing, out_dir, issued)


# --- the evidence table -----------------------------------------------------------------------


def evidence_rows(items: list[Standing]) -> list[dict]:
    """One typed row per learner and competence code of their track."""
    names = competences()["components"]
    rows = []
    for standing in items:
        learner = standing.learner
        codes = sorted({c for t in standing.labs for c in t.lab.module.competences}, key=_code_key)
        for code in codes:
            labs = [t for t in standing.labs if code in t.lab.module.competences]
            graded = [t.grade for t in labs if t.grade]
            score = sum(g.score for g in graded)
            top = sum(t.grade.max_score if t.grade else t.max_score for t in labs)
            dates = [g.graded_at for g in graded if g.graded_at]
            rows.append(
                {
                    "ma_hoc_vien": standing.student,
                    "ho_ten": standing.name if learner else "",
                    "don_vi": learner.unit if learner else None,
                    "ten_don_vi": learner.unit_name if learner else "",
                    "nhom_doi_tuong": GROUPS[learner.group][0] if learner else "",
                    "lo_trinh": standing.track.id,
                    "ma_nang_luc": code,
                    "ten_nang_luc": names[code]["vi"],
                    "bai": ", ".join(t.lab.id for t in labs),
                    "diem": score,
                    "diem_toi_da": top,
                    "ty_le": score / top if top else None,
                    "ngay_cham": max(dates) if dates else None,
                    "dat": all(standing.passed(t) for t in labs),
                    "so_chung_nhan": standing.number if standing.complete else "",
                }
            )
    return rows


def write_evidence_csv(rows: list[dict], target: Path) -> Path:
    """UTF-8 with BOM (Excel on Windows shows the diacritics); plain numbers for other systems;
    text that starts like a formula gets a leading apostrophe (``graders.safe_cells``)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EVIDENCE_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    **neutral_row(row),
                    "don_vi": row["don_vi"] or "",
                    "diem": f"{row['diem']:g}",
                    "diem_toi_da": f"{row['diem_toi_da']:g}",
                    "ty_le": "" if row["ty_le"] is None else f"{row['ty_le']:.4f}",
                    "ngay_cham": row["ngay_cham"].strftime("%d/%m/%Y %H:%M")
                    if row["ngay_cham"]
                    else "",
                }
            )
    return target


def write_evidence_xlsx(rows: list[dict], target: Path) -> Path:
    """One sheet, ``Minh chứng năng lực``, with the exports' Vietnamese number and date formats."""
    from openpyxl import Workbook

    from .export import fill_sheet, save_book

    book = Workbook()
    sheet = book.active
    sheet.title = "Minh chứng năng lực"
    fill_sheet(sheet, EVIDENCE_COLUMNS, rows)
    return save_book(book, Path(target))


# --- a run: one learner, several, or the whole class --------------------------------------------


def issue(
    course,
    students: list[str] | None = None,
    out_dir: Path | None = None,
    track: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    roster: Roster | None = None,
    issued: dt.date | None = None,
) -> Issued:
    """Certificates for those who completed their track, refusals for the others (never an
    exception for one learner: the run goes on), and the evidence tables — one pair for the whole
    class (``students`` None: ``minh-chung-nang-luc.csv/.xlsx``), else one pair per learner."""
    if roster is None:
        from .roster import load_saved_roster

        roster = load_saved_roster(course)
    out_dir = Path(out_dir) if out_dir else course.home / "chung-nhan"
    run = Issued(standings(course, students, track, threshold, roster))
    if roster is None:
        run.notes.append(
            "Chưa có danh sách lớp: giấy chứng nhận và bảng minh chứng ghi mã học viên thay cho "
            "họ tên, lộ trình suy ra từ các bài đã chấm (nạp danh sách bằng --danh-sach TỆP, "
            "hoặc chọn lộ trình bằng --lo-trinh)."
        )
    for standing in run.standings:
        if roster is not None and standing.learner is None:
            inferred = (
                f"; xét theo lộ trình {standing.track.id}, suy ra từ các bài đã chấm (chọn khác "
                "bằng --lo-trinh)"
                if standing.track_from == "bai-da-cham"
                else ""
            )
            run.notes.append(
                f"{standing.student} không có trong danh sách lớp {roster.file}: ghi mã học viên "
                f"thay cho họ tên{inferred}."
            )
        if standing.complete:
            run.certificates[standing.student] = write_certificate(standing, out_dir, issued)
        else:
            run.refused[standing.student] = standing.refusal()
    if students is None:
        groups = [("minh-chung-nang-luc", run.standings)]
    else:
        groups = [
            (f"minh-chung-nang-luc-{re.sub(r'[^A-Za-z0-9._-]', '_', s.student)}", [s])
            for s in run.standings
        ]
    for stem, items in groups:
        rows = evidence_rows(items)
        run.evidence.append(write_evidence_csv(rows, out_dir / f"{stem}.csv"))
        run.evidence.append(write_evidence_xlsx(rows, out_dir / f"{stem}.xlsx"))
    return run
