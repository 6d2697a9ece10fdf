#!/usr/bin/env python3
"""Compare a64emu's speed with QEMU's on benchmark guests.

Usage:
  tools/bench.py [--emu PATH] [--runs N] [--json PATH] [--emu-opts "..."] ELF...

For each ELF, runs `a64emu run --stats [EMU-OPTS] ELF` and
`qemu-system-aarch64 -M virt -cpu max -kernel ELF` (console as in suite.py's
QEMU_CONSOLE: UART and semihosting output on stdout) alternately, N times each (stdin from /dev/null), timing each run's wall
clock with time.perf_counter. The emulator's --stats line on stderr,
  a64emu: <N> instructions in <S> s (<M> MIPS)
gives the instructions retired and its own run time. Prints a table and
writes the numbers as JSON (default bench/results.json).

It asserts no time: it fails (exit 1) only if a guest exits non-zero on
either machine or the two machines' stdout differ. Standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no tools/__pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from suite import (ROOT, QEMU_DEFAULT, first_difference, positive_int,  # noqa: E402
                   qemu_command, run_process, show)

# "a64emu: 1234567 instructions in 0.523 s (2360.2 MIPS)", tolerant of
# separators in the count, units spelt out, and other text around it.
STATS = re.compile(r"(\d[\d,_']*)\s+instructions?\b.*?\bin\s+(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s*s",
                   re.IGNORECASE)


def parse_stats(stderr):
    """(instructions, seconds) from the last --stats line of `stderr`, or None."""
    found = None
    for line in stderr.splitlines():
        m = STATS.search(line)
        if m:
            found = int(re.sub(r"[,_']", "", m.group(1))), float(m.group(2))
    return found


def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def bench_guest(elf, args):
    """Runs one guest N times on each machine; a dict for the JSON report."""
    emu_opts = shlex.split(args.emu_opts)
    emu_cmd = [str(args.emu), "run", "--stats", *emu_opts, str(elf)]
    qemu_cmd = qemu_command(args.qemu_bin, elf, emu_opts)  # --el 2 -> virtualization=on, ...
    entry = {"guest": elf.stem, "elf": str(elf), "a64emu_command": emu_cmd, "qemu_command": qemu_cmd,
             "instructions": None, "a64emu": {"wall_s": [], "reported_s": [], "mips": []},
             "qemu": {"wall_s": []}, "errors": []}
    errors = entry["errors"]
    if not elf.is_file():
        errors.append(f"missing ELF {elf}")
        return entry
    counts = set()
    for i in range(args.runs):
        emu = run_process(emu_cmd, args.timeout)
        qemu = run_process(qemu_cmd, args.timeout)
        for label, run in (("a64emu", emu), ("qemu", qemu)):
            if run.status != 0:
                errors.append(f"run {i + 1}: {label} {run.describe_status()}"
                              + (f": {run.stderr.strip().splitlines()[-1]}" if run.stderr.strip() else ""))
        difference = first_difference(emu.stdout, qemu.stdout)
        if difference:
            line, a, b = difference
            errors.append(f"run {i + 1}: stdout differs at line {line}: a64emu {show(a)}, qemu {show(b)}")
        entry["a64emu"]["wall_s"].append(emu.seconds)
        entry["qemu"]["wall_s"].append(qemu.seconds)
        stats = parse_stats(emu.stderr)
        if stats:
            count, seconds = stats
            counts.add(count)
            entry["a64emu"]["reported_s"].append(seconds)
            entry["a64emu"]["mips"].append(count / seconds / 1e6 if seconds > 0 else None)
        else:
            print(f"bench.py: warning: {elf}: no `N instructions in S s` line from --stats on stderr",
                  file=sys.stderr)
        if errors:
            break  # the numbers of a failing guest mean nothing
    if len(counts) > 1:
        print(f"bench.py: warning: {elf}: instruction counts differ between runs: {sorted(counts)}",
              file=sys.stderr)
    entry["instructions"] = max(counts) if counts else None

    emu_wall = median_or_none(entry["a64emu"]["wall_s"])
    qemu_wall = median_or_none(entry["qemu"]["wall_s"])
    entry["a64emu"]["wall_s_median"] = emu_wall
    entry["a64emu"]["mips_median"] = median_or_none(entry["a64emu"]["mips"])
    entry["qemu"]["wall_s_median"] = qemu_wall
    entry["wall_ratio"] = emu_wall / qemu_wall if emu_wall and qemu_wall else None
    n = entry["instructions"]
    entry["qemu"]["mips_equivalent"] = n / qemu_wall / 1e6 if n and qemu_wall else None
    return entry


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def table(entries):
    header = ["guest", "instructions", "a64emu MIPS (min-max)", "a64emu wall s",
              "QEMU wall s", "a64emu/QEMU", "QEMU MIPS equiv.", ""]
    rows = [header]
    for e in entries:
        mips = [m for m in e["a64emu"]["mips"] if m is not None]
        spread = f"{fmt(e['a64emu']['mips_median'], '.1f')}"
        if mips:
            spread += f" ({min(mips):.1f}-{max(mips):.1f})"
        rows.append([e["guest"], fmt(e["instructions"], ","), spread,
                     fmt(e["a64emu"]["wall_s_median"], ".3f"), fmt(e["qemu"]["wall_s_median"], ".3f"),
                     fmt(e["wall_ratio"], ".2f"), fmt(e["qemu"]["mips_equivalent"], ".1f"),
                     "FAILED" if e["errors"] else ""])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for r in rows:
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:-1], widths[1:-1])] + [r[-1]]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths[:-1]))
    return "\n".join(lines)


def main(argv=None):
    p = argparse.ArgumentParser(prog="bench.py", description="Compare a64emu's speed with QEMU's.")
    p.add_argument("elfs", metavar="ELF", nargs="+", type=Path)
    p.add_argument("--emu", type=Path, default=ROOT / ".build/release/a64emu",
                   help="the emulator (default: .build/release/a64emu)")
    p.add_argument("--runs", type=positive_int, default=3, help="runs per machine and guest (default 3)")
    p.add_argument("--json", type=Path, default=ROOT / "bench/results.json",
                   help="JSON report (default: bench/results.json)")
    p.add_argument("--emu-opts", default="", help="extra options for `a64emu run`, as one string")
    p.add_argument("--qemu-bin", default=os.environ.get("QEMU", QEMU_DEFAULT),
                   help=f"QEMU's executable (default: $QEMU or {QEMU_DEFAULT})")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds per run (default 600)")
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    args.emu = args.emu.absolute()
    args.elfs = [elf.absolute() for elf in args.elfs]

    if not os.access(args.emu, os.X_OK):
        print(f"bench.py: emulator not found: {args.emu} (build it with `swift build -c release`, "
              "or pass --emu PATH)", file=sys.stderr)
        return 2
    found = shutil.which(args.qemu_bin)
    if not found:
        print(f"bench.py: {args.qemu_bin} not found (Debian: apt-get install qemu-system-arm)", file=sys.stderr)
        return 2
    args.qemu_bin = found

    entries = []
    for elf in args.elfs:
        print(f"# {elf.name} ...", file=sys.stderr, flush=True)
        entries.append(bench_guest(elf, args))
    print(table(entries))
    failed = [e for e in entries if e["errors"]]
    for e in failed:
        for error in e["errors"]:
            print(f"bench.py: {e['guest']}: {error}", file=sys.stderr)

    report = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "host": {"machine": platform.machine(), "system": platform.platform(),
                       "processor": platform.processor(), "cpus": os.cpu_count()},
              "runs": args.runs, "emu": str(args.emu), "emu_opts": args.emu_opts,
              "qemu": args.qemu_bin, "guests": entries}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{len(entries) - len(failed)} guests ok, {len(failed)} failed; numbers in {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
