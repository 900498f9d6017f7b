"""An offline search engine over module 02's synthetic pages, with the common operators.

Learners call ``tim_kiem('"giá cà phê" site:lamdong.gov.vn')``. Supported, as in the big engines:

* words (all must appear; a word typed without diacritics also matches it with diacritics),
* ``"exact phrase"``, ``-word`` / ``-"phrase"`` (exclude), ``A OR B`` (either),
* ``site:domain`` (the domain or any sub-domain of it), ``filetype:pdf``, ``intitle:word``.

Ranking: words found in the title count three times, in the text once; ties go to the newer
page. Nothing is fetched from the Internet.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from workbench.datasets import m02 as data

RESULT_COLUMNS = ("hang", "tieu_de", "url", "ten_mien", "ngay", "loai_tep", "trich_doan")
OPERATORS = ("site", "filetype", "intitle")
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True)
class Term:
    kind: str  # "word", "phrase", "site", "filetype", "intitle"
    value: str
    negated: bool = False


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", str(text)).lower())


def _plain_word(word: str) -> bool:
    return data.fold(word) == word


def parse(query: str) -> list[list[Term]]:
    """The query as groups that must all match; a group matches when one of its terms does."""
    groups: list[list[Term]] = []
    join_next = False
    for match in _TOKEN.finditer(unicodedata.normalize("NFC", str(query))):
        minus, op, quoted, bare = match.groups()
        if not minus and op is None and bare == "OR":
            join_next = bool(groups) and not groups[-1][0].negated
            continue
        op = (op or "").lower()
        text = quoted if quoted is not None else bare
        if op in OPERATORS:
            value = text.strip().lower()
            if op == "site":
                value = re.sub(r"^https?://", "", value).split("/")[0].removeprefix("www.")
            if op == "filetype":
                value = value.lstrip(".")
            term = Term(op, value, bool(minus))
        else:
            if op:  # an unknown "word:" is searched as text, like the big engines do
                text = f"{op}:{text}"
            words = _words(text)
            if not words:
                join_next = False
                continue
            kind = "phrase" if quoted is not None or len(words) > 1 else "word"
            term = Term(kind, " ".join(words), bool(minus))
        if not term.value:
            join_next = False
            continue
        if join_next and not term.negated:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return groups


def _contains(haystack: list[str], needle: list[str]) -> int:
    """How many times the word sequence ``needle`` occurs in ``haystack``."""
    n = len(needle)
    return sum(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _count(term: Term, words: list[str], folded: list[str]) -> int:
    needle = term.value.split()
    if all(_plain_word(w) for w in needle):
        return _contains(folded, needle)
    return _contains(words, needle)


def _hits(term: Term, page: dict) -> int:
    """How strongly ``term`` matches ``page`` (0: no match)."""
    domain = str(page["ten_mien"]).lower()
    if term.kind == "site":
        return int(domain == term.value or domain.endswith("." + term.value))
    if term.kind == "filetype":
        return int(str(page["loai_tep"]).lower() == term.value)
    title = _words(page["tieu_de"])
    title_folded = [data.fold(w) for w in title]
    if term.kind == "intitle":
        return _count(term, title, title_folded)
    text = _words(page["noi_dung"])
    return 3 * _count(term, title, title_folded) + _count(term, text, [data.fold(w) for w in text])


def _score(groups: list[list[Term]], page: dict) -> int | None:
    score = 0
    for group in groups:
        hits = [_hits(term, page) for term in group]
        if group[0].negated:
            if hits[0]:
                return None
            continue
        if not any(hits):
            return None
        score += sum(h for term, h in zip(group, hits, strict=True) if term.kind != "site")
    return score


def _snippet(page: dict, groups: list[list[Term]], width: int = 150) -> str:
    text = str(page["noi_dung"])
    lowered = unicodedata.normalize("NFC", text).lower()
    start = 0
    for group in groups:
        for term in group:
            if term.kind in ("word", "phrase") and not term.negated:
                found = lowered.find(term.value.split()[0])
                if found >= 0:
                    start = max(0, found - 40)
                    break
        else:
            continue
        break
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _records(bang: Any) -> list[dict]:
    if bang is None:
        return list(data.pages())
    if hasattr(bang, "to_dict"):
        return bang.to_dict("records")
    return list(bang)


def tim_kiem(truy_van: str, bang: Any = None, so_ket_qua: int = 10):
    """Search the synthetic pages (or the table ``bang``); returns a table of results, best first."""
    import pandas as pd

    if not isinstance(truy_van, str):
        raise TypeError("truy_van phải là một chuỗi chữ, ví dụ 'giá cà phê'")
    groups = parse(truy_van)
    found = []
    if any(not group[0].negated for group in groups):
        for page in _records(bang):
            score = _score(groups, page)
            if score is not None:
                found.append((score, page))
    # Best score first; ties: newer first, then by address, so results never shuffle.
    found.sort(key=lambda item: item[1]["url"])
    found.sort(key=lambda item: (item[0], str(item[1]["ngay"])), reverse=True)
    rows = [
        {
            "hang": rank,
            "tieu_de": page["tieu_de"],
            "url": page["url"],
            "ten_mien": page["ten_mien"],
            "ngay": page["ngay"],
            "loai_tep": page["loai_tep"],
            "trich_doan": _snippet(page, groups),
        }
        for rank, (_score_, page) in enumerate(found[:so_ket_qua], start=1)
    ]
    return pd.DataFrame(rows, columns=list(RESULT_COLUMNS))


def so_ket_qua(truy_van: str, bang: Any = None) -> int:
    """How many pages match (not only the first ten)."""
    return len(tim_kiem(truy_van, bang, so_ket_qua=10_000))


def _describe(term: Term) -> str:
    """One condition in plain Vietnamese, as a full clause."""
    quoted = f"“{term.value}”"
    yes, no = {
        "site": (
            f"chỉ lấy trang thuộc tên miền {term.value} (kể cả tên miền con)",
            f"bỏ các trang thuộc tên miền {term.value}",
        ),
        "filetype": (f"chỉ lấy tệp {term.value.upper()}", f"bỏ các tệp {term.value.upper()}"),
        "intitle": (f"tiêu đề phải có {quoted}", f"tiêu đề không được có {quoted}"),
        "phrase": (
            f"phải có đúng cụm từ {quoted} (các từ liền nhau, đúng thứ tự)",
            f"không được có cụm từ {quoted}",
        ),
        "word": (f"phải có từ {quoted}", f"không được có từ {quoted}"),
    }[term.kind]
    return no if term.negated else yes


def giai_thich(truy_van: str) -> str:
    """The query explained in plain Vietnamese, one condition a line."""
    groups = parse(truy_van)
    if not groups:
        return "Truy vấn trống: hãy gõ vài từ khóa."
    lines = []
    for group in groups:
        if len(group) == 1:
            lines.append("• " + _describe(group[0]))
        else:
            lines.append("• một trong các điều kiện: " + " HOẶC ".join(map(_describe, group)))
    if all(group[0].negated for group in groups):
        lines.append("Chỉ có điều kiện loại trừ thì không tìm được gì: thêm một từ khóa.")
    return "\n".join(lines)


def tim_anh(ten_anh: str, bang: Any = None):
    """A mock reverse image search: every page showing the photo ``ten_anh``, oldest first."""
    import pandas as pd

    rows = [
        {k: p[k] for k in ("ngay", "tieu_de", "url", "ten_mien")}
        for p in _records(bang)
        if str(p.get("anh", "")).strip().lower() == str(ten_anh).strip().lower()
    ]
    rows.sort(key=lambda r: (str(r["ngay"]), r["url"]))
    return pd.DataFrame(rows, columns=["ngay", "tieu_de", "url", "ten_mien"])


def nguon_chinh_thuc():
    """The official sources worth keeping, as a table (domain, name, what for)."""
    import pandas as pd

    return pd.DataFrame(list(data.OFFICIAL_SOURCES), columns=["ten_mien", "ten", "dung_de"])


def _results_html(query: str) -> str:
    explained = html.escape(giai_thich(query)).replace("\n", "<br>")
    try:
        results = tim_kiem(query)
        total = so_ket_qua(query)
    except TypeError:
        return "<i>Hãy gõ một truy vấn.</i>"
    head = (
        f'<div style="color:#555;margin-bottom:6px">{explained}<br><b>{total} kết quả</b>'
        + (" (hiện 10 kết quả đầu)" if total > 10 else "")
        + "</div>"
    )
    items = [
        f'<div style="margin:6px 0"><span style="color:#1a0dab;font-weight:bold">'
        f"{r.hang}. {html.escape(r.tieu_de)}</span><br>"
        f'<span style="color:#006621">{html.escape(r.url)}</span> · {r.ngay}'
        + (" · <b>PDF</b>" if r.loai_tep == "pdf" else "")
        + f'<br><span style="color:#333">{html.escape(r.trich_doan)}</span></div>'
        for r in results.itertuples()
    ]
    return head + "".join(items)


def hop_tim_kiem(truy_van: str = '"giá cà phê" site:lamdong.gov.vn'):
    """A search box: results update as you type. Shows the default query's results at once."""
    import ipywidgets as widgets

    box = widgets.Text(
        value=truy_van,
        description="Tìm:",
        continuous_update=True,
        layout=widgets.Layout(width="95%"),
    )
    out = widgets.HTML()

    def render(_change=None) -> None:
        out.value = _results_html(box.value)

    box.observe(render, names="value")
    render()
    return widgets.VBox([box, out])


def the_trang(url: str) -> str:
    """A page as plain text (for reading it before judging it)."""
    page = next((p for p in data.pages() if p["url"] == url), None)
    if page is None:
        return f"Không có trang {url} trong bộ trang giả lập."
    cites = "có" if page["co_dan_nguon"] else "không"
    return (
        f"{page['tieu_de']}\n{page['url']}\nNgày đăng: {page['ngay']} · Dẫn nguồn kiểm chứng "
        f"được: {cites}\n\n{page['noi_dung']}"
    )
