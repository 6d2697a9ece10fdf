#!/usr/bin/env python3
"""Compare a64emu's speed with QEMU's on the benchmark guests.

Usage:
  tools/bench.py [--emu PATH] [--runs N] [--json PATH] [--svg PATH]
                 [--plan FILE] [--only SUBSTR] [--emu-opts "..."] [ELF...]

What to run is a list of rows; each row is one guest ELF with one set of
`a64emu run` options (a configuration).  `--plan FILE` reads rows from a
plan (make bench uses guests/bench/bench.plan), one per line, `#` starts a
comment line:

  SECTION  GUEST  CONFIG  ELF  [OPTIONS...]

SECTION groups rows in the table (`main`, `scaling`, `ram`, ...), GUEST and
CONFIG name the row, ELF is relative to the repository root, OPTIONS are
a64emu's (`--cache-model on`, `--smp 4`, `--memory 4G`, `--hyp --vcpus 4`,
...).  In a section other than `main`, a CONFIG of the form SERIES/POINT
(`cache-off/2cpu`) puts the row in a series: after the table, each series
is summarised as every point's MIPS and its ratio to the first point's (so
`cache-off/1cpu`, `cache-off/2cpu`, `cache-off/4cpu` show how throughput
changes with the number of CPUs).  ELF arguments add rows of their own
(section `main`, guest = the file's name, configuration = --emu-opts).

QEMU runs the same ELF: `qemu-system-aarch64 -M virt,gic-version=3 -cpu
max` with the options that shape the machine mapped as tools/suite.py
maps them (--smp N -> -smp N, --memory -> -m, --el 2 ->
virtualization=on), and a `--hyp` row as the hypervisor Image with
virtualization=on and the hypervisor's options and the ELF as semihosting
arguments (suite.qemu_hyp_command).  The rows of one section and guest that
give the same QEMU command (they differ only in options QEMU does not have,
such as --cache-model) share their QEMU runs.  Each such group runs N
rounds (stdin from /dev/null): in each, every row's a64emu run, then one
QEMU run, so the machines alternate; wall clocks are timed with
time.perf_counter.  The emulator's --stats line on stderr,
  a64emu: <N> instructions in <S> s (<M> MIPS)
gives the instructions retired (all CPUs) and its own run time, from which
a64emu's MIPS; QEMU's "MIPS equivalent" is the same instruction count over
QEMU's median wall time.

Prints one table: section, guest, configuration, instructions, a64emu MIPS
(median and min-max), median wall seconds of both machines, the ratio
a64emu/QEMU of the medians, QEMU's MIPS equivalent and the spread
((max - min) / median of the wall times) of both; then the series.  Writes
every row, run and series as JSON (default bench/results.json) and a bar
chart as plain SVG (default bench/results.svg): a64emu's MIPS (median, with
a min-max whisker) and QEMU's MIPS equivalent per row, on a log scale.

It asserts no time: it fails (exit 1) only if a guest exits non-zero on
either machine or the two machines' stdout differ. Standard library only.
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shlex
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

sys.dont_write_bytecode = True  # no tools/__pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from suite import (ROOT, QEMU_DEFAULT, data_lines, first_difference, positive_int,  # noqa: E402
                   qemu_command, qemu_hyp_command, run_process, show)

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


def spread(values):
    """(max - min) / median of the values, or None (fewer than one value, median 0)."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    m = statistics.median(values)
    return (max(values) - min(values)) / m if m > 0 else None


# ---------------------------------------------------------------- the rows

@dataclass
class Row:
    section: str
    guest: str
    config: str
    elf: Path
    options: list
    where: str = ""                 # "plan:line", for messages
    instructions: object = None
    emu_wall: list = field(default_factory=list)
    emu_reported: list = field(default_factory=list)
    emu_mips: list = field(default_factory=list)
    qemu_wall: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    emu_cmd: list = field(default_factory=list)
    qemu_cmd: list = field(default_factory=list)

    @property
    def hyp(self):
        return "--hyp" in self.options

    @property
    def name(self):
        return f"{self.section} {self.guest} {self.config}"

    @property
    def series(self):
        """(series, point) of a CONFIG written SERIES/POINT, else None."""
        if self.section == "main" or "/" not in self.config:
            return None
        return tuple(self.config.split("/", 1))


