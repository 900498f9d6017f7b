"""The judge: one submission's kernel run and verdicts, in a process of its own.

A grading worker forks one judge per submission (:func:`spawn`). As root the judge only starts the
sandboxed kernel; then it confines itself to the lease's user id, in a mount namespace where only
the work folder is writable (:meth:`graders.sandbox.Lease.confine_judge`), and:

1. runs the learner's cells (and the trainer's read-only cells) in the kernel;
2. judges each test cell on the trusted side. The answer values are fetched from the kernel as
   data (:mod:`graders.wire`); the public check's verdict is recomputed here by the trainer's own
   ``Question`` objects; then the hidden part runs here; the learner's functions are called
   remotely with trusted inputs. Whatever the kernel prints, displays, returns or raises while a
   test cell is judged is never looked at: that cell's outputs in the graded notebook are the
   verdicts made here, so the score and the feedback cannot disagree;
3. streams each cell's outputs and verdict to the worker as length-prefixed JSON frames, so a judge
   killed at its deadline still leaves the cells it judged.

Every read of the kernel's messages and values is bounded: message size (ZeroMQ's ``MAXMSGSIZE``),
output size per cell and per submission, description size (``wire.MAX_CHARS``), time per cell
(the kernel's, then the judge's own budget for the trusted work) and the judge's memory (rlimit).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import queue
import select
import signal
import subprocess
import time
from collections.abc import Iterator

import nbformat

from . import wire
from .feedback import CHUA_LAM, MISSING, not_attempted, wrong

_WIRE = '__import__("graders.wire", fromlist=["wire"])'
MAX_MESSAGE_BYTES = 256 * 1024 * 1024  # one kernel message; past it ZeroMQ drops the connection
MAX_FRAME_BYTES = 64 * 1024 * 1024  # one frame from the judge to its worker
_MIME_KEPT = ("text/plain", "image/png", "image/jpeg")  # the learner's own outputs, shown as data
# The names of the learner's exceptions the judge repeats: built-in ones only. A learner-chosen
# name, or the learner's own message, could carry what a hidden test passed to their function.
_BUILTIN_ERRORS = frozenset(
    name
    for name, value in vars(__import__("builtins")).items()
    if isinstance(value, type) and issubclass(value, BaseException)
)


class KernelGone(RuntimeError):
    """The kernel died or was stopped; ``outputs`` are what its last cell showed until then."""

    def __init__(self, message: str, outputs: list | None = None) -> None:
        super().__init__(message)
        self.outputs = outputs or []


class ChannelBroken(RuntimeError):
    """The data channel from the kernel gave nothing usable (the learner's code broke it)."""


class JudgeTimeout(BaseException):
    """The trusted side's work on one test cell ran out of time (a ``BaseException``: no
    ``except Exception`` on the way, in pandas or in our own code, may swallow it)."""


class LearnerError(Exception):
    """The learner's function raised (in their kernel); subclasses carry its type's name."""


# --- the kernel ------------------------------------------------------------------------------

_CLOCK = {"in_kernel": False, "late": False}


def _on_alarm(_signum, _frame) -> None:
    if _CLOCK["in_kernel"]:  # the kernel has its own deadline; stop right after it answers
        _CLOCK["late"] = True
        return
    raise JudgeTimeout()


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`JudgeTimeout` in the trusted work of a block that uses more than ``seconds``
    of the judge's CPU time (waiting for the kernel costs none: the kernel has its own deadline,
    and a busy machine does not turn an honest answer into a timeout). A read that blocks
    without using CPU is ended by the worker's deadline."""
    _CLOCK["late"] = False
    signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        _CLOCK["late"] = False


