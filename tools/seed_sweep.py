#!/usr/bin/env python3
"""Run one guest under many seeds: every run must exit 0 and print the same.

Usage: tools/seed_sweep.py --emu PATH [--seeds 1-20] ELF [a64emu options...]

For the TLB tests: a guest that checks that a stale translation is still
used after a remap without TLBI (and that a TLBI removes it) must see that
on every seed, whatever the CPU interleaving and TLB eviction choices the
seed makes. Standard library only.
"""

import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emu", required=True)
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("elf")
    ap.add_argument("options", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    first, last = (int(x) for x in a.seeds.split("-"))
    name = f"{a.elf} {' '.join(a.options)}".strip()
    reference = None
    failures = []
    for seed in range(first, last + 1):
        cmd = [a.emu, "run", "--seed", str(seed)] + a.options + [a.elf]
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            bad = [l for l in p.stdout.splitlines() if l.startswith("not ok")]
            failures.append(f"--seed {seed}: exit status {p.returncode} {bad[:3]}")
        if reference is None:
            reference = p.stdout
        elif p.stdout != reference:
            failures.append(f"--seed {seed}: output differs from --seed {first}")
    for f in failures:
        print(f"not ok - seeds {a.seeds} {name}: {f}")
    if failures:
        return 1
    print(f"ok - seeds {a.seeds} {name}: all passed with the same output")
    return 0


if __name__ == "__main__":
    sys.exit(main())
