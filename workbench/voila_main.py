"""``python -m workbench.voila_main``: Voila with two changes for the gallery's own page.

- **Caching.** The page template (``workbench/templates/voila/hocvuso``) loads ``hocvuso.js`` and
  ``hocvuso.css`` with a content hash in the query (``?v=…``, which Tornado already caches for
  good) and chunks whose file names carry their content hash (``chunk-<hash>.js``, imported by the
  bundle without a query). Tornado would make browsers revalidate those chunks on every visit; a
  content-addressed name can be cached for good.
- **The XSRF cookie comes with the page**, as with JupyterLab's pages. Without it, the page could
  not give its kernel back when the tab closes (``POST /voila/api/shutdown/<id>`` is refused
  with "'_xsrf' argument missing") and every closed tab would hold a kernel until idle culling.

Everything else is plain Voila.
"""

from __future__ import annotations

import re

from tornado.web import StaticFileHandler
from voila.app import main
from voila.handler import VoilaHandler
from voila.static_file_handler import TemplateStaticFileHandler

_HASHED = re.compile(r"[^/]+/static/chunk-[A-Z0-9]+\.js")
_default_cache_time = TemplateStaticFileHandler.get_cache_time
_page = VoilaHandler.get_generator


def _cache_time(self, path, modified, mime_type) -> int:
    if _HASHED.fullmatch(path):
        return StaticFileHandler.CACHE_MAX_AGE
    return _default_cache_time(self, path, modified, mime_type)


async def _page_with_xsrf_cookie(self, path=None):
    self.xsrf_token  # noqa: B018 - Tornado sets the cookie on first access, before the page streams
    async for html in _page(self, path=path):
        yield html


TemplateStaticFileHandler.get_cache_time = _cache_time
VoilaHandler.get_generator = _page_with_xsrf_cookie

if __name__ == "__main__":
    main()