class Runner:
    """A sandboxed kernel and the outputs of what it ran."""

    def __init__(self, lease, hide: list, limits) -> None:
        """Start the kernel (as root: the boot needs it). Call :meth:`connect` once confined."""
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import KernelSpec

        argv = lease.kernel_argv(hide)

        class _SandboxKM(KernelManager):
            @property
            def kernel_spec(self):  # the sandbox's own argv, not an installed kernelspec
                return KernelSpec(argv=argv, display_name="hocvuso", language="python")

        workdir = lease.workdir
        self.limits = limits
        self.km = _SandboxKM(
            transport="ipc", ip=str(workdir / "k"), connection_file=str(workdir / "kernel.json")
        )
        self.deadline = time.monotonic() + limits.total_seconds
        self.output_bytes = 0
        self.dead = False
        self.kc = None
        debug = bool(os.environ.get("HOCVUSO_DEBUG_JUDGE"))
        self.km.start_kernel(
            stdout=subprocess.DEVNULL, stderr=None if debug else subprocess.DEVNULL
        )

    def connect(self) -> None:
        import zmq

        context = zmq.Context()
        context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE_BYTES)
        self.kc = self.km.client(context=context)
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=60)
        except RuntimeError as error:
            self.dead = True
            raise KernelGone("hạt nhân không khởi động được") from error

    def run(self, code: str) -> tuple[list, list[str]]:
        """Execute ``code``; return (cleaned notebook outputs, wire texts). Never raises for the
        learner's errors; timeouts and limits become error outputs; a dead, stopped or
        misbehaving kernel raises :class:`KernelGone` (carrying the outputs so far)."""
        if self.dead:
            raise KernelGone("hạt nhân đã dừng")
        _CLOCK["in_kernel"] = True
        try:
            return self._run(code)
        finally:
            _CLOCK["in_kernel"] = False
            if _CLOCK["late"]:
                _CLOCK["late"] = False
                raise JudgeTimeout()

    def _run(self, code: str) -> tuple[list, list[str]]:
        msg_id = self.kc.execute(code, store_history=False, allow_stdin=False)
        outputs, wires = [], []
        wire_chars = 0
        cell_bytes = 0
        cell_deadline = min(time.monotonic() + self.limits.cell_seconds, self.deadline)
        interrupted = None
        while True:
            remaining = cell_deadline - time.monotonic()
            if remaining <= 0:
                if interrupted is None:
                    interrupted = error_output("TimeoutError", "Ô chạy quá thời gian cho phép")
                    self._interrupt()
                    cell_deadline = time.monotonic() + 5
                    continue
                self._die()
                raise KernelGone("ô chạy quá lâu, đã dừng hạt nhân", [*outputs, interrupted])
            try:
                msg = self.kc.get_iopub_msg(timeout=min(remaining, 1.0))
            except queue.Empty:
                if not self.km.is_alive():
                    self.dead = True
                    outputs.append(error_output("DeadKernelError", "Hạt nhân đã dừng đột ngột"))
                    raise KernelGone(
                        "hạt nhân dừng đột ngột (os._exit, hết bộ nhớ…)", outputs
                    ) from None
                continue
            except Exception:  # a message the session could not even read: hostile
                self._die()
                raise KernelGone(
                    "hạt nhân gửi thông điệp sai dạng, đã dừng hạt nhân", outputs
                ) from None
            try:
                kind, content, parent = msg["msg_type"], msg["content"], msg["parent_header"]
                mine = type(parent) is dict and parent.get("msg_id") == msg_id
            except Exception:
                self._die()
                raise KernelGone(
                    "hạt nhân gửi thông điệp sai dạng, đã dừng hạt nhân", outputs
                ) from None
            if not mine or type(content) is not dict:
                continue
            if kind == "status" and content.get("execution_state") == "idle":
                break
            data = content.get("data")
            if kind == "display_data" and type(data) is dict and wire.MIME in data:
                text = data[wire.MIME]
                wire_chars += len(text) if type(text) is str else 0
                if type(text) is str and wire_chars <= wire.MAX_CHARS and len(wires) < 4:
                    wires.append(text)
                else:
                    wires.append(None)  # too much or not text: the request fails
                continue
            output = clean_output(kind, content)
            if output is None:
                continue
            size = _size(output)
            cell_bytes += size
            if cell_bytes > self.limits.output_bytes:
                if interrupted is None:  # keep reading (and dropping) until the cell stops
                    interrupted = error_output(
                        "OutputLimitError",
                        f"Kết quả in ra vượt {self.limits.output_bytes // 1024} KB",
                    )
                    self._interrupt()
                continue
            self.output_bytes += size
            if self.output_bytes > 10 * self.limits.output_bytes:
                outputs.append(error_output("OutputLimitError", "Cả bài in ra quá nhiều"))
                self._die()
                raise KernelGone("bài in ra quá nhiều, đã dừng hạt nhân", outputs)
            outputs.append(output)
        if interrupted is not None:
            outputs.append(interrupted)
        return outputs, wires

    def _interrupt(self) -> None:
        try:
            self.km.interrupt_kernel()
        except Exception:
            pass

    def _die(self) -> None:
        self.dead = True
        try:
            self.km.shutdown_kernel(now=True)
        except Exception:
            pass

    def close(self) -> None:
        try:
            if self.kc is not None:
                self.kc.stop_channels()
        finally:
            if not self.dead:
                self._die()
            else:
                try:
                    self.km.cleanup_resources()
                except Exception:
                    pass


