#!/usr/bin/env python3
"""Run guest suites on a64emu (or differentially against QEMU) and report TAP.

Usage:
  tools/suite.py [--emu PATH] [-j N] [--shard I/N] [--qemu] [--filter SUBSTR]
                 [--junit PATH] [--timeout S] MANIFEST...

A manifest (guests/<suite>/suite.manifest) has one case per line:

  NAME  ELF  EXPECT  DIFF  [OPTIONS...]

NAME the case name, ELF a path relative to the repository root, EXPECT the
expected exit status, DIFF `diff` or `nodiff` (whether the output must equal
QEMU's), OPTIONS extra `a64emu run` options (placed before the ELF). Lines
starting with # and blank lines are ignored. A line is split like a shell
line (shlex), so a quoted word may hold spaces.

OPTIONS may also hold runner fields, which start with `+` and are not
passed to the emulator (they apply to the a64emu run, not to QEMU's):
  +stderr=TEXT   the emulator's stderr must contain TEXT
  +maxrss=SIZE   its peak resident set size (wait4) must not exceed SIZE
                 (bytes, or with a K/M/G suffix)
  +xfail=WHY     a known emulator bug: the case is expected to fail (it
                 passes as "expected failure", and fails if it passes)

The hypervisor suite (guests/hyp) also uses EXPECT `pass` (exit 0, TAP all
ok) and `bug` (a fix is off and the guest must show the bug: a `not ok` line
and a non-zero exit; reported as "bug reproduced", and a failure of the suite
if the bug does not happen), and in the DIFF column what QEMU must show with
the same hypervisor options: `pass`, `bug` (checked like EXPECT, output not
compared with a64emu's) or `skip`. A case whose OPTIONS hold `--hyp` runs on
QEMU as the hypervisor Image with virtualization=on and the hypervisor's
options and the ELF on the semihosting command line.

Normal mode runs `EMU run OPTIONS ELF` for every case. A case passes when the
exit status equals EXPECT, no output line starts with `not ok`, and, if the
output has TAP lines, it has a plan `1..N` and exactly N `ok` lines.

With --qemu, every `diff` case runs on QEMU (`qemu-system-aarch64 -M
virt,gic-version=3 -cpu max -kernel ELF`: a64emu's GIC is a GICv3, QEMU's
default a GICv2; UART and semihosting output both on stdout: see
QEMU_CONSOLE) and on the emulator; it passes
when both exit statuses equal EXPECT and both stdouts are identical line by
line. `nodiff` cases are skipped.

Prints one TAP line per case, then exactly one summary line
`N passed, N failed[, N skipped]`; exits 0 only if nothing failed (2 on a
usage error). Each case's output goes to build/results/<NAME>.out/.err
(<NAME>.qemu.out/.err for QEMU) and a JUnit XML report to --junit.
Standard library only.
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QEMU_DEFAULT = "qemu-system-aarch64"
DEFAULT_TIMEOUT = 120.0


# ---------------------------------------------------------------- manifests

@dataclass
class Case:
    name: str
    elf: Path
    expect: object   # an exit status, or "pass" / "bug"
    diff: bool       # whether QEMU runs it (compared line by line unless qemu_expect is set)
    options: list
    suite: str       # the manifest's folder name, e.g. "isa"
    where: str       # "manifest:line", for messages
    qemu_expect: object = None   # None: QEMU's output must equal a64emu's; else "pass" / "bug"
    expect_stderr: object = None  # +stderr=TEXT
    max_rss: object = None        # +maxrss=SIZE, in bytes
    xfail: object = None          # +xfail=WHY

    @property
    def hyp(self):
        return "--hyp" in self.options


class ManifestError(Exception):
    pass


GUESTS = "build/guests/"


def data_lines(path, error, what):
    """(where, line, fields) for each line of a manifest-like file that is not
    blank or a comment; `error(message)` is raised when it cannot be read."""
    try:
        text = Path(path).read_text()
    except OSError as e:
        raise error(f"{path}: cannot read {what}: {e.strerror}")
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            try:
                fields = shlex.split(stripped)
            except ValueError as e:
                raise error(f"{path}:{number}: {e}")
            yield f"{path}:{number}", stripped, fields


def parse_manifest(path, root=ROOT, guests=None):
    """The cases of one manifest file; ManifestError on a malformed line.
    `guests`: a directory that replaces build/guests/ in the ELF paths (the
    guests built another way, e.g. GUEST_FP=1)."""
    path = Path(path)
    suite = path.parent.name or path.stem
    cases = []
    for where, stripped, fields in data_lines(path, ManifestError, "manifest"):
        if len(fields) < 4:
            raise ManifestError(f"{where}: expected `NAME ELF EXPECT DIFF [OPTIONS...]`, got {stripped!r}")
        name, elf, expect, diff = fields[:4]
        if expect not in ("pass", "bug"):
            try:
                expect = int(expect, 0)
            except ValueError:
                raise ManifestError(f"{where}: EXPECT must be an exit status, `pass` or `bug`, got {expect!r}")
        if diff not in ("diff", "nodiff", "pass", "bug", "skip"):
            raise ManifestError(f"{where}: DIFF must be `diff`, `nodiff`, `pass`, `bug` or `skip`, got {diff!r}")
        qemu_expect = diff if diff in ("pass", "bug") else None
        if guests is not None and elf.startswith(GUESTS):
            elf = str(Path(guests) / elf[len(GUESTS):])
        options, runner = [], {}
        for word in fields[4:]:
            if not word.startswith("+"):
                options.append(word)
                continue
            key, eq, value = word[1:].partition("=")
            if key not in ("stderr", "maxrss", "xfail") or not eq or not value:
                raise ManifestError(f"{where}: unknown runner field {word!r} "
                                    "(expected +stderr=TEXT, +maxrss=SIZE or +xfail=WHY)")
            if key == "maxrss":
                size = parse_size(value)
                if size is None:
                    raise ManifestError(f"{where}: +maxrss expects a size such as 512M, got {value!r}")
                value = size
            runner[key] = value
        cases.append(Case(name, root / elf, expect, diff in ("diff", "pass", "bug"), options, suite, where,
                          qemu_expect, runner.get("stderr"), runner.get("maxrss"), runner.get("xfail")))
    return cases


def parse_size(text):
    """Bytes of "123", "64K", "512M", "2G"; None if malformed."""
    m = re.fullmatch(r"(\d+)([KMG]?)", text.upper())
    if not m:
        return None
    return int(m.group(1)) << {"": 0, "K": 10, "M": 20, "G": 30}[m.group(2)]


def select_cases(cases, name_filter=None, shard=(1, 1)):
    """Cases sorted by name, filtered, then shard I of N (case i goes to shard i % N + 1)."""
    cases = sorted(cases, key=lambda c: c.name)
    if name_filter:
        cases = [c for c in cases if name_filter in c.name]
    index, count = shard
    return [c for i, c in enumerate(cases) if i % count + 1 == index]


# ---------------------------------------------------------------- running

@dataclass
class Run:
    """One process run: exit status (None on timeout or failure to start)."""
    command: list
    status: object = None
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0
    timed_out: bool = False
    error: str = ""          # could not start
    max_rss: object = None   # peak RSS in bytes

    def describe_status(self):
        if self.error:
            return self.error
        if self.timed_out:
            return "timed out"
        if self.status is not None and self.status < 0:
            return f"killed by signal {-self.status}"
        return f"exit {self.status}"


def run_process(command, timeout, cwd=ROOT):
    """Runs `command` with stdin from /dev/null; kills its whole process group
    on timeout. Also measures the child's peak RSS (+maxrss=): the child is
    reaped with os.wait4, whose rusage is that one process's
    (RUSAGE_CHILDREN would mix the cases that run in parallel)."""
    run = Run(command)
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=cwd, start_new_session=True)
    except OSError as e:
        run.error = f"cannot run {command[0]}: {e.strerror}"
        return run
    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda f=f, k=k: chunks[k].append(f.read()), daemon=True)
               for f, k in ((proc.stdout, "out"), (proc.stderr, "err"))]
    for t in readers:
        t.start()
    deadline = start + timeout
    status = usage = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            run.timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for t in readers:
        t.join()
    run.seconds = time.perf_counter() - start
    run.status = None if run.timed_out else proc.returncode
    run.stdout = normalise(b"".join(chunks["out"]).decode("utf-8", errors="replace"))
    run.stderr = b"".join(chunks["err"]).decode("utf-8", errors="replace")
    run.max_rss = usage.ru_maxrss * 1024    # kilobytes on Linux
    return run


def normalise(text):
    return text.replace("\r\n", "\n")


def emu_command(emu, case):
    # A --hyp guest by its path from the repository root (the runs' current
    # folder), the name QEMU's semihosting opens too.
    elf = os.path.relpath(case.elf, ROOT) if case.hyp else str(case.elf)
    return [str(emu), "run", *case.options, elf]


# QEMU's console: `-nographic -semihosting` would put the PL011 on stdout but
# semihosting output on stderr (QEMU 7.2), so the runner sends both to one
# stdio chardev, in order, as a64emu does: this is `-nographic -semihosting`
# with the semihosting console on stdout and no monitor.
QEMU_CONSOLE = ["-display", "none", "-chardev", "stdio,id=con,mux=on", "-serial", "chardev:con",
                "-monitor", "none", "-semihosting-config", "enable=on,target=native,chardev=con"]


# The a64emu options that are the hypervisor's (Sources/a64emu/HypervisorOptions.swift):
# with value, and flags.
HYP_VALUE_OPTIONS = ("--vcpus", "--vms", "--mode", "--sched", "--slice", "--vmid-bits", "--vmid-limit",
                     "--s2fwb", "--without-fix")
HYP_FLAGS = ("--list-fixes", "--nested")
HYP_IMAGE = ROOT / "build/guests/hypervisor/hyp.img"


def hypervisor_words(options):
    """The hypervisor's own options among a64emu's (`--name value` or `--name=value`)."""
    words, options = [], list(options)
    i = 0
    while i < len(options):
        key, eq, value = options[i].partition("=")
        if key in HYP_VALUE_OPTIONS:
            if not eq:
                i += 1
                value = options[i] if i < len(options) else ""
            words += [key, value]
        elif key in HYP_FLAGS:
            words.append(key)
        elif key == "--trace":
            # `--trace hyp` (among other categories) is the hypervisor's --trace.
            if not eq:
                i += 1
                value = options[i] if i < len(options) else ""
            if "hyp" in value.split(","):
                words.append("--trace")
        i += 1
    return words


def qemu_hyp_command(qemu, elf, options=()):
    """QEMU's command for a `--hyp` case: the hypervisor Image at EL2
    (virtualization=on), its options and the guest ELF (relative to the
    repository root, QEMU's semihosting folder) as semihosting arguments."""
    command = qemu_command(qemu, HYP_IMAGE, ["--el", "2", *options])
    words = hypervisor_words(options)
    # QEMU's -cpu max has FEAT_S2FWB; a64emu has it only with --fwb 1.  The
    # hypervisor uses FWB when it can, so it is told not to on QEMU unless
    # the case gives a64emu FWB too: both then run the same path.
    fwb = any(o in ("--fwb=1",) for o in options) or any(
        o == "--fwb" and i + 1 < len(options) and options[i + 1] == "1" for i, o in enumerate(options))
    if not fwb and "--s2fwb" not in words:
        words += ["--s2fwb", "off"]
    args = ["hyp", *words, os.path.relpath(elf, ROOT)]
    i = command.index("-semihosting-config")
    command[i + 1] += "".join(",arg=" + a for a in args)
    return command


def qemu_command(qemu, elf, options=()):
    """QEMU's command for a guest (-M virt,gic-version=3 -cpu max, console as
    above); the a64emu options that change the machine map onto QEMU's
    (`--el 2` -> virtualization=on, `--cpus N`/`--smp N` -> -smp N,
    `--memory SIZE` -> -m SIZE), others are ignored."""
    machine, extra = "virt,gic-version=3", []
    options = list(options)
    for i, opt in enumerate(options):
        key, _, value = opt.partition("=")
        if not value and i + 1 < len(options):
            value = options[i + 1]
        if key == "--el" and value == "2":
            machine = "virt,virtualization=on,gic-version=3"
        elif key in ("--cpus", "--smp") and value.isdigit():
            extra += ["-smp", value]
        elif key == "--memory" and value:
            extra += ["-m", value]
    return [str(qemu), "-M", machine, "-cpu", "max", *QEMU_CONSOLE, *extra, "-kernel", str(elf)]


# ---------------------------------------------------------------- checking

PLAN = re.compile(r"^1\.\.(\d+)\b")


def check_tap(stdout):
    """None if the TAP in `stdout` is complete and passing, else the reason."""
    lines = stdout.split("\n")
    for line in lines:
        if line.startswith("not ok"):
            return f"first failing line: {line}"
        if line.startswith("Bail out!"):
            return f"first failing line: {line}"
    oks = sum(1 for line in lines if line == "ok" or line.startswith("ok "))
    plans = [int(m.group(1)) for m in map(PLAN.match, lines) if m]
    if not oks and not plans:
        return None
    if not plans:
        return f"{oks} ok lines but no plan line 1..N"
    if len(plans) > 1:
        return f"{len(plans)} plan lines"
    if oks != plans[0]:
        return f"plan 1..{plans[0]} but {oks} ok lines"
    return None


def first_difference(a, b):
    """(line number, line of a, line of b) of the first difference, or None."""
    la, lb = a.split("\n"), b.split("\n")
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else None
        y = lb[i] if i < len(lb) else None
        if x != y:
            return i + 1, x, y
    return None


def show(line):
    return "<end of output>" if line is None else repr(line)


@dataclass
class Result:
    case: Case
    passed: bool = False
    skipped: bool = False
    message: str = ""
    runs: dict = field(default_factory=dict)   # "a64emu"/"qemu" -> Run
    seconds: float = 0.0


def run_case(case, args):
    result = Result(case)
    start = time.perf_counter()
    try:
        if args.qemu:
            check_differential(case, args, result)
        else:
            check_emulator(case, args, result)
    except Exception as e:  # a runner bug must fail one case, not hide the others
        result.passed = False
        result.message = f"runner error: {e!r}"
    result.seconds = time.perf_counter() - start
    try:
        save_outputs(result, args.results)
    except OSError as e:
        result.passed = False
        result.message = f"cannot save output: {e}"
    return result


def expectation_problems(run, expect, label=""):
    """What is wrong with `run` given EXPECT (an exit status, `pass` or `bug`)."""
    prefix = f"{label} " if label else ""
    if expect == "bug":
        # The fix is off: the guest must catch the stale value and say so.
        if run.status in (0, None) or not any(l.startswith("not ok") for l in run.stdout.split("\n")):
            return [f"{prefix}bug NOT reproduced ({run.describe_status()})"]
        return []
    status = 0 if expect == "pass" else expect
    problems = []
    if run.status != status:
        problems.append(f"{prefix}{run.describe_status()}, expected {status}")
    tap = check_tap(run.stdout)
    if tap:
        problems.append(prefix + tap)
    return problems


def check_emulator(case, args, result):
    if not case.elf.is_file():
        result.message = f"missing ELF {case.elf}"
        return
    run = result.runs["a64emu"] = run_process(emu_command(args.emu, case), args.timeout)
    problems = expectation_problems(run, case.expect)
    if case.expect_stderr is not None and case.expect_stderr not in run.stderr:
        problems.append(f"stderr lacks {case.expect_stderr!r}")
    if case.max_rss is not None and run.max_rss is not None and run.max_rss > case.max_rss:
        problems.append(f"peak RSS {run.max_rss >> 20} MiB > +maxrss {case.max_rss >> 20} MiB")
    result.passed = not problems
    result.message = "; ".join(problems)
    if case.xfail is not None:
        result.passed = not result.passed
        result.message = (f"expected failure ({case.xfail}): {result.message}" if result.passed else
                          f"XPASS: the known bug ({case.xfail}) did not show: remove +xfail")
        return
    if result.passed and case.expect == "bug":
        result.message = "bug reproduced"


def check_differential(case, args, result):
    if not case.diff:
        result.skipped = True
        result.message = "SKIP nodiff"
        return
    if not case.elf.is_file():
        result.message = f"missing ELF {case.elf}"
        return
    command = (qemu_hyp_command if case.hyp else qemu_command)(args.qemu_bin, case.elf, case.options)
    qemu = result.runs["qemu"] = run_process(command, args.timeout)
    if case.qemu_expect is not None:
        # What QEMU shows with these hypervisor options (it models no caches).
        problems = expectation_problems(qemu, case.qemu_expect, "qemu")
        result.passed = not problems
        result.message = "; ".join(problems) or f"qemu: {'bug shown' if case.qemu_expect == 'bug' else 'passes'}"
        return
    emu = result.runs["a64emu"] = run_process(emu_command(args.emu, case), args.timeout)
    problems = []
    for label, run in (("a64emu", emu), ("qemu", qemu)):
        if run.status != case.expect:
            problems.append(f"{label} {run.describe_status()}, expected {case.expect}")
    difference = first_difference(emu.stdout, qemu.stdout)
    if difference:
        line, a, b = difference
        problems.append(f"stdout differs at line {line}: a64emu {show(a)}, qemu {show(b)}")
    result.passed = not problems
    result.message = "; ".join(problems)


def save_outputs(result, results_dir):
    for label, run in result.runs.items():
        stem = result.case.name if label == "a64emu" else f"{result.case.name}.{label}"
        (results_dir / f"{stem}.out").write_text(run.stdout)
        (results_dir / f"{stem}.err").write_text(run.stderr)


# ---------------------------------------------------------------- reporting

def tap_line(number, result):
    name = result.case.name
    if result.skipped:
        return f"ok {number} - {name} # {result.message}"
    if result.passed:
        return f"ok {number} - {name}" + (f" # {result.message}" if result.message else "")
    return f"not ok {number} - {name} # {result.message}"


# XML 1.0 cannot hold most control characters, which guest output may contain.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_LIMIT = 64 * 1024


def xml_text(text):
    if len(text) > XML_LIMIT:
        text = f"[... {len(text) - XML_LIMIT} characters cut ...]\n" + text[-XML_LIMIT:]
    return XML_INVALID.sub("\ufffd", text)


def write_junit(path, results, seconds):
    failures = sum(1 for r in results if not r.passed and not r.skipped)
    skipped = sum(1 for r in results if r.skipped)
    suites = ET.Element("testsuites")
    suite = ET.SubElement(suites, "testsuite", name="a64emu", tests=str(len(results)),
                          failures=str(failures), errors="0", skipped=str(skipped), time=f"{seconds:.3f}")
    for r in results:
        case = ET.SubElement(suite, "testcase", classname=r.case.suite, name=r.case.name,
                             time=f"{r.seconds:.3f}")
        if r.skipped:
            ET.SubElement(case, "skipped", message=xml_text(r.message))
            continue
        if not r.passed:
            failure = ET.SubElement(case, "failure", message=xml_text(r.message))
            failure.text = xml_text("\n".join(
                f"$ {shlex.join(run.command)}\n{run.describe_status()} after {run.seconds:.2f} s"
                for run in r.runs.values()) or r.message)
        out = "".join(f"--- {label} stdout\n{run.stdout}" for label, run in r.runs.items())
        err = "".join(f"--- {label} stderr\n{run.stderr}" for label, run in r.runs.items())
        ET.SubElement(case, "system-out").text = xml_text(out)
        ET.SubElement(case, "system-err").text = xml_text(err)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)


