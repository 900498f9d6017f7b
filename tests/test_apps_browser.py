"""Apps 1–6 in headless Chromium through the real served gallery (Voila), at phone width.

Each test plays a learner's scenario with real DOM events (select, tick, type, click, download),
then checks what is on screen against expectations computed here from the data the apps are built
on (the module datasets, the validators, ``units_frame()``, the syllabus), keeps a full-page
screenshot in ``browser.artifacts()`` and checks that nothing scrolls sideways on a 390 px phone.
The in-process twins of these scenarios are ``tests/test_app_*.py``.
"""

from __future__ import annotations

import io
import re
import time
import unicodedata
import uuid

import nbformat
import pandas as pd
import pytest
import requests
from browser import PHONE, answers, artifacts, browser, open_app, served_gallery
from conftest import copy_course
from playwright.sync_api import expect

from graders.m04.ho_so import TEN_TRUONG, kiem_tra_ho_so, loi_cccd
from graders.m06.lua_dao import DAU_HIEU
from graders.m06.mat_khau import danh_gia_mat_khau
from workbench import curriculum
from workbench.apps import APPS, _ui, app
from workbench.data import units_frame
from workbench.datasets.m04 import catalogue
from workbench.datasets.m06 import SCAM, messages, signs_of

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]
TOKEN = "trinh-duyet-" + uuid.uuid4().hex
WAIT = 30_000  # ms: a kernel on a busy 2-core runner may take a while to answer
expect.set_options(timeout=WAIT)
ERRORS: dict = {}  # page -> uncaught JavaScript errors


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def home(pristine_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("browser") / "home"
    copy_course(pristine_home, home)
    return home


@pytest.fixture(scope="module")
def gallery(home):
    """The gallery as ``hocvuso ung-dung`` serves it (token, one preheated kernel per app)."""
    with served_gallery(home, token=TOKEN, pool_size=1) as (base, *_rest):
        yield base


@pytest.fixture(scope="module")
def chromium():
    with browser() as launched:
        yield launched


@pytest.fixture
def page(chromium, request):
    """A fresh phone-sized tab (its own cookies and downloads) for each test; its JavaScript
    errors are collected for ``keep``, and a failed test leaves a screenshot of where it stopped."""
    context = chromium.new_context(viewport=PHONE, accept_downloads=True, locale="vi-VN")
    context.set_default_timeout(WAIT)
    tab = context.new_page()
    ERRORS[tab] = errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    failed = request.session.testsfailed
    yield tab
    if request.session.testsfailed > failed:  # the call phase is reported before teardown
        tab.screenshot(path=artifacts() / f"loi-{request.node.name}.png", full_page=True)
    del ERRORS[tab]
    context.close()


# --- helpers ------------------------------------------------------------------------------------


def start(page, gallery, module: str):
    """Open the app of ``module`` and return its root box."""
    open_app(page, gallery, app(module).file, token=TOKEN)
    root = page.locator(f".{_ui.APP}")
    expect(root).to_be_visible()
    return root


# The page (templates/voila/hocvuso) scrolls the document; the app's box must fit it too.
MEASURE = """() => {
  const main = document.scrollingElement, app = document.querySelector('#rendered_cells');
  return {page: main.scrollWidth, visible: main.clientWidth, app: app ? app.scrollWidth : 0};
}"""


# Table cells with a number, date or word broken across lines ("1.600.0" / "00 đ"); a break
# after a hyphen or at a space is fine.
BROKEN_CELLS = """() => [...document.querySelectorAll('.hocvuso-app td, .hocvuso-app th')].flatMap(cell => {
  const node = cell.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return [];
  const words = [...node.data.matchAll(/[^\\s-]+/g)];
  return words.filter(w => {
    const range = document.createRange();
    range.setStart(node, w.index);
    range.setEnd(node, w.index + w[0].length);
    return range.getClientRects().length > 1;
  }).map(w => w[0]);
})"""


def keep(page, name: str) -> None:
    """No JavaScript error, no sideways scrolling and no word cut in two at phone width, and a full-page screenshot as a test artifact."""
    assert ERRORS.get(page) == [], f"{name}: JavaScript errors {ERRORS.get(page)}"
    sizes = page.evaluate(MEASURE)
    assert sizes["page"] <= sizes["visible"] + 1 <= PHONE["width"] + 1, (name, sizes)
    assert sizes["app"] <= sizes["visible"] + 1, (name, sizes)
    broken = page.evaluate(BROKEN_CELLS)
    assert broken == [], f"{name}: words broken inside table cells: {broken[:10]}"
    page.screenshot(path=artifacts() / f"{name}.png", full_page=True)


def html_widget(root, text):
    """The HTML widget whose text contains ``text``."""
    return root.locator(".widget-html-content").filter(has_text=text)


def vnd(value: int) -> str:
    """Vietnamese thousands separators, written here independently of ``_ui.number``."""
    return f"{value:,}".replace(",", ".")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def download(page, link) -> tuple[str, bytes]:
    """Click a download link; the suggested file name and the bytes the browser saved."""
    with page.expect_download() as info:
        link.click()
    saved = info.value
    assert saved.failure() is None
    with open(saved.path(), "rb") as handle:
        return saved.suggested_filename, handle.read()


# --- the landing page ---------------------------------------------------------------------------


def test_landing_page_lists_the_apps_and_opens_the_first(page, gallery):
    page.goto(f"{gallery}/?token={TOKEN}")
    titles = page.locator("li.the a strong")
    expect(titles).to_have_text([info.title for info in APPS])
    for info in APPS:
        expect(page.get_by_text(info.title, exact=True)).to_be_visible()
    keep(page, "trang-chu")

    page.get_by_role("link", name=APPS[0].title).click()
    first = page.locator(f".{_ui.FIRST}").first
    first.wait_for(state="visible", timeout=60_000)
    assert page.url.split("?")[0].endswith(f"/voila/render/{APPS[0].file}")
    expect(page.locator(f".{_ui.APP} h2")).to_have_text(APPS[0].title)


# --- 1. procedures assistant --------------------------------------------------------------------


def test_thu_tuc_event_checklist_and_mock_form(page, gallery):
    procs = catalogue()
    # The procedure with the most documents that the page does not open on.
    chosen = max(procs[1:], key=lambda p: len(p["giay_to"]))
    documents = list(chosen["giay_to"])
    assert len(documents) >= 2
    root = start(page, gallery, "thu_tuc")

    event = page.locator(f".{_ui.FIRST} select")
    event.select_option(label=f"{chosen['su_kien']}: {chosen['ten_thu_tuc']}")
    details = page.locator(f".{_ui.FIRST_RESULT}")
    expect(details.locator("h3")).to_have_text(chosen["ten_thu_tuc"])
    expect(details.locator("li")).to_have_text(documents)
    expect(details).to_contain_text(f"{chosen['thoi_han_ngay']} ngày làm việc")
    if chosen["le_phi"]:
        expect(details).to_contain_text(f"{vnd(chosen['le_phi'])} đồng")

    # The checklist: one box per document, the count follows each tick.
    boxes = page.locator(".thu-tuc-giay-to .widget-checkbox")
    expect(boxes).to_have_text(documents)
    summary = html_widget(root, re.compile(r"\d+/\d+ giấy tờ"))
    expect(summary).to_contain_text(f"0/{len(documents)}")
    boxes.nth(0).locator("input").check()
    expect(summary).to_contain_text(f"1/{len(documents)}")
    expect(summary).not_to_contain_text("Đã đủ")
    for i in range(1, len(documents)):
        boxes.nth(i).get_by_label(documents[i]).check()
    expect(summary).to_contain_text(f"Đã đủ {len(documents)}/{len(documents)} giấy tờ")

    # The mock form: a short CCCD number is flagged as it is typed, in Vietnamese.
    form = {
        "ho_ten": "Nguyễn Thị Mẫu",
        "so_cccd": "0001900",
        "ngay_sinh": "12/03/1995",
        "so_dien_thoai": "0912345678",
    }
    cccd_error = loi_cccd(form["so_cccd"])
    assert cccd_error
    expect(root).not_to_contain_text(cccd_error)
    for field, value in form.items():
        page.get_by_label(TEN_TRUONG[field], exact=True).fill(value)
    expect(root).to_contain_text(cccd_error)
    for field in ("ho_ten", "ngay_sinh", "so_dien_thoai"):
        expect(root).to_contain_text(f"✓ {TEN_TRUONG[field]}")

    # "Nộp thử" refuses, listing exactly the validator's errors, and gives no receipt.
    errors = kiem_tra_ho_so({**form, "ma_thu_tuc": chosen["ma_thu_tuc"], "giay_to": documents})
    assert list(errors) == ["so_cccd"]
    submit = page.get_by_role("button", name="Nộp thử")
    submit.click()
    refused = html_widget(root, "Chưa nộp được")
    expect(refused).to_contain_text(f"{len(errors)} lỗi")
    expect(refused).to_contain_text(f"{TEN_TRUONG['so_cccd']}: {cccd_error}")
    expect(root).not_to_contain_text("Mã biên nhận")

    # Fixed: the line turns green, the refusal goes, and a trial receipt comes.
    form["so_cccd"] = "000190000001"
    assert loi_cccd(form["so_cccd"]) is None
    page.get_by_label(TEN_TRUONG["so_cccd"], exact=True).fill(form["so_cccd"])
    expect(root).to_contain_text(f"✓ {TEN_TRUONG['so_cccd']}")
    expect(refused).to_have_count(0)
    submit.click()
    receipt = html_widget(root, "Mã biên nhận thử")
    expect(receipt).to_contain_text(f"Mã biên nhận thử: THU-{chosen['ma_thu_tuc']}-0001")
    expect(receipt).to_contain_text(chosen["ten_thu_tuc"])
    assert form["so_cccd"] not in receipt.inner_text()  # the receipt echoes no personal data
    keep(page, app("thu_tuc").slug)


# --- 2. spot the scam ---------------------------------------------------------------------------


def test_lua_dao_verdicts_explanations_and_score(page, gallery):
    from workbench.apps.lua_dao import DECK_CODES  # only the order of the deck

    by_code = {m["ma"]: m for m in messages()}
    deck = [by_code[code] for code in DECK_CODES]
    root = start(page, gallery, "lua_dao")
    scam_button = page.get_by_role("button", name="Lừa đảo", exact=True)
    genuine_button = page.get_by_role("button", name="Tin thật", exact=True)
    next_button = page.get_by_role("button", name=re.compile("Tin tiếp theo|Xem kết quả"))
    verdict = page.locator(f".{_ui.FIRST_RESULT}")
    progress = html_widget(root, "Điểm:")

    def answer(message, right: bool):
        scam = message["nhan"] == SCAM
        (scam_button if scam == right else genuine_button).click()

    wrong = 1  # the second message is answered wrongly, the others rightly
    for i, message in enumerate(deck):
        expect(root).to_contain_text(message["noi_dung"])
        expect(verdict).to_contain_text("Bạn nghĩ sao?")
        expect(progress).to_have_text(f"Tin {i + 1}/{len(deck)} · Điểm: {i - (i > wrong)}/{i}")
        answer(message, right=i != wrong)
        truth = "Lừa đảo" if message["nhan"] == SCAM else "Tin thật"
        head = "✅ Đúng!" if i != wrong else "❌ Chưa đúng."
        expect(verdict).to_contain_text(f"{head} Đây là: {truth}.")
        score = i + 1 - (i >= wrong)
        expect(progress).to_have_text(f"Tin {i + 1}/{len(deck)} · Điểm: {score}/{i + 1}")
        if i <= wrong:  # read the explanation of the first two in full
            expect(verdict).to_contain_text(message["giai_thich"])
            signs = [DAU_HIEU[code][0] for code in signs_of(message)]
            if signs:
                expect(verdict.locator("li b")).to_have_text(signs)
            else:
                expect(verdict).to_contain_text("Không có dấu hiệu lừa đảo nào")
            expect(scam_button).to_be_disabled()
            expect(genuine_button).to_be_disabled()
        next_button.click()

    result = html_widget(root, "Kết quả:")
    expect(result).to_contain_text(f"Kết quả: {len(deck) - 1}/{len(deck)} tin đúng")
    missed = result.locator("tbody tr")
    expect(missed).to_have_count(1)
    expect(missed).to_contain_text(deck[wrong]["nguoi_gui"])
    expect(scam_button).to_be_hidden()
    keep(page, app("lua_dao").slug)


# --- 3. password checker ------------------------------------------------------------------------

# Neither password occurs in the page's own text (examples, advice), so finding one is a leak.
WEAK, PASSPHRASE = "minh2024", "tra-atiso-den-mua-suong-81"

FIND_ELSEWHERE = """secret => {
  const found = [];
  if (document.body.innerText.includes(secret)) found.push('body.innerText');
  for (const e of document.querySelectorAll('input, textarea, select')) {
    if (e.type !== 'password' && (e.value || '').includes(secret)) found.push(e.outerHTML);
  }
  const copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll('input[type=password]').forEach(e => e.remove());
  if (copy.outerHTML.includes(secret)) found.push('the document');
  return found;
}"""


def test_mat_khau_level_rises_and_the_password_stays_in_its_box(page, gallery):
    weak, strong = danh_gia_mat_khau(WEAK), danh_gia_mat_khau(PASSPHRASE)
    assert weak.muc < strong.muc
    root = start(page, gallery, "mat_khau")
    for secret in (WEAK, PASSPHRASE):
        assert secret not in root.inner_text()
    box = page.locator(f".{_ui.FIRST} input[type=password]")
    meter = page.locator(f".{_ui.FIRST_RESULT}")
    expect(meter).to_contain_text("Chưa có mật khẩu")

    box.press_sequentially(WEAK, delay=20)  # key by key, as a learner types
    expect(meter).to_contain_text(f"Mức {weak.muc}/4: {weak.ten_muc} · {weak.do_dai} ký tự")
    expect(meter).to_contain_text(weak.thoi_gian_ngoai_tuyen)
    assert box.input_value() == WEAK
    assert page.evaluate(FIND_ELSEWHERE, WEAK) == []

    box.fill(PASSPHRASE)
    expect(meter).to_contain_text(f"Mức {strong.muc}/4: {strong.ten_muc} · {strong.do_dai} ký tự")
    expect(meter).to_contain_text(strong.thoi_gian_ngoai_tuyen)
    assert box.input_value() == PASSPHRASE
    for secret in (WEAK, PASSPHRASE):
        assert page.evaluate(FIND_ELSEWHERE, secret) == [], secret
    keep(page, app("mat_khau").slug)

    box.fill("")
    expect(meter).to_contain_text("Chưa có mật khẩu")


# --- 4. the 124 units ---------------------------------------------------------------------------


def test_don_vi_filters_count_and_downloads(page, gallery):
    frame = units_frame()
    kind = "phường"
    by_kind = frame[frame["loai"] == kind].reset_index(drop=True)
    query = "da lat"
    searched = by_kind[by_kind["ten"].map(fold).str.contains(query)].reset_index(drop=True)
    assert 1 < len(searched) < len(by_kind) < len(frame)

    root = start(page, gallery, "don_vi")
    summary = page.locator(f".{_ui.FIRST_RESULT}")
    expect(summary).to_contain_text(f"{len(frame)}/{len(frame)}")
    csv_link = page.get_by_role("link", name="Tải CSV")
    excel_link = page.get_by_role("link", name="Tải Excel")
    before = csv_link.get_attribute("href")

    page.locator(f".{_ui.FIRST} select").select_option(label=kind.capitalize())
    expect(summary).to_contain_text(f"Đang hiển thị {len(by_kind)}/{len(frame)} đơn vị")
    codes = root.locator("table tbody tr td:first-child")
    expect(codes).to_have_text([str(c) for c in by_kind["ma"]])
    expect(csv_link).not_to_have_attribute("href", before)  # the links follow the filter
    name, data = download(page, csv_link)
    assert name.endswith(".csv") and data.startswith("\ufeff".encode())
    got = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(got, by_kind, check_dtype=False)

    before = excel_link.get_attribute("href")
    page.get_by_label("Tìm", exact=True).fill(query)
    expect(summary).to_contain_text(f"Đang hiển thị {len(searched)}/{len(frame)} đơn vị")
    expect(codes).to_have_text([str(c) for c in searched["ma"]])
    expect(excel_link).not_to_have_attribute("href", before)
    name, data = download(page, excel_link)
    assert name.endswith(".xlsx")
    got = pd.read_excel(io.BytesIO(data))
    pd.testing.assert_frame_equal(got, searched, check_dtype=False)
    keep(page, app("don_vi").slug)


# --- 5. cash book -------------------------------------------------------------------------------


def test_thu_chi_sample_entry_error_and_excel(page, gallery):
    from workbench.apps.thu_chi import AmountError, parse_amount, sample_entries

    sample = sample_entries()
    income = sum(e["so_tien"] for e in sample if e["loai"] == "thu")
    expense = sum(e["so_tien"] for e in sample if e["loai"] == "chi")

    def totals(income: int, expense: int, rows: int) -> str:
        return (
            f"Tổng thu: {vnd(income)} đ · Tổng chi: {vnd(expense)} đ · "
            f"Chênh lệch: {vnd(income - expense)} đ ({rows} dòng)"
        )

    root = start(page, gallery, "thu_chi")
    summary = page.locator(f".{_ui.FIRST_RESULT}")
    expect(summary).to_contain_text("Sổ đang trống")
    page.get_by_role("button", name="Thêm dữ liệu mẫu").click()
    expect(summary).to_have_text(totals(income, expense, len(sample)))
    excel_link = page.get_by_role("link", name="Tải Excel")
    expect(excel_link).to_be_visible()

    # One expense typed in by hand, in a month the sample does not have.
    page.get_by_label("Ngày", exact=True).fill("2025-07-15")
    page.locator(".widget-toggle-buttons").get_by_role("button", name="Chi", exact=True).click()
    category = page.get_by_label("Khoản", exact=True)
    expect(category.locator("option", has_text="Phân bón")).to_have_count(1)
    category.select_option(label="Phân bón")
    amount = page.get_by_label("Số tiền", exact=True)
    amount.fill("2.350.000")
    page.get_by_label("Ghi chú", exact=True).fill("12 bao NPK")
    before = excel_link.get_attribute("href")
    add = page.get_by_role("button", name=re.compile(r"\bThêm$"))  # the icon is in the name
    add.click()
    message = html_widget(root, "Đã thêm:")
    expect(message).to_have_text("Đã thêm: 15/07/2025 · Chi · Phân bón · 2.350.000 đ")
    expect(summary).to_have_text(totals(income, expense + 2_350_000, len(sample) + 1))
    expect(amount).to_have_value("")
    july = root.locator("tbody tr").filter(has=page.get_by_text("07/2025", exact=True))
    expect(july.locator("td")).to_have_text(["07/2025", "0 đ", "2.350.000 đ", "-2.350.000 đ"])

    # A bad amount: the validator's Vietnamese message, and nothing added.
    bad = "1,5 triệu"
    with pytest.raises(AmountError) as refused:
        parse_amount(bad)
    amount.fill(bad)
    add.click()
    expect(root.locator(".widget-html-content p.xau")).to_have_text(str(refused.value))
    expect(summary).to_have_text(totals(income, expense + 2_350_000, len(sample) + 1))

    # The Excel file: the monthly sheet is a groupby of the entries sheet.
    expect(excel_link).not_to_have_attribute("href", before)
    name, data = download(page, excel_link)
    assert name.endswith(".xlsx")
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == ["Sổ thu chi", "Theo tháng"]
    book, months = sheets["Sổ thu chi"], sheets["Theo tháng"]
    assert len(book) == len(sample) + 1
    assert ((book["Khoản"] == "Phân bón") & (book["Số tiền (đồng)"] == 2_350_000)).sum() >= 1
    day = pd.to_datetime(book["Ngày"])
    grouped = (
        book.assign(thang=day.dt.strftime("%m/%Y"), ky=day.dt.strftime("%Y-%m"))
        .groupby(["ky", "thang", "Loại"])["Số tiền (đồng)"]
        .sum()
        .unstack(fill_value=0)
        .reset_index()
    )
    expected = pd.DataFrame(
        {
            "Tháng": grouped["thang"],
            "Thu": grouped["Thu"],
            "Chi": grouped["Chi"],
            "Chênh lệch": grouped["Thu"] - grouped["Chi"],
        }
    )
    pd.testing.assert_frame_equal(months, expected, check_dtype=False)
    assert months["Tháng"].iloc[-1] == "07/2025" and months["Chi"].iloc[-1] == 2_350_000
    assert months["Thu"].sum() == income
    keep(page, app("thu_chi").slug)


# --- 6. self-assessment -------------------------------------------------------------------------

SCALE = ("Chưa làm được", "Làm được khi có người giúp", "Tự làm được", "Hướng dẫn được người khác")


def test_tu_danh_gia_weak_domain_levels_and_path(page, gallery):
    frameworks = curriculum.competences()
    syllabus = curriculum.load()
    domains = frameworks["domains"]
    level_names = {int(n): lv["vi"] for n, lv in frameworks["levels"].items()}
    weak_domain = "1"  # information and data: the two groups' paths differ
    answers = {code: (2, 2) for code in domains} | {weak_domain: (0, 1)}  # indices in SCALE
    levels = {code: sum(pair) for code, pair in answers.items()}  # DigComp: the sum is the level

    def path(track) -> list[str]:
        return [
            m.id
            for m in syllabus.modules
            if m.id in track.modules and any(c.split(".")[0] == weak_domain for c in m.competences)
        ]

    root = start(page, gallery, "tu_danh_gia")
    radios = page.locator(".widget-radio")
    expect(radios).to_have_count(2 * len(domains))
    for d, code in enumerate(domains):
        for q, choice in enumerate(answers[code]):
            radios.nth(2 * d + q).get_by_label(SCALE[choice], exact=True).check()

    summary = page.locator(f".{_ui.FIRST_RESULT}")
    expect(summary).to_contain_text(f"Đã trả lời {2 * len(domains)}/{2 * len(domains)} câu")
    rows = summary.locator("tbody tr")
    expect(rows).to_have_count(len(domains))
    for i, (code, domain) in enumerate(domains.items()):
        expect(rows.nth(i).locator("td")).to_have_text(
            [f"{code}. {domain['vi']}", level_names[levels[code]]]
        )
    expect(rows.nth(list(domains).index(weak_domain)).locator("td.xau")).to_have_count(1)
    expect(summary.locator("td.xau")).to_have_count(1)

    items = root.locator("ol li")
    tracks = list(syllabus.tracks)
    paths = [path(t) for t in tracks]
    assert all(paths) and len({tuple(p) for p in paths}) > 1  # the group matters
    track_box = page.get_by_label("Bạn là", exact=True)
    for track, expected in reversed(list(zip(tracks, paths, strict=True))):
        track_box.select_option(label=track.title["vi"])
        expect(items).to_have_count(len(expected))
        for item, module_id in zip(items.all(), expected, strict=True):
            module = syllabus.module(module_id)
            expect(item).to_contain_text(
                f"{module.title['vi']} ({module_id}) · {module.minutes_for(track.id)} phút"
            )
        minutes = sum(syllabus.module(m).minutes_for(track.id) for m in expected)
        expect(root).to_contain_text(f"Tổng thời gian: {minutes} phút")
    keep(page, app("tu_danh_gia").slug)


# --- the page itself (templates/voila/hocvuso + frontend/) --------------------------------------


def test_the_page_shows_every_kind_of_output_and_explains_a_widget_it_cannot_show(
    page, gallery, home
):
    """Markdown, printed text, HTML and an Output widget (its code loaded on demand) are shown;
    code is not; a widget from a library the page does not bundle gets a Vietnamese message in
    its place while the rest of the page works."""
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("## Trang thử nghiệm\n\nChữ *nghiêng* ở ô markdown."),
            nbformat.v4.new_code_cell('print("Dòng in ra: xin chào")'),
            nbformat.v4.new_code_cell(
                "from IPython.display import HTML\nHTML(\"<b class='dam'>Chữ đậm từ HTML</b>\")"
            ),
            nbformat.v4.new_code_cell(
                "import ipywidgets as w\n"
                "out = w.Output()\n"
                "nut = w.Button(description='Ghi vào ô kết quả')\n"
                "def ghi(_):\n"
                "    with out:\n"
                "        print('Đã bấm nút lần', len(out.outputs) + 1)\n"
                "nut.on_click(ghi)\n"
                "w.VBox([nut, out])"
            ),
            nbformat.v4.new_code_cell(
                "import traitlets as t\n"
                "class LaMat(w.DOMWidget):\n"
                "    _view_name = t.Unicode('LaView').tag(sync=True)\n"
                "    _view_module = t.Unicode('goi-khong-co').tag(sync=True)\n"
                "    _view_module_version = t.Unicode('1.0.0').tag(sync=True)\n"
                "LaMat()"
            ),
        ]
    )
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.metadata["title"] = "Trang thử nghiệm"
    nbformat.write(notebook, home / "ung-dung" / "thu-trang.ipynb")

    page.goto(f"{gallery}/voila/render/thu-trang.ipynb?token={TOKEN}", wait_until="commit")
    expect(page.get_by_role("heading", name="Trang thử nghiệm")).to_be_visible()
    assert page.title() == "Trang thử nghiệm"
    expect(page.locator("em")).to_have_text("nghiêng")
    expect(page.get_by_text("Dòng in ra: xin chào")).to_be_visible()
    expect(page.locator("b.dam")).to_have_text("Chữ đậm từ HTML")
    expect(page.get_by_text("Không hiển thị được phần này của ứng dụng")).to_have_count(1)

    button = page.get_by_role("button", name="Ghi vào ô kết quả")
    button.click()
    expect(page.get_by_text("Đã bấm nút lần 1")).to_be_visible()
    button.click()
    expect(page.get_by_text("Đã bấm nút lần 2")).to_be_visible()

    html = page.content()
    assert "def ghi" not in html and "on_click" not in html and "LaMat" not in html
    assert page.locator("#loading").count() == 0
    keep(page, "trang-thu-nghiem")