def error_output(ename: str, evalue: str) -> dict:
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[])


def clean_output(kind: str, content: dict) -> dict | None:
    """A notebook output rebuilt from a kernel message, with only plain, bounded fields: text
    streams, plain text and images (never the learner's HTML or JavaScript), error names."""
    if kind == "stream":
        name, text = content.get("name"), content.get("text")
        if name in ("stdout", "stderr") and type(text) is str:
            return nbformat.v4.new_output("stream", name=name, text=text)
        return None
    if kind == "error":
        ename, evalue = content.get("ename"), content.get("evalue")
        return error_output(
            ename[:100] if type(ename) is str else "Error",
            evalue[:2000] if type(evalue) is str else "",
        )
    if kind in ("display_data", "execute_result"):
        data = content.get("data")
        kept = {}
        if type(data) is dict:
            kept = {m: data[m] for m in _MIME_KEPT if type(data.get(m)) is str}
        if not kept:
            return None
        # Shown as data, never as a cell's result: nothing a kernel returns is taken as a grade.
        return nbformat.v4.new_output("display_data", data=kept)
    return None


def _size(output: dict) -> int:
    if "text" in output:
        return len(output["text"])
    return sum(len(v) for v in output.get("data", {}).values()) + len(output.get("evalue", ""))


# --- values from the kernel ------------------------------------------------------------------


class Remote:
    """A learner's function, called in their kernel with trusted arguments."""

    def __init__(self, runner: Runner, name: str, stub: bool) -> None:
        self._runner, self._name, self.stub = runner, name, stub
        self.__name__ = name

    def __call__(self, *args, **kwargs):
        payload = wire.call_payload(args, kwargs)
        _, wires = self._runner.run(f"{_WIRE}.serve_call(globals(), {self._name!r}, {payload!r})")
        result = _one(wires)
        if type(result) is tuple and len(result) == 2 and result[0] == "ok":
            return _value(self._runner, result[1], self._name)
        if type(result) is tuple and len(result) == 3 and result[0] == "raise":
            name = result[1] if result[1] in _BUILTIN_ERRORS else "Exception"
            raise type(name, (LearnerError,), {})()
        raise ChannelBroken("kết quả của hàm sai dạng")


def _one(wires: list) -> object:
    if len(wires) != 1 or wires[0] is None:
        raise ChannelBroken("không nhận được đúng một kết quả từ bài làm")
    try:
        return wire.read(wires[0])
    except wire.WireError as error:
        raise ChannelBroken(str(error)) from None


def _value(runner: Runner, desc, name: str):
    if type(desc) is tuple and desc and desc[0] == "fn":
        return Remote(runner, name, len(desc) > 2 and desc[2] is True)
    return wire.rebuild(desc)