class PlanError(Exception):
    pass


def parse_plan(path, root=ROOT):
    """The rows of a plan file; PlanError on a malformed line."""
    rows, seen = [], {}
    for where, stripped, fields in data_lines(path, PlanError, "plan"):
        if len(fields) < 4:
            raise PlanError(f"{where}: expected `SECTION GUEST CONFIG ELF [OPTIONS...]`, got {stripped!r}")
        section, guest, config, elf = fields[:4]
        row = Row(section, guest, config, root / elf, fields[4:], where)
        if row.name in seen:
            raise PlanError(f"{where}: row `{row.name}` already defined at {seen[row.name]}")
        seen[row.name] = where
        rows.append(row)
    return rows


def emu_command(emu, row):
    # A --hyp guest by its path from the repository root (the runs' current
    # folder), the name the hypervisor opens through semihosting, as suite.py.
    elf = os.path.relpath(row.elf, ROOT) if row.hyp else str(row.elf)
    return [str(emu), "run", "--stats", *row.options, elf]


def qemu_command_for(qemu, row):
    return (qemu_hyp_command if row.hyp else qemu_command)(qemu, row.elf, row.options)


def group_rows(rows, qemu):
    """Rows in groups that share QEMU runs: same section, guest, ELF and QEMU
    command; groups and rows in the order of their first appearance."""
    groups = {}
    for row in rows:
        row.qemu_cmd = qemu_command_for(qemu, row)
        key = (row.section, row.guest, str(row.elf), tuple(row.qemu_cmd))
        groups.setdefault(key, []).append(row)
    return list(groups.values())


# ---------------------------------------------------------------- running

def run_group(rows, args):
    """N rounds: every row's a64emu run, then one QEMU run (shared)."""
    for row in rows:
        row.emu_cmd = emu_command(args.emu, row)
        if not row.elf.is_file():
            row.errors.append(f"missing ELF {row.elf}")
    if any(row.errors for row in rows):
        return
    counts = {row.name: set() for row in rows}
    for i in range(args.runs):
        emu_runs = []
        for row in rows:
            print(f"# {row.name}: a64emu run {i + 1}/{args.runs}", file=sys.stderr, flush=True)
            emu_runs.append(run_process(row.emu_cmd, args.timeout))
        print(f"# {rows[0].section} {rows[0].guest}: QEMU run {i + 1}/{args.runs}", file=sys.stderr, flush=True)
        qemu = run_process(rows[0].qemu_cmd, args.timeout)
        for row, emu in zip(rows, emu_runs):
            for label, run in (("a64emu", emu), ("qemu", qemu)):
                if run.status != 0:
                    row.errors.append(f"run {i + 1}: {label} {run.describe_status()}"
                                      + (f": {run.stderr.strip().splitlines()[-1]}" if run.stderr.strip() else ""))
            difference = first_difference(emu.stdout, qemu.stdout)
            if difference:
                line, a, b = difference
                row.errors.append(f"run {i + 1}: stdout differs at line {line}: a64emu {show(a)}, qemu {show(b)}")
            row.emu_wall.append(emu.seconds)
            row.qemu_wall.append(qemu.seconds)
            stats = parse_stats(emu.stderr)
            if stats:
                count, seconds = stats
                counts[row.name].add(count)
                row.emu_reported.append(seconds)
                row.emu_mips.append(count / seconds / 1e6 if seconds > 0 else None)
            else:
                print(f"bench.py: warning: {row.name}: no `N instructions in S s` line from --stats on stderr",
                      file=sys.stderr)
        if any(row.errors for row in rows):
            break  # the numbers of a failing guest mean nothing
    for row in rows:
        if len(counts[row.name]) > 1:
            print(f"bench.py: warning: {row.name}: instruction counts differ between runs: "
                  f"{sorted(counts[row.name])}", file=sys.stderr)
        row.instructions = max(counts[row.name]) if counts[row.name] else None


