#!/usr/bin/env python3
"""The memory-model safety gate: the instruction-fetch litmus tests of
guests/litmus (Simner et al., ESOP 2020; arch-notes.md 5.4) over many seeds
and cache knobs.

Usage: tools/litmus.py [--emu PATH] [--guests DIR] [--seeds 1-20 | N]
                       [-j N] [--filter SUBSTR] [--config NAME ... | --all-configs]
                       [--strict-reach] [--qemu [--qemu-bin PATH]]

Every test guest runs its shape ITERS times (100) and prints one line

    litmus <TEST>: <kind>=<count> ...

For every test, every knob configuration (DEFAULT_CONFIGS: PIPT and VIPT
I-caches, IDC/DIC 0 and 1, tiny caches that evict; --all-configs adds VIPT
with IDC = 0, tiny VIPT caches with IDC = 1 and the coherent model) and
every seed, a64emu runs
`a64emu run --cache-model on --smp N --seed S --quantum Q <knobs> ELF`; the
seed also picks the scheduling quantum Q (QUANTA[S % len(QUANTA)]: from
one instruction per turn, the finest interleaving, to the default 4096),
so that every seed is a different interleaving.

Exit status 1 (FAIL) when
  - a FORBIDDEN outcome appears in any run (an emulator bug: the run is
    printed with its exact command line and counts),
  - a run fails: exit status not 0 (the guest saw a timeout or a warm call
    after its reset that did not run the original code), no `litmus` line,
    kinds other than the test's, counts that do not add up to ITERS, a
    crash or a hang (--timeout),
  - an outcome in MUST_REACH is never reached by any seed/configuration
    (SM's stale outcome: proof that the model is not accidentally
    coherent); with --strict-reach also those in STRICT_REACH.
Otherwise 0.  The report gives, for each test and outcome kind, how many
runs (seed x configuration) reached it, and in which configurations;
ALLOWED-but-surprising outcomes that no run reached are "not reached"
(allowed: the architecture permits them, it does not require them; see
guests/litmus/README.md for why a64emu's model does not produce them).

--seeds N is seeds 1..N (the default, 1-20 with DEFAULT_CONFIGS, is the
`make check` run: 1400 runs, about a minute on 2 idle cores); --seeds A-B a
range.  A deeper run: --seeds 200 --all-configs.

--qemu: each test runs once on QEMU (qemu-system-aarch64 -M virt -cpu max
-smp N -semihosting, as tools/suite.py builds it); QEMU has no caches, so a
forbidden outcome or a failed run there is a failure too. A run that fails
the harness's own checks (litmus-errors) runs once more, alone: on a loaded
host, QEMU's vCPU threads can run stale translated code past the reset.

Standard library only.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITERS = 100

# name -> (elf stem, CPUs, kinds in the guest's order, forbidden kinds,
#          allowed-but-surprising kinds)
K3 = [f"{a}.{b}.{c}" for a in ("old", "v1", "v2") for b in ("old", "v1", "v2") for c in ("old", "v1", "v2")]
K2V = [f"{a}.{b}" for a in ("old", "v1", "v2") for b in ("old", "v1", "v2")]
TESTS = {
    "SM": ("sm", 1, ["old", "new"], [], ["old"]),
    "SM+cachesync-isb": ("sm_cachesync_isb", 1, ["old", "new"], ["old"], []),
    "CoFF": ("coff", 2, ["old.old", "old.new", "new.new", "new.old"], [], ["new.old"]),
    "CoFR": ("cofr", 2, ["fold.lold", "fold.lnew", "fnew.lnew", "fnew.lold"], ["fnew.lold"], []),
    "CoRF+ctrl-isb": ("corf_ctrl_isb", 2, ["old", "new"], [], ["old"]),
    "MP.RF+dmb+ctrl-isb": ("mp_rf_dmb_ctrl_isb", 2, ["old", "new"], [], ["old"]),
    "MP.RF+cachesync+ctrl-isb": ("mp_rf_cachesync_ctrl_isb", 2, ["old", "new"], ["old"], []),
    "MP.FR+dmb+fpo-fe": ("mp_fr_dmb_fpo_fe", 2, ["old.x0", "old.x1", "new.x1", "new.x0"], ["new.x0"], []),
    "MP.FF+dmb+fpo": ("mp_ff_dmb_fpo", 2, ["f2old.f1old", "f2old.f1new", "f2new.f1new", "f2new.f1old"],
                      [], ["f2new.f1old"]),
    "MP.FF+cachesync+fpo": ("mp_ff_cachesync_fpo", 2, ["f2old.f1old", "f2old.f1new", "f2new.f1new", "f2new.f1old"],
                            ["f2new.f1old"], []),
    "ISA2.F+dc+ic+ctrl-isb": ("isa2_f_dc_ic_ctrl_isb", 3, ["old", "new"], ["old"], []),
    "SM.F+ic": ("sm_f_ic", 2, ["old.old", "old.new", "new.new", "new.old"], [], ["new.old"]),
    "FOW": ("fow", 3, K2V, [], ["v1.old"]),
    "MP.RF+dc+ctrl-isb-isb": ("mp_rf_dc_ctrl_isb_isb", 2, K3, [], ["v2.v1.old"]),
}
# Stale outcomes some seed/configuration must reach: the cache model shows
# them (a model that never does is accidentally coherent).
MUST_REACH = [("SM", "old")]
# Also required with --strict-reach.  SM.F+ic's new.old needs a fetch to
# read an older value than another CPU's fetch read before an IC IVAU:
# impossible with a64emu's one shared point of unification and fetches
# that always read the newest value there (guests/litmus/README.md).
STRICT_REACH = [("SM.F+ic", "new.old")]

TINY = ["--icache", "1K,1way,64B", "--dcache", "1K,2way,64B", "--l2", "4K,2way,64B"]
# name -> a64emu options (besides --smp, --seed, --quantum)
CONFIGS = {
    "pipt": ["--cache-model", "on", "--icache-policy", "pipt", "--idc", "0", "--dic", "0"],
    "pipt-idc": ["--cache-model", "on", "--icache-policy", "pipt", "--idc", "1", "--dic", "0"],
    "vipt": ["--cache-model", "on", "--icache-policy", "vipt", "--idc", "0", "--dic", "0"],
    "vipt-idc": ["--cache-model", "on", "--icache-policy", "vipt", "--idc", "1", "--dic", "0"],
    "vipt-idc-dic": ["--cache-model", "on", "--icache-policy", "vipt", "--idc", "1", "--dic", "1"],
    "tiny": ["--cache-model", "on", "--icache-policy", "pipt", "--idc", "0", "--dic", "0", *TINY],
    "tiny-vipt-idc": ["--cache-model", "on", "--icache-policy", "vipt", "--idc", "1", "--dic", "0", *TINY],
    "coherent": ["--cache-model", "off"],
}
# the `make check` run; --all-configs adds the others
DEFAULT_CONFIGS = ["pipt", "pipt-idc", "vipt-idc", "vipt-idc-dic", "tiny"]
QUANTA = [4096, 1, 2, 3, 5, 7, 13, 31, 64, 250]

QEMU_CONSOLE = ["-display", "none", "-chardev", "stdio,id=con,mux=on", "-serial", "chardev:con",
                "-monitor", "none", "-semihosting-config", "enable=on,target=native,chardev=con"]

LINE = re.compile(r"^litmus (\S+): (.*)$")


def parse(name, stdout):
    """The counts of the guest's `litmus NAME:` line, or an error string."""
    found = None
    for line in stdout.splitlines():
        m = LINE.match(line.strip())
        if m:
            if m.group(1) != name:
                return f"litmus line of {m.group(1)!r}, expected {name!r}"
            if found is not None:
                return "two litmus lines"
            found = m.group(2)
    if found is None:
        return "no `litmus` line"
    counts = {}
    for item in found.split():
        k, eq, v = item.partition("=")
        if not eq or not v.isdigit():
            return f"malformed item {item!r}"
        counts[k] = int(v)
    kinds = TESTS[name][2]
    if list(counts) != kinds:
        return f"kinds {list(counts)} differ from {kinds}"
    if sum(counts.values()) != ITERS:
        return f"counts add up to {sum(counts.values())}, not {ITERS}"
    return counts