def fetch(runner: Runner, names: list[str]) -> dict:
    """The learner's values of ``names`` (``MISSING`` for names they never defined)."""
    _, wires = runner.run(f"{_WIRE}.serve_names(globals(), {names!r})")
    described = _one(wires)
    if type(described) is not dict:
        raise ChannelBroken("mô tả giá trị sai dạng")
    values = {}
    for name in names:
        desc = described.get(name)
        values[name] = (
            MISSING if desc is None or desc == ("missing",) else _value(runner, desc, name)
        )
    return values


# --- verdicts --------------------------------------------------------------------------------

_CHANNEL = (
    "Không đọc được câu trả lời từ bài làm ({}). Đừng sửa hay thay các hàm của graders và "
    "IPython trong bài; chạy lại toàn bộ bài (Kernel → Restart and Run All) rồi nộp lại."
)


_RAISED = (
    "Hàm của bạn gây lỗi {} khi được gọi để kiểm tra. Chạy thử hàm ngay trong bài với dữ liệu "
    "của bài để xem thông báo lỗi, sửa rồi chạy lại ô kiểm tra."
)


def _public(question, value):
    if isinstance(value, Remote) and value.stub:
        return not_attempted()
    try:
        return question.judge(
            value, passthrough=(KernelGone, JudgeTimeout, ChannelBroken, LearnerError), detail=False
        )
    except ChannelBroken as error:
        return wrong(_CHANNEL.format(error), _CHANNEL.format(error))
    except LearnerError as error:  # its name only: the learner's message is not repeated
        name = type(error).__name__
        return wrong(_RAISED.format(name), f"Your function raised {name} when checked.")


def _note_output(question, outcome) -> dict:
    note = question.note(outcome)
    return nbformat.v4.new_output(
        "display_data", data={"text/html": note._repr_html_(), "text/plain": repr(note)}
    )


def judge_test(runner: Runner, plan, test) -> tuple[list, bool]:
    """(outputs, passed) of one test cell, all decided here."""
    outputs: list = []
    questions = [plan.trusted[name] for name in test.questions]
    names = list(dict.fromkeys([q.variable for q in questions] + test.learner_names))
    try:
        values = fetch(runner, names)
    except ChannelBroken as error:
        values = {name: error for name in names}
    outcomes = []
    for question in questions:
        value = values[question.variable]
        if isinstance(value, ChannelBroken):
            outcome = wrong(_CHANNEL.format(value), _CHANNEL.format(value))
        else:
            outcome = _public(question, value)
        outputs.append(_note_output(question, outcome))
        outcomes.append(outcome)
    failed = [o for o in outcomes if not o.passed]
    if failed:
        ename = "NotAttempted" if failed[0].status == CHUA_LAM else "CheckFailed"
        outputs.append(error_output(ename, failed[0].message.text("vi")))
        return outputs, False
    if test.hidden is None:
        return outputs, True
    failure = _hidden(plan, test, values)
    if failure is not None:
        outputs.append(failure)
        return outputs, False
    return outputs, True


def _hidden(plan, test, values: dict) -> dict | None:
    """Run a hidden block here on the learner's values; the error output, or None when passed."""
    namespace = {k: (copy.deepcopy(v) if _copyable(v) else v) for k, v in plan.trusted.items()}
    for name in test.learner_names:
        value = values.get(name, MISSING)
        if value is not MISSING and not isinstance(value, ChannelBroken):
            namespace[name] = value
    try:
        exec(compile(test.hidden, f"<kiểm tra ẩn {test.grade_id}>", "exec"), namespace)
    except (KernelGone, JudgeTimeout):
        raise
    except AssertionError:
        return error_output("AssertionError", "")
    except LearnerError as error:  # the learner's function raised: its (built-in) name only
        return error_output(type(error).__name__, "")
    except Exception as error:  # the learner's value broke the test: no points; the detail is
        # for the trainer's copy only (our feedback never shows it)
        return error_output(type(error).__name__, str(error)[:300])
    return None


def _copyable(value) -> bool:
    import pandas as pd

    return isinstance(value, list | dict | set | pd.DataFrame | pd.Series)


# --- the judge process -----------------------------------------------------------------------


