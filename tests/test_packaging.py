"""pyproject.toml (pip) and environment.yml (conda) pin the same set."""

import re
import tomllib

from workbench.paths import REPO


def _pip_pins() -> dict[str, str]:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    return {_norm(name): version for name, version in (d.split("==") for d in deps)}


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s*-\s+([A-Za-z0-9_.-]+)\s*(==|=)\s*([^\s#]+)", line)
        if match and match.group(1) != "python":
            pins[_norm(match.group(1))] = match.group(3)
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_dependency_is_pinned_exactly():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert all("==" in d for d in deps), deps


def test_conda_and_pip_agree():
    assert _conda_pins() == _pip_pins()


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text()
    assert "./hocvuso test" in ci
    assert "./hocvuso test" in (REPO / "README.md").read_text()
    assert "./hocvuso start" in (REPO / "README.md").read_text()
