"""The syllabus (``curriculum/syllabus.toml``) and competence frameworks, as typed objects."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .paths import CURRICULUM, NOTEBOOKS

KINDS = ("lesson", "lab")


@dataclass(frozen=True)
class Notebook:
    kind: str  # "lesson" (immediate feedback) or "lab" (nbgrader source)
    file: str
    minutes: int
    # Labs only. A lab with a track is that track's version of the module's practice (e.g. the
    # citizens' no-code lab); a lab without one serves every other track. Each lab is its own
    # nbgrader assignment, named `assignment` (default: the module id).
    track: str | None = None
    assignment: str | None = None


@dataclass(frozen=True)
class Module:
    id: str
    folder: str
    title: dict
    level: int
    competences: tuple[str, ...]
    objectives: tuple[str, ...]
    guide: str
    notebooks: tuple[Notebook, ...]
    tracks: tuple[str, ...]

    @property
    def path(self) -> Path:
        return NOTEBOOKS / self.folder

    def notebook(self, kind: str) -> Notebook | None:
        return next((nb for nb in self.notebooks if nb.kind == kind), None)

    @property
    def labs(self) -> tuple[Notebook, ...]:
        return tuple(nb for nb in self.notebooks if nb.kind == "lab")

    @property
    def lab(self) -> Notebook | None:
        """The lab for every track that has no version of its own."""
        return next((nb for nb in self.labs if nb.track is None), None)

    def lab_for(self, track: str) -> Notebook | None:
        return next((nb for nb in self.labs if nb.track == track), self.lab)

    def minutes_for(self, track: str) -> int:
        """Learner time in this module on ``track``: the lesson plus that track's lab."""
        lesson, lab = self.notebook("lesson"), self.lab_for(track)
        return (lesson.minutes if lesson else 0) + (lab.minutes if lab else 0)

    @property
    def minutes(self) -> int:
        return max(self.minutes_for(track) for track in self.tracks) if self.tracks else 0


@dataclass(frozen=True)
class Assignment:
    """One graded lab: an nbgrader assignment made from one lab notebook of a module."""

    id: str
    module: Module
    notebook: Notebook

    @property
    def file(self) -> str:
        return self.notebook.file

    @property
    def source(self) -> Path:
        return self.module.path / self.notebook.file


@dataclass(frozen=True)
class Track:
    id: str
    title: dict
    qd757_group: str
    modules: tuple[str, ...]


@dataclass(frozen=True)
class Syllabus:
    course_id: str
    title: dict
    modules: tuple[Module, ...]
    tracks: tuple[Track, ...]

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        known = ", ".join(m.id for m in self.modules)
        raise KeyError(f"Không có học phần '{module_id}' trong curriculum/syllabus.toml ({known}).")

    @property
    def labs(self) -> tuple[Module, ...]:
        return tuple(m for m in self.modules if m.labs)

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        return tuple(
            Assignment(nb.assignment, module, nb) for module in self.modules for nb in module.labs
        )

    def assignment(self, assignment_id: str) -> Assignment:
        for item in self.assignments:
            if item.id == assignment_id:
                return item
        known = ", ".join(a.id for a in self.assignments)
        raise KeyError(
            f"Không có bài thực hành '{assignment_id}' trong curriculum/syllabus.toml ({known})."
        )

    def track(self, track_id: str) -> Track:
        for track in self.tracks:
            if track.id == track_id:
                return track
        raise KeyError(f"Không có lộ trình '{track_id}' trong curriculum/syllabus.toml.")

    def track_labs(self, track_id: str) -> tuple[Assignment, ...]:
        """The labs a learner on ``track_id`` must pass, in teaching order."""
        track = self.track(track_id)
        chosen = (self.module(m).lab_for(track.id) for m in track.modules)
        return tuple(self.assignment(nb.assignment) for nb in chosen if nb is not None)


class SyllabusError(ValueError):
    pass


@cache
def load(path: Path = CURRICULUM / "syllabus.toml") -> Syllabus:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SyllabusError(
            f"{path}: không đọc được TOML ({error}). Sửa lỗi cú pháp rồi thử lại."
        ) from error
    tracks = tuple(
        Track(t["id"], t["title"], t["qd757_group"], tuple(t["modules"])) for t in raw["tracks"]
    )
    track_ids = {t.id for t in tracks}
    modules = []
    assignments: set[str] = set()
    for m in raw["modules"]:
        notebooks = []
        for nb in m["notebooks"]:
            nb = Notebook(**nb)
            where = f"{path}: học phần {m['id']}, {nb.file}"
            if nb.kind not in KINDS:
                raise SyllabusError(
                    f"{where}: loại '{nb.kind}' không có; chỉ dùng {', '.join(KINDS)}."
                )
            if nb.kind == "lab":
                if nb.track is not None and nb.track not in track_ids:
                    raise SyllabusError(
                        f"{where}: lộ trình '{nb.track}' không có; dùng một trong "
                        f"{', '.join(sorted(track_ids))}."
                    )
                name = nb.assignment or (m["id"] if nb.track is None else None)
                if name is None:
                    raise SyllabusError(
                        f"{where}: bài thực hành riêng của một lộ trình cần khai báo "
                        'assignment = "..." (tên bài trong nbgrader).'
                    )
                if name in assignments:
                    raise SyllabusError(f"{where}: tên bài '{name}' bị trùng; đặt tên khác.")
                assignments.add(name)
                nb = Notebook(nb.kind, nb.file, nb.minutes, nb.track, name)
            notebooks.append(nb)
        notebooks = tuple(notebooks)
        modules.append(
            Module(
                id=m["id"],
                folder=m["folder"],
                title=m["title"],
                level=m["level"],
                competences=tuple(m["competences"]),
                objectives=tuple(m["objectives"]),
                guide=m["guide"],
                notebooks=notebooks,
                tracks=tuple(t.id for t in tracks if m["id"] in t.modules),
            )
        )
    return Syllabus(raw["course"]["id"], raw["course"]["title"], tuple(modules), tracks)


@cache
def competences(path: Path = CURRICULUM / "competences.toml") -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))
