"""Where things live: the repository's declared material, and the working folders outside it."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CURRICULUM = REPO / "curriculum"
NOTEBOOKS = REPO / "notebooks"


def default_home() -> Path:
    """The working folder (lessons copies, course folders, gradebook): never inside the git tree.

    ``HOCVUSO_HOME`` wins; otherwise ``$XDG_DATA_HOME/hocvuso`` (``~/.local/share/hocvuso``).
    """
    if os.environ.get("HOCVUSO_HOME"):
        return Path(os.environ["HOCVUSO_HOME"]).expanduser().resolve()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return (Path(base) / "hocvuso").resolve()
