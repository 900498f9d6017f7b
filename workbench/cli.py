"""``hocvuso``: the one CLI, a thin shell over :mod:`workbench.course` (help in Vietnamese)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import curriculum
from .course import BuildError, Course


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix or "Cách dùng: ")


_ARGPARSE_VI = (
    ("the following arguments are required", "thiếu tham số bắt buộc"),
    ("unrecognized arguments", "không hiểu các tham số"),
    ("invalid choice", "lựa chọn không hợp lệ"),
    ("invalid int value", "không phải số nguyên"),
    ("expected one argument", "cần một giá trị"),
    ("choose from", "chọn một trong"),
    ("argument", "tham số"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with its error messages in Vietnamese."""

    def error(self, message: str):
        for english, vietnamese in _ARGPARSE_VI:
            message = message.replace(english, vietnamese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--home",
        type=Path,
        help="thư mục làm việc của khóa học (mặc định: $HOCVUSO_HOME hoặc ~/.local/share/hocvuso)",
    )
    common.add_argument(
        "--db",
        metavar="URL",
        help="sổ điểm dùng chung, ví dụ postgresql+psycopg://nguoi-cham@may-chu/hocvuso "
        "(mặc định: $HOCVUSO_DB_URL hoặc SQLite trong thư mục khóa học)",
    )
    parser = _Parser(
        prog="hocvuso",
        description="Bàn thực hành Bình dân học vụ số Lâm Đồng: bài học, bài thực hành chấm tự "
        "động (nbgrader) và ứng dụng (Voila).",
        epilog="Ví dụ: hocvuso start · hocvuso grade m01 ~/bai-nop · hocvuso export diem.csv",
        formatter_class=_Formatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")
    parser._positionals.title = "lệnh"
    parser._optionals.title = "tùy chọn"
    commands = parser.add_subparsers(
        dest="command", metavar="<lệnh>", required=True, parser_class=_Parser
    )

    def command(name: str, text: str, aliases: list[str] | None = None) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            aliases=aliases or [],
            prog=f"hocvuso {name}",
            help=text,
            description=text,
            parents=[common],
            add_help=False,
            formatter_class=_Formatter,
        )
        sub.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")
        sub._positionals.title = "tham số"
        sub._optionals.title = "tùy chọn"
        return sub

    start = command("start", "dựng khóa học rồi mở JupyterLab tiếng Việt (127.0.0.1, có mã token)")
    start.add_argument("--port", type=int, default=8888, help="cổng (mặc định 8888)")
    start.add_argument("--token", help="mã truy cập (mặc định: sinh ngẫu nhiên)")
    start.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    start.add_argument(
        "--cong-ung-dung",
        type=int,
        metavar="CỔNG",
        help="cổng của trang ứng dụng Voila (mặc định: cổng JupyterLab + 1)",
    )

    apps = command(
        "apps",
        "phục vụ trang ứng dụng Voila (127.0.0.1, cần mã token hoặc mật khẩu, không lộ mã nguồn)",
        aliases=["ung-dung"],
    )
    apps.add_argument("--port", type=int, default=8866, help="cổng (mặc định 8866)")
    apps.add_argument("--token", help="mã truy cập (mặc định: $HOCVUSO_TOKEN hoặc sinh ngẫu nhiên)")
    apps.add_argument(
        "--mat-khau",
        action="store_true",
        help="đăng nhập bằng mật khẩu thay cho token (hỏi khi chạy, hoặc lấy từ "
        "$HOCVUSO_APPS_PASSWORD)",
    )
    apps.add_argument(
        "--san-sang",
        type=int,
        default=1,
        metavar="N",
        help="số hạt nhân chạy sẵn cho mỗi ứng dụng (mặc định 1; 0 để tắt)",
    )
    apps.add_argument(
        "--het-gio",
        type=int,
        default=900,
        metavar="GIÂY",
        help="tắt hạt nhân không hoạt động sau chừng này giây (mặc định 900)",
    )
    apps.add_argument(
        "--chi-hoc-vien",
        action="store_true",
        help="không phục vụ ứng dụng dành cho giảng viên (bảng theo dõi tiến độ)",
    )

    build = command("build", "kiểm tra mọi bài thực hành và tạo bản cho học viên")
    build.add_argument("--force", action="store_true", help="dựng lại dù không có gì thay đổi")
    build.add_argument(
        "hoc_phan", nargs="*", metavar="HỌC_PHẦN", help="chỉ dựng các học phần này (vd. m03)"
    )

    release = command("release", "phát hành một bài thực hành cho học viên (nbgrader exchange)")
    release.add_argument("assignment", help="mã học phần, ví dụ m01")

    grade = command("grade", "chấm tự động các bài nộp của một bài thực hành")
    grade.add_argument("assignment", help="mã bài thực hành, ví dụ m01 hoặc m02-nd")
    grade.add_argument(
        "folder",
        nargs="?",
        type=Path,
        help="thư mục hoặc tệp .zip bài nộp: <mã học viên>/thuc-hanh.ipynb hoặc "
        "<mã học viên>.ipynb (bỏ trống: chấm các bài đã thu)",
    )
    grade.add_argument(
        "--danh-sach",
        type=Path,
        metavar="TỆP",
        help="danh sách lớp .csv hoặc .xlsx (ma_hoc_vien, ho_ten, don_vi, nhom_doi_tuong) "
        "để đối chiếu bài nộp",
    )
    grade.add_argument(
        "--so-luong",
        type=int,
        metavar="N",
        help="số bài chấm cùng lúc (mặc định: số nhân CPU)",
    )
    grade.add_argument(
        "--thoi-gian-o",
        type=float,
        metavar="GIÂY",
        help="thời gian tối đa cho một ô của bài làm (mặc định 30 giây)",
    )
    grade.add_argument(
        "--thoi-gian-bai",
        type=float,
        metavar="GIÂY",
        help="thời gian tối đa cho cả một bài (mặc định 180 giây)",
    )
    grade.add_argument(
        "--cham-lai",
        action="store_true",
        help="chấm lại cả những bài đã chấm và không thay đổi",
    )
    grade.add_argument(
        "--thu-bai",
        action="store_true",
        help="trước khi chấm, thu các bài học viên đã nộp qua mục Assignments (nbgrader exchange)",
    )

    feedback = command("feedback", "tạo nhận xét HTML tiếng Việt cho từng học viên")
    feedback.add_argument("assignment", help="mã học phần, ví dụ m01")

    export = command("export", "xuất bảng điểm CSV hoặc Excel (kèm tổng hợp)")
    export.add_argument(
        "output",
        type=Path,
        help="tệp sẽ ghi: diem.csv, hoặc diem.xlsx (thêm trang tổng hợp theo đơn vị, nhóm đối "
        "tượng, năng lực)",
    )
    export.add_argument("--assignment", help="chỉ một bài (mặc định: tất cả)")
    export.add_argument(
        "--danh-sach", type=Path, metavar="TỆP", help="danh sách lớp (mặc định: lần nạp gần nhất)"
    )

    certify = command(
        "certify",
        "cấp giấy chứng nhận (PDF) cho học viên hoàn thành lộ trình, kèm bảng minh chứng năng lực",
        aliases=["chung-nhan"],
    )
    certify.add_argument(
        "hoc_vien", nargs="*", metavar="MÃ_HỌC_VIÊN", help="mã học viên (hoặc dùng --ca-lop)"
    )
    certify.add_argument(
        "--ca-lop", action="store_true", help="cả lớp: mọi học viên trong danh sách và sổ điểm"
    )
    certify.add_argument(
        "--lo-trinh",
        choices=[t.id for t in curriculum.load().tracks],
        help="xét theo lộ trình này (mặc định: theo nhóm đối tượng trong danh sách lớp — cán bộ, "
        "công chức, viên chức: can-bo; nhóm khác: nguoi-dan)",
    )
    certify.add_argument(
        "--nguong",
        type=_ratio,
        default=0.5,
        metavar="TỈ_LỆ",
        help="mỗi bài của lộ trình cần đạt ít nhất tỉ lệ điểm này: 0,5 hoặc 50%% (mặc định 0,5)",
    )
    certify.add_argument(
        "--thu-muc",
        type=Path,
        metavar="THƯ_MỤC",
        help="nơi ghi giấy chứng nhận và bảng minh chứng (mặc định: <thư mục làm việc>/chung-nhan)",
    )
    certify.add_argument(
        "--danh-sach", type=Path, metavar="TỆP", help="danh sách lớp (mặc định: lần nạp gần nhất)"
    )
    return parser


