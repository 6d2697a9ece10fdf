#!/usr/bin/env python3
"""Check that a64emu runs are deterministic and that --seed only changes the
CPU interleaving, never the result (DESIGN.md principle 3).

Usage: tools/determinism.py --emu PATH ELF [a64emu options...]
       tools/determinism.py --emu PATH [-j N] --manifest M [--manifest M...]

With --manifest: every SMP and hypervisor case of the manifests, see
manifest_cases. Otherwise:
Runs `a64emu run --stats --trace-hash --seed S OPTIONS ELF` twice with seed 1 and once
each with seeds 2..5. Fails (exit 1) unless
  - the two seed-1 runs print identical stdout and stderr (instruction
    counts and the instruction-trace hash included) and exit with the same
    status;
  - every run exits 0 with the same stdout (the guest's result);
  - at least one other seed gives different per-CPU instruction counts
    (the interleaving really depends on the seed).
Standard library only.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
from pathlib import Path

PER_CPU = re.compile(r"^a64emu: cpu(\d+): (\d+) instructions", re.M)


def run(emu, elf, options, seed):
    cmd = [emu, "run", "--stats", "--trace-hash", "--seed", str(seed)] + options + [elf]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


HASH = re.compile(r"^a64emu: trace hash: ([0-9a-f]+) over (\d+) instructions$", re.M)


def manifest_cases(emu, manifests, jobs):
    """Every SMP (--smp N > 1) and hypervisor (--hyp) case of the manifests:
    two runs with --seed 1 --trace-hash must give the same instruction-trace
    hash, output and status; one with --seed 2 the same status and, unless
    the case shows a bug (whose report may name other addresses), the same
    TAP results (the guest-visible result: lines that CPUs print at once
    interleave differently with another seed)."""
    def tap(out):
        return sorted(re.findall(r"(?:not )?ok \d+ -", out))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import suite
    cases = []
    for m in manifests:
        for c in suite.parse_manifest(m):
            smp = next((int(c.options[i + 1]) for i, o in enumerate(c.options[:-1]) if o == "--smp"), 1)
            if c.hyp or smp > 1:
                cases.append(c)

    def one(case):
        elf = os.path.relpath(case.elf, suite.ROOT) if case.hyp else str(case.elf)
        def go(seed):
            p = subprocess.run([emu, "run", "--trace-hash", "--seed", str(seed), *case.options, elf], cwd=suite.ROOT,
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
            h = HASH.search(p.stderr)
            return p.returncode, p.stdout, h.group(1) if h else None, h.group(2) if h else None
        a, b, c = go(1), go(1), go(2)
        problems = []
        if a[2] is None:
            problems.append("no trace hash printed")
        if a != b:
            problems.append(f"two runs with --seed 1 differ (hash {a[2]} over {a[3]} vs {b[2]} over {b[3]})")
        if c[0] != a[0]:
            problems.append(f"--seed 2 exit status {c[0]}, --seed 1 {a[0]}")
        elif case.expect != "bug" and tap(c[1]) != tap(a[1]):
            problems.append("--seed 2 TAP results differ from --seed 1")
        return case.name, problems, a[2], a[2] != c[2]

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for n, (name, problems, h, other) in enumerate(pool.map(one, cases), 1):
            failed += bool(problems)
            if problems:
                print(f"not ok {n} - {name}: " + "; ".join(problems))
            else:
                print(f"ok {n} - {name}: trace hash {h} twice with --seed 1; --seed 2 the same result"
                      f"{' (another trace)' if other else ''}", flush=True)
    print(f"determinism: {len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    if "--manifest" in sys.argv:
        ap = argparse.ArgumentParser()
        ap.add_argument("--emu", required=True)
        ap.add_argument("--manifest", action="append", required=True)
        ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
        a = ap.parse_args()
        return manifest_cases(a.emu, a.manifest, a.jobs)
    ap = argparse.ArgumentParser()
    ap.add_argument("--emu", required=True)
    ap.add_argument("elf")
    ap.add_argument("options", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    name = f"{a.elf} {' '.join(a.options)}".strip()

    first = run(a.emu, a.elf, a.options, 1)
    second = run(a.emu, a.elf, a.options, 1)
    failures = []
    # The stats lines hold host seconds and MIPS: compare everything else.
    def stable(stderr):
        return re.sub(r"in [\d.]+ s \([\d.]+ MIPS\)", "in - s", stderr)
    if first[0] != second[0] or first[1] != second[1] or stable(first[2]) != stable(second[2]):
        failures.append("two runs with --seed 1 differ")
    counts = {1: PER_CPU.findall(first[2])}
    for seed in range(1, 6):
        code, out, err = first if seed == 1 else run(a.emu, a.elf, a.options, seed)
        counts[seed] = PER_CPU.findall(err)
        if code != 0:
            failures.append(f"--seed {seed}: exit status {code}")
        if out != first[1]:
            failures.append(f"--seed {seed}: output differs from --seed 1")
    if all(counts[s] == counts[1] for s in range(2, 6)):
        failures.append("seeds 1-5 all gave the same per-CPU instruction counts: the seed does not reach the scheduler")
    for f in failures:
        print(f"not ok - determinism {name}: {f}")
    if failures:
        return 1
    distinct = len(set(tuple(c) for c in counts.values()))
    print(f"ok - determinism {name}: same seed, same run; seeds 1-5 give the same output "
          f"with {distinct} different interleavings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