# ---------------------------------------------------------------- results

def row_report(row):
    """A row as a dict for the JSON report (medians, spreads, ratio)."""
    mips = [m for m in row.emu_mips if m is not None]
    emu_wall = median_or_none(row.emu_wall)
    qemu_wall = median_or_none(row.qemu_wall)
    n = row.instructions
    return {
        "section": row.section, "guest": row.guest, "config": row.config, "elf": str(row.elf),
        "options": row.options, "a64emu_command": row.emu_cmd, "qemu_command": row.qemu_cmd,
        "instructions": n,
        "a64emu": {"wall_s": row.emu_wall, "reported_s": row.emu_reported, "mips": row.emu_mips,
                   "wall_s_median": emu_wall, "mips_median": median_or_none(mips),
                   "mips_min": min(mips) if mips else None, "mips_max": max(mips) if mips else None,
                   "spread": spread(row.emu_wall)},
        "qemu": {"wall_s": row.qemu_wall, "wall_s_median": qemu_wall,
                 "mips_equivalent": n / qemu_wall / 1e6 if n and qemu_wall else None,
                 "spread": spread(row.qemu_wall)},
        "wall_ratio": emu_wall / qemu_wall if emu_wall and qemu_wall else None,
        "errors": row.errors,
    }


def series_summaries(reports):
    """Per (section, guest, series) of SERIES/POINT rows outside `main`: each
    point's median MIPS and its ratio to the first point's."""
    out = {}
    for r in reports:
        if r["section"] == "main" or "/" not in r["config"]:
            continue
        name, point = r["config"].split("/", 1)
        s = out.setdefault((r["section"], r["guest"], name),
                           {"section": r["section"], "guest": r["guest"], "series": name, "points": []})
        mips = r["a64emu"]["mips_median"]
        base = s["points"][0]["mips"] if s["points"] else mips
        s["points"].append({"config": r["config"], "point": point, "mips": mips,
                            "ratio": mips / base if mips and base else None})
    return list(out.values())


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def percent(value):
    return "-" if value is None else f"{value * 100:.0f}%"


def table(reports):
    header = ["section", "guest", "configuration", "instructions", "a64emu MIPS (min-max)", "a64emu s",
              "QEMU s", "a64emu/QEMU", "QEMU MIPS equiv.", "spread a64emu/QEMU", ""]
    rows = [header]
    for r in reports:
        e, q = r["a64emu"], r["qemu"]
        mips = fmt(e["mips_median"], ".1f")
        if e["mips_min"] is not None:
            mips += f" ({e['mips_min']:.1f}-{e['mips_max']:.1f})"
        rows.append([r["section"], r["guest"], r["config"], fmt(r["instructions"], ","), mips,
                     fmt(e["wall_s_median"], ".3f"), fmt(q["wall_s_median"], ".3f"), fmt(r["wall_ratio"], ".2f"),
                     fmt(q["mips_equivalent"], ".1f"), f"{percent(e['spread'])}/{percent(q['spread'])}",
                     "FAILED" if r["errors"] else ""])
    left = 3   # text columns, left-aligned
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for r in rows:
        cells = ([c.ljust(w) for c, w in zip(r[:left], widths[:left])]
                 + [c.rjust(w) for c, w in zip(r[left:-1], widths[left:-1])] + [r[-1]])
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths[:-1]))
    return "\n".join(lines)


def summary_lines(summaries):
    lines = []
    for s in summaries:
        points = []
        for i, p in enumerate(s["points"]):
            text = f"{p['point']} {fmt(p['mips'], '.1f')} MIPS"
            if i:
                text += f" ({fmt(p['ratio'], '.2f')}x)"
            points.append(text)
        lines.append(f"{s['section']} {s['guest']} {s['series']}: " + ", ".join(points))
    return lines


# ---------------------------------------------------------------- the chart

SVG_EMU, SVG_QEMU = "#2f6db5", "#a0a0a0"