def spawn(plan, nb, lease, hide: list, limits) -> tuple[int, int]:
    """Fork the judge of one submission; returns (pid, read end of its frame pipe)."""
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked judge
        code = 0
        try:
            os.close(read)
            _detach(write)
            _main(plan, nb, lease, hide, limits, write, parent)
        except BaseException:
            code = 1
            import traceback

            try:  # the grader's own bug: its trace goes with the result, for the trainer
                _send(write, {"crash": traceback.format_exc()[-3000:]})
            except BaseException:
                pass
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _detach(keep: int) -> None:
    """Nothing of the worker's but the frame pipe: no gradebook connection, no worker pipe, no
    terminal output (upstream warnings would flood the trainer's screen)."""
    import asyncio
    import resource

    from jupyter_core import utils

    # The event loop a parent process made is not ours (its epoll is shared with the parent, and
    # its descriptors are closed below): jupyter_client must make a fresh one here.
    utils._loop.set(None)
    asyncio.set_event_loop(None)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1) if os.environ.get("HOCVUSO_DEBUG_JUDGE") else (0, 1, 2):
        os.dup2(null, fd)
    high = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    for low, top in ((3, keep), (keep + 1, min(high, 65536))):
        if low < top:
            os.closerange(low, top)


def _send(fd: int, frame: dict) -> None:
    data = json.dumps(frame, ensure_ascii=False).encode("utf-8")
    data = len(data).to_bytes(8, "big") + data
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _main(plan, nb, lease, hide, limits, fd: int, worker: int) -> None:
    try:
        runner = Runner(lease, hide, limits)
    except Exception as error:
        reason = f"{type(error).__name__}: {str(error)[:200]}"
        _send(fd, {"unavailable": f"hạt nhân không khởi động được ({reason})"})
        return
    lease.confine_judge(worker)
    try:
        runner.connect()
    except KernelGone as error:
        _send(fd, {"unavailable": str(error)})
        runner.close()
        return
    gone = None
    problems: list[str] = []
    learner_seconds = 0.0
    budget = max(10.0, 2 * limits.cell_seconds)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        grade = bool(meta.get("grade"))
        passed = False if grade else None
        if gone:
            outputs = [error_output("DeadKernelError", gone)] if grade else []
        else:
            began = time.monotonic()
            try:
                if grade:
                    with time_budget(budget):
                        outputs, passed = judge_test(runner, plan, plan.tests[meta["grade_id"]])
                else:
                    outputs, _ = runner.run(cell.source)
            except KernelGone as error:
                gone = str(error)
                outputs = [error_output("DeadKernelError", gone)] if grade else error.outputs
            except JudgeTimeout:
                outputs = [error_output("TimeoutError", "Chấm câu này quá thời gian cho phép")]
                problems.append(f"{meta.get('grade_id')}: chấm câu này quá thời gian cho phép")
            if not grade:
                learner_seconds += time.monotonic() - began
        _send(fd, {"cell": index, "outputs": outputs, "passed": passed})
    _send(
        fd, {"done": True, "gone": gone, "problems": problems, "learner_seconds": learner_seconds}
    )
    runner.close()


class FrameError(RuntimeError):
    pass


def read_frames(fd: int, deadline: float) -> Iterator[dict]:
    """Frames from a judge until it closes the pipe; :class:`FrameError` past ``deadline`` or on
    a frame that is too big or not JSON."""
    buffer = b""
    while True:
        need = 8 if len(buffer) < 8 else 8 + int.from_bytes(buffer[:8], "big")
        if need > MAX_FRAME_BYTES:
            raise FrameError("kết quả chấm quá lớn")
        if len(buffer) >= need > 8:
            try:
                frame = json.loads(buffer[8:need].decode("utf-8"))
            except (ValueError, RecursionError) as error:
                raise FrameError("kết quả chấm sai dạng") from error
            buffer = buffer[need:]
            if type(frame) is not dict:
                raise FrameError("kết quả chấm sai dạng")
            yield frame
            continue
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FrameError("quá thời gian chấm")
        ready, _, _ = select.select([fd], [], [], min(remaining, 5.0))
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return
        buffer += chunk
