"""``python -m workbench.voila_main``: Voila, with the app pages' bundle cacheable for a year.

The gallery's page template (``workbench/templates/voila/hocvuso``) loads ``hocvuso.js`` and
``hocvuso.css`` with a content hash in the query (``?v=…``, which Tornado already caches) and
chunks whose file names carry their content hash (``chunk-<hash>.js``, imported by the bundle
without a query). Tornado would make the browser revalidate those chunks on every visit; a
content-addressed name can be cached for good. Everything else is plain Voila.
"""

from __future__ import annotations

import re

from tornado.web import StaticFileHandler
from voila.app import main
from voila.static_file_handler import TemplateStaticFileHandler

_HASHED = re.compile(r"[^/]+/static/chunk-[A-Z0-9]+\.js")
_default_cache_time = TemplateStaticFileHandler.get_cache_time


def _cache_time(self, path, modified, mime_type) -> int:
    if _HASHED.fullmatch(path):
        return StaticFileHandler.CACHE_MAX_AGE
    return _default_cache_time(self, path, modified, mime_type)


TemplateStaticFileHandler.get_cache_time = _cache_time

if __name__ == "__main__":
    main()
