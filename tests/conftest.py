"""Shared fixtures: a course built once per test worker in a temporary home."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/cohort.py

from workbench.course import Course  # noqa: E402


@pytest.fixture(scope="session")
def built_course(tmp_path_factory) -> Course:
    course = Course(tmp_path_factory.mktemp("hocvuso-home"))
    course.build(progress=lambda _msg: None)
    return course