class Run:
    def __init__(self, test, config, seed, command):
        self.test, self.config, self.seed, self.command = test, config, seed, command
        self.counts = None
        self.error = None
        self.output = ""
        self.retried = None     # --qemu: the first run's error, when it ran twice


def execute(run, timeout):
    try:
        p = subprocess.run(run.command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        run.error = f"hung: no exit within {timeout} s"
        return run
    run.output = p.stdout + p.stderr
    result = parse(run.test, p.stdout)
    if isinstance(result, str):
        run.error = result
    else:
        run.counts = result
    if p.returncode != 0:
        errs = [l for l in p.stdout.splitlines() if l.startswith("litmus-errors")]
        run.error = (run.error + "; " if run.error else "") + f"exit status {p.returncode}" + \
            (f" ({errs[0]})" if errs else "")
    return run


def shell(command):
    return " ".join(c if re.fullmatch(r"[\w./,=+-]+", c) else repr(c) for c in command)


def parse_seeds(text):
    if "-" in text:
        a, b = text.split("-", 1)
        return list(range(int(a), int(b) + 1))
    return list(range(1, int(text) + 1))


def qemu_mode(args, tests):
    qemu = shutil.which(args.qemu_bin)
    if not qemu:
        print(f"litmus.py: --qemu needs {args.qemu_bin}, which was not found "
              "(Debian: apt-get install qemu-system-arm)", file=sys.stderr)
        return 2
    runs = []
    for name in tests:
        stem, cpus = TESTS[name][0], TESTS[name][1]
        elf = Path(args.guests) / f"{stem}.elf"
        command = [qemu, "-M", "virt,gic-version=3", "-cpu", "max", *QEMU_CONSOLE, "-smp", str(cpus),
                   "-kernel", str(elf)]
        runs.append(Run(name, "qemu", 0, command))
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = list(pool.map(lambda r: execute(r, args.timeout), runs))
    # A run whose harness check failed (a warm call after the full reset
    # sequence ran new code, or a wait timed out) runs again once, alone:
    # QEMU's vCPU threads drop stale translated code asynchronously, and on
    # a loaded host a thread can run it past the reset's barriers. A
    # FORBIDDEN outcome is never retried.
    for i, r in enumerate(runs):
        if r.error and "litmus-errors" in r.error:
            first = r.error
            runs[i] = execute(Run(r.test, r.config, r.seed, r.command), args.timeout)
            runs[i].retried = first
    failed = 0
    for r in runs:
        forbidden = TESTS[r.test][3]
        bad = [k for k in forbidden if r.counts and r.counts[k]]
        if r.error or bad:
            failed += 1
            why = r.error or f"FORBIDDEN {', '.join(f'{k}={r.counts[k]}' for k in bad)}"
            print(f"not ok - qemu {r.test}: {why}\n    {shell(r.command)}")
        else:
            shown = " ".join(f"{k}={v}" for k, v in r.counts.items() if v)
            again = f"; on its second run (the first: {r.retried})" if r.retried else ""
            print(f"ok - qemu {r.test}: no forbidden outcome ({shown}){again}")
    print(f"# qemu: {len(runs)} tests, {failed} failed")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--emu", default=str(ROOT / ".build/release/a64emu"))
    ap.add_argument("--guests", default=str(ROOT / "build/guests/litmus"))
    ap.add_argument("--seeds", default="1-20", help="N (seeds 1..N) or A-B (default 1-20)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--filter", metavar="SUBSTR", help="only tests whose name contains SUBSTR")
    ap.add_argument("--config", action="append", choices=sorted(CONFIGS),
                    help="only this knob configuration (repeatable; default: DEFAULT_CONFIGS)")
    ap.add_argument("--all-configs", action="store_true", help="every configuration of CONFIGS")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per run (a hang fails)")
    ap.add_argument("--strict-reach", action="store_true",
                    help="also fail when an outcome of STRICT_REACH is never reached")
    ap.add_argument("--qemu", action="store_true", help="run each test once on QEMU instead")
    ap.add_argument("--qemu-bin", default=os.environ.get("QEMU", "qemu-system-aarch64"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every run's counts")
    ap.add_argument("--markdown", action="store_true",
                    help="also print the reachability table in Markdown (guests/litmus/README.md)")
    args = ap.parse_args()

    tests = [t for t in TESTS if not args.filter or args.filter in t]
    if not tests:
        ap.error(f"no test matches {args.filter!r}")
    for t in tests:
        elf = Path(args.guests) / f"{TESTS[t][0]}.elf"
        if not elf.is_file():
            print(f"litmus.py: {elf} not found (make -C guests litmus)", file=sys.stderr)
            return 2
    if args.qemu:
        return qemu_mode(args, tests)
    if not Path(args.emu).is_file():
        print(f"litmus.py: {args.emu} not found", file=sys.stderr)
        return 2

    seeds = parse_seeds(args.seeds)
    configs = args.config or (list(CONFIGS) if args.all_configs else DEFAULT_CONFIGS)
    runs = []
    for name in tests:
        stem, cpus = TESTS[name][0], TESTS[name][1]
        elf = str(Path(args.guests) / f"{stem}.elf")
        for config in configs:
            for seed in seeds:
                quantum = QUANTA[seed % len(QUANTA)]
                command = [args.emu, "run", *CONFIGS[config], "--smp", str(cpus), "--seed", str(seed),
                           "--quantum", str(quantum), elf]
                runs.append(Run(name, config, seed, command))
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = list(pool.map(lambda r: execute(r, args.timeout), runs))
    elapsed = time.time() - started

    failures = []
    # test -> kind -> [runs reaching it, total count, configs]
    reach = {t: {k: [0, 0, set()] for k in TESTS[t][2]} for t in tests}
    for r in runs:
        if args.verbose:
            shown = " ".join(f"{k}={v}" for k, v in (r.counts or {}).items() if v)
            print(f"# {r.test} {r.config} seed {r.seed}: {shown} {r.error or ''}")
        if r.error:
            failures.append(f"{r.test} [{r.config}, seed {r.seed}]: {r.error}\n    {shell(r.command)}")
        if not r.counts:
            continue
        for k, v in r.counts.items():
            if v:
                reach[r.test][k][0] += 1
                reach[r.test][k][1] += v
                reach[r.test][k][2].add(r.config)
        for k in TESTS[r.test][3]:
            if r.counts[k]:
                shown = " ".join(f"{kk}={vv}" for kk, vv in r.counts.items())
                failures.append(f"FORBIDDEN {r.test} {k}={r.counts[k]} [{r.config}, seed {r.seed}]: "
                                f"{shown}\n    {shell(r.command)}")
    required = MUST_REACH + (STRICT_REACH if args.strict_reach else [])
    for t, k in required:
        if t in reach and reach[t][k][0] == 0:
            failures.append(f"{t} {k}: never reached, but the cache model must show it "
                            f"(is the model accidentally coherent?)")

    per_test = len(configs) * len(seeds)
    print(f"# litmus: {len(tests)} tests x {len(configs)} configurations ({', '.join(configs)}) x "
          f"{len(seeds)} seeds ({seeds[0]}-{seeds[-1]}), {ITERS} iterations a run, "
          f"{len(runs)} runs in {elapsed:.0f} s")
    print("# runs reaching each outcome (of %d per test); F = forbidden, A = allowed but surprising" % per_test)
    forbidden_seen = 0
    for t in tests:
        forb, surprising = TESTS[t][3], TESTS[t][4]
        cells = []
        for k in TESTS[t][2]:
            n = reach[t][k][0]
            if n == 0 and k not in forb and k not in surprising:
                continue
            tag = " F" if k in forb else " A" if k in surprising else ""
            cells.append(f"{k}{tag}={n}")
        print(f"{t}: {' '.join(cells)}")
        for k in forb:
            forbidden_seen += reach[t][k][1]
        for k in surprising:
            n, total, where = reach[t][k]
            if n:
                print(f"    allowed {k}: reached by {n} runs ({total} iterations) in {', '.join(sorted(where))}")
            else:
                print(f"    allowed {k}: not reached")
    print(f"# forbidden outcomes: {forbidden_seen}")
    if args.markdown:
        print(f"\n| test | outcome | Arm | runs reaching it (of {per_test}) | iterations | configurations |")
        print("| ---- | ------- | --- | ---: | ---: | ---- |")
        for t in tests:
            forb, surprising = TESTS[t][3], TESTS[t][4]
            for k in TESTS[t][2]:
                n, total, where = reach[t][k]
                if n == 0 and k not in forb and k not in surprising:
                    continue
                arm = "**forbidden**" if k in forb else "allowed (surprising)" if k in surprising else "allowed"
                shown = "not reached" if n == 0 and k in surprising else str(n)
                print(f"| {t} | {k} | {arm} | {shown} | {total} | {', '.join(sorted(where)) or '-'} |")
        print()
    for f in failures:
        print(f"not ok - {f}")
    print(f"{'FAIL' if failures else 'PASS'}: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
