"""``python -m workbench.voila_main``: Voila, with its own JavaScript bundle cacheable for an hour.

Voila 0.5 serves its ~60 bundle chunks (``/voila/static/<n>.voila.js``) without a version in the
URL, so Tornado tells browsers to revalidate every one on every visit: dozens of round trips
before an app can start. The chunks only change when Voila itself is upgraded (pinned here), so
an hour of caching is safe; after an upgrade and a restart, an open browser is stale for at most
that hour. Everything else is plain Voila.
"""

from __future__ import annotations

from voila.app import main
from voila.static_file_handler import MultiStaticFileHandler

CACHE_SECONDS = 3600


def _cache_time(self, path, modified, mime_type) -> int:
    return CACHE_SECONDS if path.endswith(".voila.js") else 0


MultiStaticFileHandler.get_cache_time = _cache_time

if __name__ == "__main__":
    main()