def log_ticks(top):
    """Gridline values 1, 2, 5, 10, 20, 50, ... up to `top` (a power of ten)."""
    ticks, decade = [], 1
    while decade <= top:
        ticks += [v for v in (decade, 2 * decade, 5 * decade) if v <= top]
        decade *= 10
    return ticks


def svg_chart(reports, title):
    """A horizontal bar chart of a64emu's MIPS (median, min-max whisker) and
    QEMU's MIPS equivalent per row, log scale, as an SVG document (str)."""
    label_w, bar_w, right = 300, 560, 260
    top_pad, row_h, section_h, axis_h = 58, 30, 24, 28
    values = [v for r in reports for v in (r["a64emu"]["mips_max"], r["qemu"]["mips_equivalent"]) if v]
    top = 10 ** math.ceil(math.log10(max(values))) if values else 1000
    top = max(top, 10)

    def x(v):  # log scale from 1 MIPS (the left edge) to `top`
        return label_w + bar_w * math.log10(min(max(v, 1), top)) / math.log10(top)

    parts, y, section = [], top_pad, None
    for r in reports:
        if r["section"] != section:
            section = r["section"]
            y += 6
            parts.append(f'<text x="8" y="{y + 14}" font-weight="bold">{escape(section)}</text>')
            y += section_h
        e, q = r["a64emu"], r["qemu"]
        label = f"{r['guest']}  {r['config']}"
        parts.append(f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end">{escape(label)}</text>')
        emu, qmips = e["mips_median"], q["mips_equivalent"]
        if emu:
            parts.append(f'<rect class="a64emu" x="{label_w}" y="{y + 3}" width="{x(emu) - label_w:.1f}" '
                         f'height="11" fill="{SVG_EMU}"><title>{escape(label)}: a64emu {emu:.1f} MIPS</title></rect>')
            if e["mips_min"] is not None and e["mips_max"] is not None and e["mips_max"] > e["mips_min"]:
                parts.append(f'<line x1="{x(e["mips_min"]):.1f}" x2="{x(e["mips_max"]):.1f}" y1="{y + 8.5}" '
                             f'y2="{y + 8.5}" stroke="black" stroke-width="1.5"/>')
        if qmips:
            parts.append(f'<rect class="qemu" x="{label_w}" y="{y + 15}" width="{x(qmips) - label_w:.1f}" '
                         f'height="11" fill="{SVG_QEMU}"><title>{escape(label)}: QEMU {qmips:.1f} MIPS '
                         f'equivalent</title></rect>')
        text = f"{fmt(emu, '.1f')} / {fmt(qmips, '.1f')} MIPS"
        if r["wall_ratio"]:
            text += f"  ({r['wall_ratio']:.1f}x QEMU's time)"
        if r["errors"]:
            text += "  FAILED"
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 18}" font-size="11">{escape(text)}</text>')
        y += row_h
    chart_bottom = y + 4
    grid = []
    for t in log_ticks(top):
        gx = x(t)
        grid.append(f'<line x1="{gx:.1f}" x2="{gx:.1f}" y1="{top_pad}" y2="{chart_bottom}" stroke="#e4e4e4"/>')
        grid.append(f'<text x="{gx:.1f}" y="{chart_bottom + 16}" text-anchor="middle" font-size="11">{t:g}</text>')
    width, height = label_w + bar_w + right, chart_bottom + axis_h + 8
    legend = (f'<rect x="{label_w}" y="30" width="14" height="10" fill="{SVG_EMU}"/>'
              f'<text x="{label_w + 20}" y="39" font-size="12">a64emu MIPS (median, min-max)</text>'
              f'<rect x="{label_w + 230}" y="30" width="14" height="10" fill="{SVG_QEMU}"/>'
              f'<text x="{label_w + 250}" y="39" font-size="12">QEMU, same instructions / its wall time</text>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">\n'
            f'<rect width="100%" height="100%" fill="white"/>\n'
            f'<text x="8" y="20" font-size="15" font-weight="bold">{escape(title)}</text>\n'
            + legend + "\n" + "\n".join(grid) + "\n" + "\n".join(parts) + "\n"
            + f'<text x="{label_w + bar_w / 2}" y="{chart_bottom + 32}" text-anchor="middle" font-size="11">'
              f'MIPS (log scale)</text>\n</svg>\n')