def _limits(args):
    from dataclasses import replace

    from graders.sandbox import Limits

    limits = Limits()
    for option, name in (("thoi_gian_o", "cell_seconds"), ("thoi_gian_bai", "total_seconds")):
        value = getattr(args, option)
        if value is not None:
            if not 0 < value <= 24 * 3600:
                raise ValueError(f"--{option.replace('_', '-')}: cần một số giây lớn hơn 0.")
            limits = replace(limits, **{name: value})
    return limits


def _ratio(text: str) -> float:
    """ "0,5", "0.5" or "50%" → 0.5."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = float(cleaned.rstrip("%")) / (100 if cleaned.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” không phải tỉ lệ (ví dụ 0,5 hoặc 50%)"
        ) from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"“{text}” phải lớn hơn 0 và không quá 1 (100%)")
    return value


def _progress_line(text: str) -> None:
    """Progress on one line that redraws in a terminal, one line per step in a log."""
    step = re.match(r"^\[[#-]+\] (\d+)/(\d+) ", text)
    if step and sys.stdout.isatty():
        print("\r" + text.ljust(78), end="\n" if step[1] == step[2] else "", flush=True)
    else:
        print(text, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    course = Course(args.home, db_url=args.db)
    try:
        if args.command == "start":
            from .server import start

            start(
                course,
                port=args.port,
                token=args.token,
                open_browser=not args.no_browser,
                apps_port=args.cong_ung_dung,
            )
        elif args.command in ("apps", "ung-dung"):
            from . import gallery

            password = None
            if args.mat_khau:
                import getpass
                import os

                password = os.environ.get("HOCVUSO_APPS_PASSWORD") or getpass.getpass(
                    "Mật khẩu cho trang ứng dụng: "
                )
                if len(password) < 8:
                    raise ValueError("Mật khẩu cần ít nhất 8 ký tự.")
            settings = gallery.make_settings(
                port=args.port,
                token=args.token,
                password=password,
                pool_size=args.san_sang,
                idle_timeout=args.het_gio,
                trainers=not args.chi_hoc_vien,
            )
            gallery.serve(course, settings)
        elif args.command == "build":
            report = course.build(force=args.force, only=args.hoc_phan or None)
            if report.skipped:
                print("Không có gì thay đổi từ lần dựng trước (dùng --force để dựng lại).")
            else:
                print(
                    f"Đã dựng {len(report.lessons)} bài học, {len(report.labs)} bài thực hành "
                    f"vào {course.home}"
                )
        elif args.command == "release":
            course.release(args.assignment)
            print(f"Đã phát hành {args.assignment} vào {course.exchange}")
        elif args.command == "grade":
            roster = None
            if args.danh_sach:
                from graders.roster import read_roster

                roster = read_roster(args.danh_sach)
            if args.thu_bai:
                from graders.collect import collect_exchange

                got = collect_exchange(course, args.assignment)
                print(f"Đã thu {len(got)} bài từ {course.exchange}")
            run = course.grade(
                args.assignment,
                args.folder,
                progress=_progress_line,
                roster=roster,
                workers=args.so_luong,
                force=args.cham_lai,
                limits=_limits(args),
            )
            for problem in run.problems:
                print(f"Cần xem: {problem}")
            failed = [r for r in run.records if r.problems]
            print(f"Đã chấm {len(run.records) - len(failed)} bài, {len(failed)} bài lỗi.")
            if run.not_submitted:
                print(f"Chưa nộp ({len(run.not_submitted)}): {', '.join(run.not_submitted)}")
        elif args.command == "feedback":
            paths = course.feedback(args.assignment)
            print(f"Đã tạo {len(paths)} tệp nhận xét trong {course.root / 'feedback'}")
        elif args.command == "export":
            roster = None
            if args.danh_sach:
                from graders.roster import read_roster, save_roster

                roster = read_roster(args.danh_sach)
                save_roster(course, roster)
            path = course.export(args.output, args.assignment, roster)
            print(f"Đã xuất bảng điểm: {path}")
        elif args.command in ("certify", "chung-nhan"):
            return _certify(course, args)
    except BuildError as error:
        print("Không dựng được khóa học:", file=sys.stderr)
        for problem in error.report.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    except (KeyError, FileNotFoundError, RuntimeError, ValueError) as error:
        print(f"Lỗi: {error.args[0] if error.args else error}", file=sys.stderr)
        return 1
    return 0


def _certify(course: Course, args) -> int:
    if bool(args.hoc_vien) == args.ca_lop:
        print(
            "Lỗi: nêu mã học viên (vd. hocvuso certify hv01) hoặc dùng --ca-lop cho cả lớp, "
            "không dùng cả hai.",
            file=sys.stderr,
        )
        return 2
    roster = None
    if args.danh_sach:
        from graders.roster import read_roster, save_roster

        roster = read_roster(args.danh_sach)
        save_roster(course, roster)
    run = course.certify(
        None if args.ca_lop else args.hoc_vien, args.thu_muc, args.lo_trinh, args.nguong, roster
    )
    for note in run.notes:
        print(f"Lưu ý: {note}")
    names = {s.student: s for s in run.standings}
    if run.certificates:
        print(f"Đã cấp {len(run.certificates)} giấy chứng nhận:")
        for student, path in run.certificates.items():
            standing = names[student]
            print(f"  - {standing.who}, lộ trình {standing.track.id}, số {standing.number}: {path}")
    print("Bảng minh chứng năng lực: " + ", ".join(str(p) for p in run.evidence))
    if args.ca_lop:
        if run.refused:
            print(f"Chưa đủ điều kiện ({len(run.refused)}):")
            for student in run.refused:
                standing = names[student]
                print(f"  - {standing.who}, lộ trình {standing.track.id}: {standing.shortfall()}")
        return 0
    for reason in run.refused.values():
        print(f"Lỗi: {reason}", file=sys.stderr)
    return 1 if run.refused else 0


if __name__ == "__main__":
    sys.exit(main())
