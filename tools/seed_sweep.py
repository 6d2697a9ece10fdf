#!/usr/bin/env python3
"""Run one guest under many seeds: every run must exit 0 and print the same.

Usage: tools/seed_sweep.py --emu PATH [--seeds 1-20] ELF [a64emu options...]
       tools/seed_sweep.py --emu PATH [--seeds 1-20] --manifest SUITE.manifest

With --manifest, every case of the suite is swept with its own options (a
--seed it gives is replaced) and must exit with its EXPECT status; EXPECT
`pass` is status 0, `bug` (guests/hyp: a fix is off) a non-zero status with
a `not ok` line, on every seed; for those the runs must agree on the TAP
verdicts (`ok N` / `not ok N`), not on every line (a scenario may count,
in a comment, how many cache lines were stale, which depends on the
seeded replacement choices).  Seeds run in parallel (-j, default the
number of CPUs).

For the TLB tests: a guest that checks that a stale translation is still
used after a remap without TLBI (and that a TLBI removes it) must see that
on every seed, whatever the CPU interleaving and TLB eviction choices the
seed makes. Standard library only.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys


def run_seed(emu, elf, options, seed):
    cmd = [emu, "run", "--seed", str(seed)] + options + [elf]
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)


def sweep(emu, elf, options, seeds, expect=0, jobs=1):
    """Returns the failure lines of one case over the seeds."""
    first, last = seeds
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = list(pool.map(lambda s: run_seed(emu, elf, options, s), range(first, last + 1)))
    reference = None
    failures = []

    def verdicts(out):
        return [l.split(" - ")[0] for l in out.splitlines() if l.startswith(("ok ", "not ok "))]

    for seed, p in zip(range(first, last + 1), runs):
        if expect in ("pass", "bug"):
            p.stdout = "\n".join(verdicts(p.stdout))
        bad = [l for l in p.stdout.splitlines() if l.startswith("not ok")]
        if expect == "bug":
            if p.returncode == 0 or not bad:
                failures.append(f"--seed {seed}: bug not reproduced (exit status {p.returncode})")
        elif p.returncode != (0 if expect == "pass" else expect):
            failures.append(f"--seed {seed}: exit status {p.returncode} {bad[:3]}")
        if reference is None:
            reference = p.stdout
        elif p.stdout != reference:
            failures.append(f"--seed {seed}: output differs from --seed {first}")
    return failures


def without_seed(options):
    out, skip = [], False
    for o in options:
        if skip:
            skip = False
            continue
        if o == "--seed":
            skip = True
            continue
        if o.startswith("--seed="):
            continue
        out.append(o)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emu", required=True)
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("--manifest")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--filter", metavar="SUBSTR", help="with --manifest: only cases whose name contains SUBSTR")
    ap.add_argument("elf", nargs="?")
    ap.add_argument("options", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    seeds = tuple(int(x) for x in a.seeds.split("-"))
    cases = []
    if a.manifest:
        for line in open(a.manifest):
            f = line.split()
            if not f or f[0].startswith("#"):
                continue
            if a.filter and a.filter not in f[0]:
                continue
            expect = f[2] if f[2] in ("pass", "bug") else int(f[2], 0)
            cases.append((f[0], f[1], without_seed(f[4:]), expect))
    elif a.elf:
        cases.append((f"{a.elf} {' '.join(a.options)}".strip(), a.elf, a.options, 0))
    else:
        ap.error("an ELF or --manifest")
    failed = 0
    for name, elf, options, expect in cases:
        failures = sweep(a.emu, elf, options, seeds, expect, a.jobs)
        for f in failures:
            print(f"not ok - seeds {a.seeds} {name}: {f}")
        if failures:
            failed += 1
        else:
            print(f"ok - seeds {a.seeds} {name}: all passed with the same output")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