def _kernel_of(page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def _kernel_exists(gallery: str, kernel_id: str) -> bool:
    answer = requests.get(
        f"{gallery}/api/kernels/{kernel_id}",
        headers={"Authorization": f"token {TOKEN}"},
        timeout=30,
    )
    assert answer.status_code in (200, 404), answer.status_code
    return answer.status_code == 200


def test_closing_the_tab_gives_the_kernel_back(page, gallery):
    start(page, gallery, "mat_khau")
    kernel_id = _kernel_of(page)
    assert _kernel_exists(gallery, kernel_id)
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 20  # far below the idle timeout (900 s)
    while _kernel_exists(gallery, kernel_id) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _kernel_exists(gallery, kernel_id)


def test_a_stopped_kernel_is_explained_and_a_reload_brings_the_app_back(page, gallery):
    start(page, gallery, "mat_khau")
    kernel_id = _kernel_of(page)
    notice = page.get_by_role("alert")
    expect(notice).to_have_count(0)
    # What idle culling does (`hocvuso apps --het-gio`), without waiting for it.
    requests.delete(
        f"{gallery}/api/kernels/{kernel_id}",
        headers={"Authorization": f"token {TOKEN}"},
        timeout=30,
    ).raise_for_status()
    expect(page.locator(f".{_ui.FIRST}").first).to_be_visible()  # the page does not know yet
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # back to the tab
    expect(notice).to_contain_text("Ứng dụng đã dừng vì lâu không dùng")
    notice.get_by_role("button", name="Tải lại trang (Reload)").click()
    page.locator(f".{_ui.FIRST}").first.wait_for(state="visible")
    assert _kernel_of(page) != kernel_id
    expect(page.get_by_role("alert")).to_have_count(0)
    answers(page, app("mat_khau").load().FIRST_ACTION)  # the new kernel answers
