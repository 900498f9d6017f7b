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

    @property
    def minutes(self) -> int:
        return sum(nb.minutes for nb in self.notebooks)

    def notebook(self, kind: str) -> Notebook | None:
        return next((nb for nb in self.notebooks if nb.kind == kind), None)

    @property
    def lab(self) -> Notebook | None:
        return self.notebook("lab")


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
        return tuple(m for m in self.modules if m.lab is not None)


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
    modules = []
    for m in raw["modules"]:
        notebooks = tuple(Notebook(**nb) for nb in m["notebooks"])
        for nb in notebooks:
            if nb.kind not in KINDS:
                raise SyllabusError(
                    f"{path}: học phần {m['id']} có notebook loại '{nb.kind}'; "
                    f"chỉ dùng {', '.join(KINDS)}."
                )
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