def summary(results):
    passed = sum(1 for r in results if r.passed)
    skipped = sum(1 for r in results if r.skipped)
    failed = len(results) - passed - skipped
    bugs = sum(1 for r in results if r.passed and r.message == "bug reproduced")
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    if bugs:
        line += f" ({bugs} of the passes: a bug reproduced with its fix off)"
    return line, failed


# ---------------------------------------------------------------- main

def parse_shard(text):
    m = re.fullmatch(r"(\d+)/(\d+)", text)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise argparse.ArgumentTypeError(f"--shard must be I/N with 1 <= I <= N, got {text!r}")
    return int(m.group(1)), int(m.group(2))


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def parse_args(argv):
    p = argparse.ArgumentParser(prog="suite.py", description="Run a64emu guest suites and report TAP.")
    p.add_argument("manifests", metavar="MANIFEST", nargs="+", type=Path)
    p.add_argument("--emu", type=Path, default=ROOT / ".build/release/a64emu",
                   help="the emulator (default: .build/release/a64emu)")
    p.add_argument("-j", "--jobs", type=positive_int, default=os.cpu_count() or 1,
                   help="cases run in parallel (default: the number of CPUs)")
    p.add_argument("--shard", type=parse_shard, default=(1, 1), metavar="I/N",
                   help="run only shard I of N (case i of the sorted list is in shard i %% N + 1)")
    p.add_argument("--qemu", action="store_true",
                   help="differential mode: run `diff` cases on QEMU and a64emu and compare")
    p.add_argument("--qemu-bin", default=os.environ.get("QEMU", QEMU_DEFAULT),
                   help=f"QEMU's executable (default: $QEMU or {QEMU_DEFAULT})")
    p.add_argument("--filter", metavar="SUBSTR", help="only cases whose name contains SUBSTR")
    p.add_argument("--guests", metavar="DIR",
                   help="run the guests built in DIR (relative to the repository) instead of build/guests")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds per run (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--results", type=Path, default=ROOT / "build/results",
                   help="folder for <NAME>.out/.err (default: build/results)")
    p.add_argument("--junit", type=Path, help="JUnit XML report (default: build/results/junit.xml)")
    args = p.parse_args(argv)
    if args.junit is None:
        args.junit = args.results / "junit.xml"
    args.emu = args.emu.absolute()
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        cases = [c for m in args.manifests for c in parse_manifest(m, guests=args.guests)]
    except ManifestError as e:
        print(f"suite.py: {e}", file=sys.stderr)
        return 2
    seen = {}
    for c in cases:
        if c.name in seen:
            print(f"suite.py: {c.where}: case {c.name} already defined at {seen[c.name]}", file=sys.stderr)
            return 2
        seen[c.name] = c.where
    cases = select_cases(cases, args.filter, args.shard)

    needs_emu = bool(cases) and (not args.qemu or any(c.diff for c in cases))
    if needs_emu and not os.access(args.emu, os.X_OK):
        print(f"suite.py: emulator not found: {args.emu} (build it with `swift build -c release`, "
              "or pass --emu PATH)", file=sys.stderr)
        return 2
    if args.qemu:
        found = shutil.which(args.qemu_bin)
        if not found:
            print(f"suite.py: --qemu needs {args.qemu_bin}, which was not found "
                  "(Debian: apt-get install qemu-system-arm)", file=sys.stderr)
            return 2
        args.qemu_bin = found
    args.results.mkdir(parents=True, exist_ok=True)

    # Run in parallel, print TAP lines in order as soon as each is known.
    print(f"1..{len(cases)}", flush=True)
    start = time.perf_counter()
    results = [None] * len(cases)
    printed = 0
    lock = threading.Lock()

    def finished(index, result):
        nonlocal printed
        with lock:
            results[index] = result
            while printed < len(results) and results[printed] is not None:
                print(tap_line(printed + 1, results[printed]), flush=True)
                printed += 1

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_case, case, args): i for i, case in enumerate(cases)}
        for future in concurrent.futures.as_completed(futures):
            finished(futures[future], future.result())

    write_junit(args.junit, results, time.perf_counter() - start)
    line, failed = summary(results)
    print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
