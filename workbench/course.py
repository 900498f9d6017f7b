"""The course pipeline over nbgrader: build → release → grade → feedback → export.

Working folders live under one *home* (``HOCVUSO_HOME``, default ``~/.local/share/hocvuso``),
never in the git tree::

    <home>/bai-hoc/<module folder>/   lessons and a practice copy of each lab, with their data
    <home>/khoa-hoc/                  nbgrader course root: source/ release/ submitted/
                                      autograded/ feedback/ gradebook.db nbgrader_config.py
    <home>/trao-doi/                  nbgrader exchange (release, fetch, submit, collect)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graders import nbgrader_settings

from . import curriculum, data
from .paths import REPO, default_home

STATE_FILE = ".hocvuso-ban-goc.json"  # hashes of shipped copies, so learners' edits are kept


@dataclass
class Problem:
    """Something wrong with one file, said in Vietnamese with the fix."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass
class BuildReport:
    lessons: list[str] = field(default_factory=list)
    labs: list[str] = field(default_factory=list)
    skipped: bool = False
    kept_learner_copies: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class BuildError(RuntimeError):
    def __init__(self, report: BuildReport) -> None:
        self.report = report
        super().__init__("\n".join(str(p) for p in report.problems))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _ensure_venv_on_path() -> None:
    # nbgrader's Gradebook runs the `alembic` executable by name; when our CLI is started as
    # .venv/bin/hocvuso without an activated venv, that folder is not on PATH.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