# ---------------------------------------------------------------- main

def main(argv=None):
    p = argparse.ArgumentParser(prog="bench.py", description="Compare a64emu's speed with QEMU's.")
    p.add_argument("elfs", metavar="ELF", nargs="*", type=Path)
    p.add_argument("--plan", type=Path, help="rows to run (SECTION GUEST CONFIG ELF [OPTIONS...] per line)")
    p.add_argument("--only", metavar="SUBSTR", help="only the rows whose `SECTION GUEST CONFIG` contains SUBSTR")
    p.add_argument("--emu", type=Path, default=ROOT / ".build/release/a64emu",
                   help="the emulator (default: .build/release/a64emu)")
    p.add_argument("--runs", type=positive_int, default=3, help="runs per machine and row (default 3)")
    p.add_argument("--json", type=Path, default=ROOT / "bench/results.json",
                   help="JSON report (default: bench/results.json)")
    p.add_argument("--svg", type=Path, default=ROOT / "bench/results.svg",
                   help="bar chart (default: bench/results.svg)")
    p.add_argument("--emu-opts", default="", help="a64emu options for the ELF arguments, as one string")
    p.add_argument("--qemu-bin", default=os.environ.get("QEMU", QEMU_DEFAULT),
                   help=f"QEMU's executable (default: $QEMU or {QEMU_DEFAULT})")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds per run (default 600)")
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    args.emu = args.emu.absolute()

    try:
        rows = parse_plan(args.plan) if args.plan else []
    except PlanError as e:
        print(f"bench.py: {e}", file=sys.stderr)
        return 2
    emu_opts = shlex.split(args.emu_opts)
    for elf in args.elfs:
        rows.append(Row("main", elf.stem, args.emu_opts or "default", elf.absolute(), emu_opts))
    if args.only:
        rows = [r for r in rows if args.only in r.name]
    if not rows:
        print("bench.py: nothing to run (give ELF files or --plan; --only matched no row?)", file=sys.stderr)
        return 2

    if not os.access(args.emu, os.X_OK):
        print(f"bench.py: emulator not found: {args.emu} (build it with `swift build -c release`, "
              "or pass --emu PATH)", file=sys.stderr)
        return 2
    found = shutil.which(args.qemu_bin)
    if not found:
        print(f"bench.py: {args.qemu_bin} not found (Debian: apt-get install qemu-system-arm)", file=sys.stderr)
        return 2
    args.qemu_bin = found

    start = time.perf_counter()
    for group in group_rows(rows, args.qemu_bin):
        run_group(group, args)
    elapsed = time.perf_counter() - start

    reports = [row_report(r) for r in rows]
    summaries = series_summaries(reports)
    print(f"{args.runs} runs of each row, a64emu and QEMU alternating")
    print(table(reports))
    for line in summary_lines(summaries):
        print(line)
    failed = [r for r in reports if r["errors"]]
    for r in failed:
        for error in r["errors"]:
            print(f"bench.py: {r['section']} {r['guest']} {r['config']}: {error}", file=sys.stderr)

    date = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    report = {"date": date,
              "host": {"machine": platform.machine(), "system": platform.platform(),
                       "processor": platform.processor(), "cpus": os.cpu_count()},
              "runs": args.runs, "seconds": elapsed, "emu": str(args.emu), "qemu": args.qemu_bin,
              "plan": str(args.plan) if args.plan else None, "rows": reports, "series": summaries}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    args.svg.parent.mkdir(parents=True, exist_ok=True)
    args.svg.write_text(svg_chart(reports, f"a64emu vs QEMU, {date} ({platform.machine()}, "
                                           f"{os.cpu_count()} CPUs, {args.runs} runs each)"))
    print(f"{len(reports) - len(failed)} rows ok, {len(failed)} failed, in {elapsed:.0f} s; "
          f"numbers in {args.json}, chart in {args.svg}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
