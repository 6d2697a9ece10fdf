#!/usr/bin/env python3
"""Run guest suites with `--explain-stale` and check what it reports (issue 12).

Usage: tools/explain_sweep.py [--emu PATH] [-j N] [--filter SUBSTR] MANIFEST...

Every case of the manifests runs as `a64emu run --explain-stale OPTIONS ELF`
(the suite's own options) and must still end as the manifest expects. Then:
  - a case that shows a hypervisor bug (EXPECT `bug`: a fix is off) must
    report at least one stale use: the bug it shows is explained;
  - every other case must report none ("explain-stale: no stale use"): with
    every fix on, a stale use is a guest bug or a model bug;
  - except the cases in DELIBERATE, which exist to show stale state the
    architecture allows (each with why): they must report one, so that the
    list stays true;
  - and a bug case whose fix off is in SOFTWARE_TLB must report none: its
    stale translation is in a structure of the hypervisor's own (a shadow
    stage 2) that is a TLB only to a guest hypervisor; to the emulator,
    which never special-cases the hypervisor, it is coherent memory.
The suites run: el, mmu, cache, hyp and nv (`make check-explain`); the isa,
simd, boot and demo guests do not touch the TLB or cache controls.
Prints one TAP line per case and `N passed, N failed`; exits 1 on a failure.
Standard library only.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import suite  # noqa: E402

# The cases that use stale state on purpose, with what they show (each a
# guest test of the TLB or cache model itself: it checks that the stale
# value the architecture allows is there).
DELIBERATE = {
    "cache.cachesoff_stale": "a cacheable read after Non-cacheable writes hits the clean line read earlier",
    "cache.mmuoff_clean": "reads with the MMU off before the clean to the PoC, to see the old memory",
    "cache.mmuoff_clean-tiny": "the same with tiny caches",
    "cache.mmuoff_fetch": "an MMU-off fetch allocates the old code into the I-cache, executed later",
    "cache.mmuoff_stale": "a read with the MMU off below a dirty line, never cleaned to the PoC",
    "cache.smc_nodc": "self-modifying code without DC CVAU: the I-cache refills the old code from the PoU",
    "cache.smc_nodc-vpipt": "the same on a VPIPT I-cache",
    "cache.smc_noic": "self-modifying code without IC IVAU: the I-cache keeps the old code",
    "cache.smc_noic-vipt-idc": "the same on a VIPT I-cache with IDC = 1",
    "cache.smp_ic_local": "a local IC IALLU leaves the other CPU's old line",
    "cache.vipt_alias": "IC IVAU by one VA alias leaves the other alias's line on a VIPT I-cache",
    "cache.vpipt": "an EL1 IC on a VPIPT I-cache leaves another VMID's line",
    "mmu.remap_stale": "reads through a TLB entry it left stale on purpose (no TLBI after a remap)",
    "mmu.tlbi_local_vs_is": "a local TLBI leaves the other CPU's entry in place",
    "nv.stale": "an L1 hypervisor's remaps with a TLBI missing or mistargeted, to see the old page",
    "nv.stale-cache": "the same with the cache model on",
    "nv.stale-nested": "the same L1 at virtual EL2 (--hyp --nested): its IPAS2E1IS without VMALLE1IS leaves the combined entry",
}

# Fixes whose bug lives in the hypervisor's software, with where.
SOFTWARE_TLB = {
    "shadow-s2-tlbi": "the old page is in the hypervisor's shadow stage 2 (tables the CPU walks), not in a TLB",
}

NO_STALE = "explain-stale: no stale use"
STALE = "stale use(s)"


def run(emu, case, timeout):
    command = suite.emu_command(emu, case)
    command.insert(2, "--explain-stale")
    try:
        p = subprocess.run(command, cwd=suite.ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "timeout"
    return p.returncode, p.stdout, p.stderr


def check(case, status, stdout, stderr):
    """(ok, what) for one case."""
    if status is None:
        return False, "timed out"
    expect = case.expect
    if expect == "bug":
        ended = status != 0 and "not ok" in stdout
    elif expect == "pass":
        ended = status == 0 and "not ok" not in stdout
    else:
        ended = status == expect
    if not ended:
        return False, f"exit status {status}, expected {expect}"
    stale = STALE in stderr
    if NO_STALE not in stderr and not stale:
        return False, "no explain-stale report"
    if expect == "bug":
        for fix, where in SOFTWARE_TLB.items():
            if fix in case.options:
                return not stale, (f"no stale use, as expected: {where}" if not stale else
                                   f"a stale use reported, but {where}: update SOFTWARE_TLB")
        return stale, "the bug's stale use reported" if stale else "the bug shows but no stale use was reported"
    why = DELIBERATE.get(case.name)
    if why:
        return stale, f"deliberately stale, {'reported' if stale else 'but nothing was reported'}: {why}"
    return not stale, "no stale use" if not stale else "stale use with every fix on"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("manifests", nargs="+", type=Path)
    p.add_argument("--emu", type=Path, default=suite.ROOT / ".build/release/a64emu")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--filter")
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    cases = []
    for m in args.manifests:
        cases += suite.parse_manifest(m)
    cases = suite.select_cases(cases, args.filter)
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda c: (c, run(args.emu, c, args.timeout)), cases)
        for n, (case, (status, stdout, stderr)) in enumerate(results, 1):
            ok, what = check(case, status, stdout, stderr)
            failed += not ok
            print(f"{'ok' if ok else 'not ok'} {n} - {case.name}: {what}", flush=True)
            if not ok or args.verbose:
                report = [line for line in stderr.splitlines() if "explain-stale" in line or line.startswith("a64emu:   ")]
                for line in report[:12]:
                    print(f"#   {line}")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
