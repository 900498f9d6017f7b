"""Module 05: the data generator, the message linter, calendar helpers, masking, and the notebooks'
situations agreeing with the checks that judge them."""

from __future__ import annotations

import ast
import csv
import random
import re
import unicodedata
from datetime import datetime, timedelta

import nbformat
import pytest

from graders.m05 import checks, cong_cu
from graders.m05.cong_cu import cac_gio_bat_dau, co_ai_ban, soat_tin_nhan
from workbench import curriculum
from workbench.datasets import m05 as data

GOOD = "\n".join(
    [
        "V/v tập huấn VNeID",
        "Kính gửi: các đồng chí Trưởng thôn,",
        "Đề nghị mỗi thôn cử 2 người dự tập huấn.",
        "Hạn: 08/10/2025.",
        "Trân trọng,",
        "Võ Minh Tuấn",
        "Văn phòng HĐND và UBND xã Lạc Dương",
    ]
)


def _module_folder():
    return curriculum.load().module("m05").path


def _assigned(notebook: str, name: str):
    """The literal value a notebook's code cell assigns to ``name``."""
    nb = nbformat.read(_module_folder() / notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.parse(cell.source).body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
                return ast.literal_eval(node.value)
    raise AssertionError(f"{notebook} assigns no {name}")


# --- data ------------------------------------------------------------------------------------


def test_generated_files_are_deterministic_synthetic_and_marked(tmp_path):
    first = data.write(tmp_path / "a")
    second = data.write(tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert "gia-lap" in a.name
        assert a.read_bytes() == b.read_bytes()
        text = a.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text)
        rows = list(csv.DictReader(text.splitlines()))
        assert rows and all(row["ghi_chu"] == data.NOTE for row in rows)


def test_citizen_numbers_have_the_shapes_the_lesson_masks_but_cannot_be_real():
    rows = data.citizen_rows()
    assert len({r["ho_ten"] for r in rows}) == len(rows)
    for row in rows:
        assert re.fullmatch(r"000\d{9}", row["so_cccd"])  # province code 000 does not exist
        assert re.fullmatch(r"0\d{9}", row["so_dien_thoai"])
        assert row["email"].endswith("@example.com")
        assert "so_ca_nhan" in soat_tin_nhan(row["so_cccd"])
        assert "so_ca_nhan" in soat_tin_nhan(row["so_dien_thoai"])


def test_busy_blocks_fit_office_hours_and_never_overlap_for_one_person():
    sessions = [(data._minutes(a), data._minutes(b)) for a, b in data.SESSIONS]
    blocks: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in data.calendar_rows():
        start, end = data._minutes(row["bat_dau"]), data._minutes(row["ket_thuc"])
        assert any(a <= start < end <= b for a, b in sessions), row
        assert row["ngay"] in data.WEEK
        blocks.setdefault((row["ho_ten"], row["ngay"]), []).append((start, end))
    for spans in blocks.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    monday = {r["ho_ten"] for r in data.calendar_rows() if r["noi_dung"] == "Giao ban đầu tuần"}
    assert monday == {name for name, _ in data.OFFICIALS}


def test_the_scenario_commune_exists():
    from workbench.data import units

    assert "Xã Lạc Dương" in {u["ten"] for u in units()}


# --- the linter ------------------------------------------------------------------------------


def test_a_good_message_passes_and_nfd_typing_changes_nothing():
    assert soat_tin_nhan(GOOD) == []
    assert soat_tin_nhan(unicodedata.normalize("NFD", GOOD)) == []
    assert soat_tin_nhan(checks.build_message(*checks.LAB_MESSAGE_ARGS)) == []


def _lines(*replace: tuple[int, str]) -> str:
    lines = GOOD.split("\n")
    for index, text in replace:
        lines[index] = text
    return "\n".join(line for line in lines if line is not None)


@pytest.mark.parametrize(
    "message,code",
    [
        ("", "thieu_tieu_de"),
        ("\n".join(GOOD.split("\n")[1:]), "thieu_tieu_de"),
        (_lines((0, "V/v " + "rất " * 30)), "tieu_de_qua_dai"),
        (_lines((1, "Các đồng chí Trưởng thôn,")), "thieu_loi_chao"),
        (_lines((2, "ĐỀ NGHỊ MỖI THÔN CỬ 2 NGƯỜI DỰ TẬP HUẤN.")), "viet_hoa"),
        (_lines((3, "Hạn: thứ Tư tuần sau.")), "thieu_han"),
        (_lines((3, "Hạn: 10/17/2025.")), "ngay_sai"),
        (_lines((3, "Hạn: 31/09/2025.")), "ngay_sai"),
        (_lines((2, "Gọi bà Lan, SĐT 0900000456.")), "so_ca_nhan"),
        (_lines((2, "Bà Lan, CCCD 000186012345.")), "so_ca_nhan"),
        (_lines((2, "Xin mời " * 80)), "qua_dai"),
        (_lines((6, "Võ Minh Tuấn")), "thieu_chu_ky"),
    ],
)
def test_each_rule_fires_on_its_own_problem(message, code):
    assert code in soat_tin_nhan(message)
    assert cong_cu.giai_thich(code)


def test_office_landlines_dates_and_long_codes_are_not_personal_numbers():
    for line in ("Máy bàn: 02630000000.", "Mã hồ sơ 1234567890123.", "Họp 08/10/2025 lúc 14:00."):
        assert "so_ca_nhan" not in soat_tin_nhan(_lines((2, line)))


def test_codes_come_in_a_fixed_order():
    found = soat_tin_nhan(checks.LAB_DRAFT)
    assert found == [c for c in cong_cu.CODES if c in found] and len(found) >= 5


def test_the_widget_shows_findings_at_creation_and_as_you_type():
    box = cong_cu.o_soat_tin(checks.LESSON_DRAFT)
    text, result = box.children
    assert "thieu_han" in result.value
    text.value = GOOD
    assert "thieu_han" not in result.value and "✅" in result.value


# --- calendars -------------------------------------------------------------------------------


def test_start_times_fit_sessions_in_vietnam_time():
    starts = cac_gio_bat_dau("08/10/2025", 60)
    assert all(s.utcoffset() == timedelta(hours=7) for s in starts)
    assert starts[0].strftime("%H:%M") == data.SESSIONS[0][0]
    for start in starts:
        end = start + timedelta(minutes=60)
        assert any(
            f"{a}" <= start.strftime("%H:%M") and end.strftime("%H:%M") <= f"{b}"
            for a, b in data.SESSIONS
        )
    assert timedelta(minutes=15) in {b - a for a, b in zip(starts, starts[1:], strict=False)}
    assert cac_gio_bat_dau("08/10/2025", 5 * 60) == []  # longer than any session


def test_touching_blocks_do_not_overlap():
    lich = data.calendar_frame()
    row = lich.iloc[0]
    after = row["kt"].to_pydatetime()
    assert not co_ai_ban(lich[:1], [row["ho_ten"]], after, after + timedelta(minutes=30))
    assert co_ai_ban(lich[:1], [row["ho_ten"]], after - timedelta(minutes=1), after)


def _brute_force(people, minutes, days):
    """Minute by minute, from the raw rows: an independent check of first_free_slot."""
    busy = {}
    for row in data.calendar_rows():
        if row["ho_ten"] in people:
            start, end = data._minutes(row["bat_dau"]), data._minutes(row["ket_thuc"])
            busy.setdefault(row["ngay"], set()).update(range(start, end))
    for day in days:
        for opens, closes in data.SESSIONS:
            start = data._minutes(opens)
            while start + minutes <= data._minutes(closes):
                if not busy.get(day, set()) & set(range(start, start + minutes)):
                    return f"{day} {data._hhmm(start)}"
                start += 15
    return None


def test_first_free_slot_agrees_with_a_brute_force_search():
    lich = data.calendar_frame()
    names = [name for name, _ in data.OFFICIALS]
    rng = random.Random(5)
    found_some = False
    for _ in range(25):
        people = rng.sample(names, rng.randrange(1, 6))
        minutes = rng.choice((30, 60, 90, 120))
        want = _brute_force(people, minutes, data.WEEK)
        assert checks.first_free_slot(lich, people, minutes, data.WEEK) == want
        found_some |= want is not None
    assert found_some


def test_lab_meeting_is_not_trivial():
    """The lab's example group cannot simply take Monday's first free slot."""
    people, minutes = checks.LAB_MEETING
    got = checks.first_free_slot(data.calendar_frame(), people, minutes, data.WEEK)
    assert got is not None and not got.startswith(data.WEEK[0])
    assert checks.lesson_meeting_time() not in (None, data.SESSIONS[0][0])


# --- masking ---------------------------------------------------------------------------------


def test_masking_keeps_the_last_three_digits_and_nothing_else_changes():
    text = "A 0900000456, B 000186012345, máy bàn 02630000000, ngày 17/10/2025, mã 1234567890123."
    masked = checks.mask_personal_numbers(text)
    assert "*******456" in masked and "*********345" in masked
    assert "02630000000" in masked and "17/10/2025" in masked and "1234567890123" in masked
    assert "so_ca_nhan" not in soat_tin_nhan(_lines((2, masked)))


def test_lab_draft_check_sees_through_spaced_numbers():
    spaced = _lines(
        (2, "Hỗ trợ bà Lan (CCCD 000 186 012 345) kích hoạt VNeID."), (3, "Hạn: 17/10/2025.")
    )
    assert soat_tin_nhan(spaced) == []  # the linter alone would let it through
    assert not checks.check_lab_draft(spaced).passed
    fixed = spaced.replace("000 186 012 345", "*********345")
    assert checks.check_lab_draft(fixed).passed


# --- checks that need a closer look ------------------------------------------------------------


def test_deadline_check_names_the_swap_and_the_missing_zero():
    right = checks.lesson_deadline()
    day, month, year = right.split("/")
    assert checks.check_deadline_text(right).passed
    assert "đảo" in checks.check_deadline_text(f"{month}/{day}/{year}").message.vi
    unpadded = f"{int(day)}/{int(month)}/{year}"
    if unpadded != right:
        assert "hai chữ số" in checks.check_deadline_text(unpadded).message.vi


def test_meeting_check_tells_busy_from_not_first():
    people, day, minutes = checks.LESSON_MEETING
    lich = data.calendar_frame()
    starts = cac_gio_bat_dau(day, minutes)
    free = [s for s in starts if not co_ai_ban(lich, people, s, s + timedelta(minutes=minutes))]
    busy = [s for s in starts if s not in free]
    assert busy and len(free) > 1
    assert "trùng" in checks.check_meeting_time(busy[0].strftime("%H:%M")).message.vi
    assert "sớm nhất" in checks.check_meeting_time(free[1].strftime("%H:%M")).message.vi


def test_lab_public_check_accepts_a_free_but_late_slot_the_hidden_test_refuses():
    lich = data.calendar_frame()
    people, minutes = checks.LAB_MEETING

    def last_free(lich, nguoi, so_phut, cac_ngay):
        return checks.first_free_slot(lich, nguoi, so_phut, list(reversed(cac_ngay)))

    assert checks.check_free_slot_function(last_free).passed
    assert last_free(lich, people, minutes, data.WEEK) != checks.first_free_slot(
        lich, people, minutes, data.WEEK
    )


def test_rights_check_points_the_direction_without_naming_the_right():
    wide = dict(checks.LESSON_ROLES, duc="chỉnh sửa")
    narrow = dict(checks.LESSON_ROLES, hanh="xem")
    assert "rộng hơn" in checks.check_lesson_rights(wide).message.vi
    assert "chưa đủ" in checks.check_lesson_rights(narrow).message.vi
    spaced = {k: f" {v.upper()} " for k, v in checks.LESSON_ROLES.items()}
    assert checks.check_lesson_rights(spaced).passed


def test_message_builder_check_reports_the_wrong_line():
    def no_full_stop(tieu_de, kinh_gui, noi_dung, han, nguoi_gui, don_vi):
        return checks.build_message(tieu_de, kinh_gui, noi_dung, han, nguoi_gui, don_vi).replace(
            f"{han:%d/%m/%Y}.", f"{han:%d/%m/%Y}"
        )

    assert "Dòng 4" in checks.check_message_builder(no_full_stop).message.vi
    assert checks.check_message_builder(checks.build_message).passed


# --- notebooks and checks tell the same story --------------------------------------------------


def test_notebook_situations_match_the_checks():
    assert _assigned("bai-hoc.ipynb", "ban_nhap") == checks.LESSON_DRAFT
    assert _assigned("bai-hoc.ipynb", "tin_co_cccd") == checks.LESSON_CCCD_TEXT
    assert _assigned("thuc-hanh.ipynb", "ban_nhap") == checks.LAB_DRAFT
    assert _assigned("thuc-hanh.ipynb", "TUAN") == list(data.WEEK)
    assert checks.LESSON_DEADLINE not in checks.LESSON_DRAFT  # the learner must add it
    assert checks.LAB_DEADLINE not in checks.LAB_DRAFT  # the draft has it as mm/dd
    assert all(number in checks.LAB_DRAFT for number in checks.LAB_PERSONAL)
    lab = (_module_folder() / "thuc-hanh.ipynb").read_text(encoding="utf-8")
    assert checks.UNIT_EMAIL in lab and checks.VICE_CHAIR_EMAIL in lab
    start = datetime.strptime(_lesson_start(), "%Y, %m, %d").date()
    assert start == checks.LESSON_START


def _lesson_start() -> str:
    nb = nbformat.read(_module_folder() / "bai-hoc.ipynb", as_version=4)
    source = next(c.source for c in nb.cells if c.source.startswith("ngay_giao = date("))
    return re.search(r"date\((\d+, \d+, \d+)\)", source).group(1)