class Course:
    """One course's working folders and the nbgrader operations on them."""

    def __init__(self, home: Path | str | None = None, db_url: str | None = None) -> None:
        """``db_url``: the gradebook (default: SQLite in the course folder; ``HOCVUSO_DB_URL``
        or an explicit ``postgresql+psycopg://…`` URL lets several graders share one)."""
        _ensure_venv_on_path()
        self.home = Path(home).expanduser().resolve() if home else default_home()
        self.syllabus = curriculum.load()
        self._db_url = db_url or os.environ.get("HOCVUSO_DB_URL") or None

    # --- folders --------------------------------------------------------------------------
    @property
    def lessons_dir(self) -> Path:
        return self.home / "bai-hoc"

    @property
    def root(self) -> Path:
        return self.home / "khoa-hoc"

    @property
    def exchange(self) -> Path:
        return self.home / "trao-doi"

    @property
    def config_dir(self) -> Path:
        """Added to JUPYTER_CONFIG_PATH by `start` so nbgrader's panels find the course."""
        return self.home / "cau-hinh"

    @property
    def db_url(self) -> str:
        return self._db_url or f"sqlite:///{self.root / 'gradebook.db'}"

    def nbgrader_config(self):
        return nbgrader_settings.config(
            self.root, self.syllabus.course_id, self.exchange, self._db_url
        )

    def api(self):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        cfg = self.nbgrader_config()
        coursedir = CourseDirectory(config=cfg)
        return NbGraderAPI(coursedir=coursedir, config=cfg)

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.db_url, course_id=self.syllabus.course_id)

    def lab(self, assignment: str) -> curriculum.Assignment:
        """The graded lab called ``assignment`` (its module, notebook file and nbgrader name)."""
        return self.syllabus.assignment(assignment)

    # --- build ----------------------------------------------------------------------------
    def _inputs_fingerprint(self) -> str:
        digest = hashlib.sha256()
        files = [REPO / "pyproject.toml", REPO / "curriculum" / "syllabus.toml"]
        files += sorted((REPO / "notebooks").rglob("*.ipynb"))
        files += sorted((REPO / "graders").rglob("*.py")) + sorted(
            (REPO / "workbench").rglob("*.py")
        )
        # A different shared gradebook needs the assignments again; the default SQLite file moves
        # with the course folder, so a copied course stays up to date.
        digest.update((self._db_url or "").encode())
        for path in files:
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def build(
        self,
        force: bool = False,
        progress: Callable[[str], None] = print,
        only: Iterable[str] | None = None,
    ) -> BuildReport:
        """Copy lessons, write data, validate every lab and generate the learner versions.

        Skipped when nothing that feeds it changed since the last successful full build.
        ``only`` builds just those modules (always, and without marking the course up to date).
        Raises :class:`BuildError` (Vietnamese, naming the file) when a lab does not validate.
        """
        report = BuildReport()
        # The configuration names this home's absolute paths: always rewritten (cheap), so a
        # course folder that was moved or copied works without a rebuild.
        self.root.mkdir(parents=True, exist_ok=True)
        self.exchange.mkdir(parents=True, exist_ok=True)
        cfg_file = nbgrader_settings.write_config_file(
            self.root, self.syllabus.course_id, self.exchange, self._db_url
        )
        self.config_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(cfg_file, self.config_dir / "nbgrader_config.py")

        stamp = self.root / ".build-stamp"
        fingerprint = self._inputs_fingerprint()
        if only is None and not force and stamp.exists() and stamp.read_text() == fingerprint:
            report.skipped = True
            return report
        modules = self.syllabus.modules
        if only is not None:
            modules = tuple(self.syllabus.module(module_id) for module_id in only)

        api = self.api()
        for module in modules:
            lesson = module.notebook("lesson")
            target = self.lessons_dir / module.folder
            data.write_module_data(module.id, target)
            if lesson:
                self._install_copy(module.path / lesson.file, target / lesson.file, report)
                report.lessons.append(f"{module.folder}/{lesson.file}")
            for lab in self.syllabus.assignments:
                if lab.module is not module:
                    continue
                progress(f"Kiểm tra và tạo bản cho học viên: {lab.id} ({module.title['vi']})")
                released = self._build_lab(api, lab, report)
                if released:
                    self._install_copy(released, target / lab.file, report)
                    report.labs.append(lab.id)
        if report.problems:
            raise BuildError(report)
        from graders.engine import ensure_tables

        with self.gradebook() as gb:  # before any grader starts: no race to create them
            ensure_tables(gb)
        if only is None:
            stamp.write_text(fingerprint)
        return report

    def _install_copy(self, shipped: Path, target: Path, report: BuildReport) -> None:
        """Copy a shipped notebook unless the learner has edited the copy they have."""
        if not shipped.exists():
            report.problems.append(
                Problem(
                    str(shipped.relative_to(REPO))
                    if shipped.is_relative_to(REPO)
                    else str(shipped),
                    "không có tệp này dù curriculum/syllabus.toml khai báo nó. "
                    "Thêm notebook hoặc sửa khai báo.",
                )
            )
            return
        state_path = target.parent / STATE_FILE
        state = json.loads(state_path.read_text()) if state_path.exists() else {}
        if target.exists():
            current = _sha256(target)
            if current != state.get(target.name) and current != _sha256(shipped):
                report.kept_learner_copies.append(str(target.relative_to(self.home)))
                return
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shipped, target)
        state[target.name] = _sha256(target)
        _atomic_write_text(state_path, json.dumps(state, indent=1, sort_keys=True))

    def _build_lab(self, api, lab: curriculum.Assignment, report: BuildReport) -> Path | None:
        from nbgrader.validator import Validator

        module = lab.module
        source_dir = self.root / "source" / lab.id
        source_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(lab.source, source_dir / lab.file)
        data.write_module_data(module.id, source_dir)
        shipped = f"notebooks/{module.folder}/{lab.file}"

        failed = Validator(config=self.nbgrader_config()).validate(str(source_dir / lab.file))
        if failed:
            report.problems.append(
                Problem(
                    shipped,
                    "lời giải mẫu chưa qua hết các ô kiểm tra (nbgrader validate): "
                    + _summarise_validation(failed)
                    + ". Sửa lời giải hoặc ô kiểm tra rồi chạy lại `hocvuso build`.",
                )
            )
            return None
        result = api.generate_assignment(lab.id, force=True, create=True)
        if not result["success"]:
            report.problems.append(
                Problem(
                    shipped,
                    "nbgrader không tạo được bản cho học viên: "
                    + _last_line(result.get("error") or result.get("log", ""))
                    + ". Kiểm tra siêu dữ liệu nbgrader của các ô (grade_id trùng?).",
                )
            )
            return None
        released = self.root / "release" / lab.id / lab.file
        inverted = Validator(invert=True, config=self.nbgrader_config()).validate(str(released))
        if inverted:
            report.problems.append(
                Problem(
                    shipped,
                    "bản để trống của học viên vẫn qua một ô kiểm tra (nbgrader validate "
                    "--invert): " + _summarise_validation(inverted) + ". Mỗi ô kiểm tra phải "
                    "thất bại khi học viên chưa làm.",
                )
            )
            return None
        return released

    # --- release --------------------------------------------------------------------------
    def release(self, assignment: str) -> None:
        """Put the learner version in the exchange, for learners' "Assignments" panel."""
        self.lab(assignment)
        result = self.api().release_assignment(assignment)
        if not result["success"]:
            raise RuntimeError(
                f"Không phát hành được bài {assignment}: "
                f"{_last_line(result.get('error') or result.get('log', ''))}"
            )

    # --- grading --------------------------------------------------------------------------
    def grade(
        self,
        assignment: str,
        folder: Path | None = None,
        progress=print,
        roster=None,
        workers: int | None = None,
        force: bool = False,
        limits=None,
    ):
        """Grade submissions with the parallel, isolated engine (see ``graders.engine``)."""
        from graders.pipeline import grade_assignment

        return grade_assignment(
            self, assignment, folder, progress, roster, workers=workers, force=force, limits=limits
        )

    def feedback(self, assignment: str) -> list[Path]:
        from graders.feedback_html import write_feedback

        return write_feedback(self, assignment)

    def export(self, target: Path, assignment: str | None = None, roster=None) -> Path:
        """Grades as .csv, or .xlsx with summaries per unit, learner group and competence."""
        from graders.export import export

        return export(self, Path(target), assignment, roster)

    def certify(
        self,
        students: list[str] | None = None,
        out_dir: Path | None = None,
        track: str | None = None,
        threshold: float = 0.5,
        roster=None,
    ):
        """PDF certificates for learners who completed their track (``students``; None: the
        whole class) and per-competence evidence tables; see ``graders.certificates``."""
        from graders.certificates import issue

        return issue(self, students, out_dir, track, threshold, roster)


def _summarise_validation(results: dict) -> str:
    parts = []
    for key, cells in results.items():
        sources = [c.get("source", "").splitlines()[0][:80] for c in cells if c.get("source")]
        parts.append(f"{key}: {len(cells)} ô ({'; '.join(sources)})")
    return ", ".join(parts)


def _last_line(text: str) -> str:
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(không có thông báo)"
