#!/usr/bin/env python3
"""Floating-point and Advanced SIMD forms on a64emu and on QEMU, compared bit for bit.

Usage: tools/check_fp.py [--emu PATH] [--seed N | --seeds A-B] [--values N]
                         [--groups a,b] [--forms REGEX] [--settings rn,fz,...]
                         [--qemu-only] [--details N] [--show N]
                         [--emu-output FILE] [--qemu-output FILE]

For each seed, tools/random_fp.py writes build/fpdiff/seed<N>.S (operands in
seed<N>.bin, the forms in seed<N>.lst), which is linked with guests/fpdiff/driver.c and guests/lib
(built by `make guests`) into build/fpdiff/seed<N>.elf with the Swift
toolchain's clang (-march=armv8-a+crc: no FP16, dot product or crypto). The
ELF runs on a64emu (`a64emu run`) and on `qemu-system-aarch64 -M virt -cpu max
-semihosting`; their outputs are kept as seed<N>.emu.txt and seed<N>.qemu.txt.
Every (form, FPCR setting) prints one hash of all its executions; where the
hashes differ, up to --details (default 8) such runs (one per form, taking
the groups in turn) are built again, alone and printing every execution
(seed<N>-details.elf), run on both machines, and the first --show (default 3)
differing executions of each are printed: the instruction, its operands,
both machines' results, FPSR, NZCV and exceptions. A summary gives the forms, runs and executions compared and
the differing runs per group; the exit status is 1 if any differ (or a run
fails), else 0.

--qemu-only: generate the guest twice (it must be identical), run it on
QEMU twice and compare the two runs (determinism of the generator and of the
runs; no a64emu needed). It also checks that QEMU keeps the FPCR bits each
setting writes.

Default size (seed 1, 64 operand sets per form, every form and setting):
3,364 forms, 6,127 runs, 392,128 executions (124 million instructions), in
about 12 s: generating 5 s, QEMU 1.5 s, a64emu 5 s (in parallel with QEMU).
Larger: --values 256 (1.6 million executions, same forms and registers, about
40 s; the generator's Python is most of it) and --seeds 1-10 (other
registers, immediates and operands; about 12 s per seed). A run selected with
--forms/--groups executes exactly what the full run executes for those forms.

--emu-output FILE / --qemu-output FILE: use a saved output instead of running
the machine (with --values and seed as when it was made); details then come
from the file itself if it was made with `random_fp.py --verbose`.
Standard library only.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import random_fp  # noqa: E402

OUT = ROOT / "build/fpdiff"
LIB = ROOT / "guests/lib"
GUEST_LIB = ROOT / "build/guests/lib"
DRIVER = ROOT / "guests/fpdiff/driver.c"
QEMU = os.environ.get("QEMU", "qemu-system-aarch64")
DEFAULT_VALUES = 64

TARGET = ["--target=aarch64-none-elf", "-march=armv8-a+crc"]
CFLAGS = ["-ffreestanding", "-nostdlib", "-mgeneral-regs-only", "-mstrict-align", "-fno-pic", "-fno-pie",
          "-fno-stack-protector", f"-I{LIB}", "-O2", "-Wall", "-Wextra"]
LDFLAGS = ["-nostdlib", "-fuse-ld=lld", "-static", f"-Wl,-T,{LIB}/link.ld", "-Wl,--build-id=none"]


def toolchain(name="clang"):
    swift = shutil.which("swift")
    if not swift:
        sys.exit("check_fp.py: swift is not on PATH (its clang builds the guests)")
    return str(Path(os.path.realpath(swift)).parent / name)


def generate(stem, *args, **kw):
    """random_fp.generate with the operands in <OUT>/<stem>.bin: (asm, forms)."""
    return random_fp.generate(*args, **kw, incbin=str(OUT / f"{stem}.bin"))


def build(stem, asm, forms):
    """Writes <OUT>/<stem>.S, .bin and .lst (OUT: build/fpdiff or --out), returns the linked ELF."""
    OUT.mkdir(parents=True, exist_ok=True)
    src, elf = OUT / f"{stem}.S", OUT / f"{stem}.elf"
    src.write_text(asm)
    (OUT / f"{stem}.bin").write_bytes(random_fp.input_data(forms))
    (OUT / f"{stem}.lst").write_text(random_fp.listing(forms))
    cc = toolchain()
    driver = OUT / "driver.o"
    if not driver.exists() or driver.stat().st_mtime < DRIVER.stat().st_mtime:
        subprocess.run([cc, *TARGET, *CFLAGS, "-c", str(DRIVER), "-o", str(driver)], check=True)
    obj = OUT / f"{stem}.o"
    subprocess.run([cc, *TARGET, "-c", str(src), "-o", str(obj)], check=True)
    subprocess.run([cc, *TARGET, *LDFLAGS, "-o", str(elf), str(GUEST_LIB / "crt0.S.o"), str(driver), str(obj),
                    str(GUEST_LIB / "libguest.a")], check=True)
    return elf


def qemu_command(elf):
    return [QEMU, "-M", "virt", "-cpu", "max", "-display", "none", "-monitor", "none", "-serial", "stdio",
            "-semihosting", "-kernel", str(elf)]


def run_all(commands, timeout):
    """Runs the commands at the same time: [(status, output)]; a failed run's status is
    followed by the end of its stderr."""
    procs = []
    for cmd in commands:
        out, err = tempfile.TemporaryFile(mode="w+b"), tempfile.TemporaryFile(mode="w+b")
        procs.append((subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err), out, err))
    results = []
    for p, out, err in procs:
        try:
            status = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            status = f"timeout after {timeout} s"
        if status != 0:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().split("\n")[-3:]
            status = f"{status}" + (f" ({' / '.join(tail)})" if any(tail) else "")
        out.seek(0)
        results.append((status, out.read().decode(errors="replace").replace("\r\n", "\n")))
        out.close()
        err.close()
    return results


# ---- the guest's output -------------------------------------------------------------------------

class Output:
    """The lines of one run: S (FPCR probes), H (hashes), E (executions), the end line."""

    def __init__(self, text):
        self.settings, self.hashes, self.executions, self.other = OrderedDict(), OrderedDict(), {}, []
        self.done = None
        for line in text.split("\n"):
            f = line.split()
            if not f:
                continue
            if f[0] == "S" and len(f) == 5:
                self.settings[f[1]] = (int(f[2], 16), int(f[3], 16), int(f[4], 16))
            elif f[0] == "H" and len(f) == 5:
                self.hashes[(int(f[1]), f[2])] = (int(f[3]), f[4])
            elif f[0] == "E" and "|" in f:
                bar = f.index("|")
                outs = [w for w in f[bar + 1:] if not w.startswith("m")]
                mem = dict(w[1:].split("=") for w in f[bar + 1:] if w.startswith("m"))
                self.executions[(int(f[1]), f[2], int(f[3]))] = ([int(w, 16) for w in f[4:bar]],
                                                                  [int(w, 16) for w in outs], mem)
            elif line.startswith("fpdiff done:"):
                self.done = line
            else:
                self.other.append(line)


FPSR_BITS = [(27, "QC"), (7, "IDC"), (4, "IXC"), (3, "UFC"), (2, "OFC"), (1, "DZC"), (0, "IOC")]


def fpsr_text(v):
    names = [n for b, n in FPSR_BITS if v >> b & 1]
    rest = v & ~sum(1 << b for b, _ in FPSR_BITS)
    return ("|".join(names) or "0") + (f"+{rest:#x}" if rest else "")


def nzcv_text(v):
    return "".join(c.upper() if v >> b & 1 else c for c, b in zip("nzcv", (31, 30, 29, 28)))


def esr_text(v):
    if not v:
        return "none"
    ec = v >> 26
    name = {0x00: "UNDEFINED", 0x07: "FP/SIMD trap", 0x24: "data abort", 0x25: "data abort", 0x15: "SVC",
            0x18: "MSR/MRS trap"}.get(ec, f"EC {ec:#x}")
    return f"{name} (ESR {v:#x})"


LANE = {8: "b", 16: "h", 32: "s", 64: "d", 128: "q"}


def vreg_text(value, bits):
    """A 128-bit register as lanes of `bits`, lane 0 first."""
    n = 128 // bits
    return " ".join(f"{value >> (bits * i) & ((1 << bits) - 1):0{bits // 4}x}" for i in range(n))


def describe_inputs(form, words):
    """name = value pairs for the operands of one execution."""
    out, k = [], 0
    for (reg, bits, n, cls, tix, is_in) in form.vregs:
        v = words[k] | words[k + 1] << 64
        k += 2
        out.append(f"v{reg}.{LANE[bits]}: {vreg_text(v, bits)}")
    for s in form.gin:
        name = f"x{s.regs[0]}" + (" (base, offset in the scratch buffer)" if s.role == "base" else "")
        out.append(f"{name}: {words[k]:x}")
        k += 1
    out.append(f"nzcv: {nzcv_text(words[k])}")
    if form.literal:
        out.append(f"literal: {form.literal[0]:016x} {form.literal[1]:016x}")
    return out


def result_fields(form, words, mem):
    """(name, text) of every result of one execution."""
    fields = []
    bits = {reg: b for (reg, b, _, _, _, _) in form.vregs}
    for k, reg in enumerate(form.vout):
        b = bits.get(reg, 64)
        fields.append((f"v{reg}.{LANE[b]}", vreg_text(words[2 * k] | words[2 * k + 1] << 64, b)))
    for j, s in enumerate(form.gout):
        fields.append((f"x{s.regs[0]}" + (" (base offset)" if s.role == "base" else ""), f"{words[8 + j]:x}"))
    fields += [("nzcv", nzcv_text(words[10])), ("fpsr", fpsr_text(words[11])),
               ("eor of v0-v31", f"{words[13]:016x}{words[12]:016x}"), ("fpcr", f"{words[14]:x}"),
               ("exception", esr_text(words[15]))]
    if form.mem:
        fields.append(("scratch window hash", f"{words[16]:x}"))
        fields.append(("scratch words written", " ".join(f"+0x{o}={v}" for o, v in sorted(
            mem.items(), key=lambda x: int(x[0], 16))) or "none"))
    return fields


# ---- comparing ------------------------------------------------------------------------------

def compare_hashes(a, b):
    """Keys (form index, setting) whose hashes differ or that only one output has."""
    keys = list(a.hashes) + [k for k in b.hashes if k not in a.hashes]
    return [k for k in keys if a.hashes.get(k) != b.hashes.get(k)]


def detail_report(forms, a, b, names, show, expected=()):
    """Report lines for the differing executions of detail outputs a and b; `expected`: the
    (form, setting) runs whose hashes differed (a run among them without a differing
    execution is reported as such)."""
    report = []
    keys = list(a.executions) + [k for k in b.executions if k not in a.executions]
    by_run = OrderedDict()
    for key in keys:
        ea, eb_ = a.executions.get(key), b.executions.get(key)
        if ea is None or eb_ is None or ea[1] != eb_[1] or ea[2] != eb_[2]:
            by_run.setdefault(key[:2], []).append(key)
    for i, setting in expected:
        if (i, setting) not in by_run:
            report.append(f"    {forms[i].group}: {forms[i].text} [{setting}]: every execution is the same "
                          f"in the rerun (hashes {a.hashes.get((i, setting), (0, 'none'))[1]} and "
                          f"{b.hashes.get((i, setting), (0, 'none'))[1]})")
    for (i, setting), bad in by_run.items():
        form = forms[i]
        report.append(f"    {form.group}: {form.text} [{setting}]: {len(bad)} of "
                      f"{sum(1 for k in keys if k[:2] == (i, setting))} executions differ")
        for key in bad[:show]:
            ea, eb_ = a.executions.get(key), b.executions.get(key)
            if ea is None or eb_ is None:
                report.append(f"      execution {key[2]}: only on {names[0] if eb_ is None else names[1]}")
                continue
            report.append(f"      execution {key[2]}: " + "; ".join(describe_inputs(form, ea[0])))
            fa, fb = result_fields(form, ea[1], ea[2]), result_fields(form, eb_[1], eb_[2])
            for (name, x), (_, y) in zip(fa, fb):
                if x != y:
                    report.append(f"        {name}: {names[0]} {x}")
                    report.append(f"        {' ' * len(name)}  {names[1]:{len(names[0])}} {y}")
            same = [f"{name} {x}" for (name, x), (_, y) in zip(fa, fb) if x == y and name not in
                    ("eor of v0-v31", "scratch window hash")]
            report.append("        same: " + "; ".join(same))
    return report


def check_fpcr(out, name):
    bad = [f"{s}: wrote {w:#x}, read {r:#x}" + (f" ({esr_text(e)})" if e else "")
           for s, (w, r, e) in out.settings.items() if w != r or e]
    return [f"  {name} does not keep the FPCR bits written: " + ", ".join(bad)] if bad else []


def check_seed(seed, a, names, report_counts):
    """One seed: build, run, compare, details. Returns (forms, runs, executions, ok); adds the
    differing runs per group to report_counts."""
    stem = f"seed{seed}"
    asm, forms = generate(stem, seed, a.values, a.groups, a.forms, False, a.settings)
    if not forms:
        sys.exit("check_fp.py: no form matches the selection")
    if a.qemu_only:
        again, forms2 = generate(stem, seed, a.values, a.groups, a.forms, False, a.settings)
        if again != asm or random_fp.input_data(forms2) != random_fp.input_data(forms):
            print(f"not ok - seed {seed}: the generator gave two different programs for one seed")
            return 0, 0, 0, False
    elf = build(stem, asm, forms)
    commands, saved = [], [None, None]
    if a.qemu_only:
        commands = [qemu_command(elf), qemu_command(elf)]
    else:
        if a.emu_output:
            saved[0] = Path(a.emu_output).read_text()
        else:
            commands.append([a.emu, "run", str(elf)])
        if a.qemu_output:
            saved[1] = Path(a.qemu_output).read_text()
        else:
            commands.append(qemu_command(elf))
    results = iter(run_all(commands, a.timeout))
    runs = [(0, s) if s is not None else next(results) for s in saved] if not a.qemu_only else list(results)
    (sa, ta), (sb, tb) = runs
    if a.qemu_only:
        (OUT / f"{stem}.qemu.txt").write_text(ta)
    else:
        (OUT / f"{stem}.emu.txt").write_text(ta)
        (OUT / f"{stem}.qemu.txt").write_text(tb)
    oa, ob = Output(ta), Output(tb)
    ok = True
    problems = []
    stopped = False
    for status, o, name in ((sa, oa, names[0]), (sb, ob, names[1])):
        if status != 0 or o.done is None:
            stopped |= o.done is None
            where = "finished"
            if o.done is None:
                where = f"stopped after {len(o.hashes)} runs"
                nxt = next(((i, st) for i, f in enumerate(forms) for st in f.settings if (i, st) not in o.hashes), None)
                if nxt:
                    where += f", in or after {forms[nxt[0]].group}: {forms[nxt[0]].text} [{nxt[1]}]"
            problems.append(f"  {name}: exit status {status}, {where}"
                            + (f"; its last other lines: {' / '.join(o.other[-3:])}" if o.other else ""))
    problems += check_fpcr(ob, names[1]) + (check_fpcr(oa, names[0]) if a.qemu_only else [])
    if oa.settings and ob.settings and oa.settings != ob.settings:
        problems.append("  FPCR read back (setting: written, read, ESR): " + "; ".join(
            f"{names[0]} " + ", ".join(f"{k}: {w:x} {r:x} {e:x}" for k, (w, r, e) in o.settings.items())
            for o in (oa, ob)))
    differing = compare_hashes(oa, ob)
    groups = Counter(forms[i].group for i, _ in differing if i < len(forms))
    total_runs = sum(len(f.settings) for f in forms)
    executions = total_runs * a.values
    if problems or differing:
        ok = False
    print(f"{'ok' if ok else 'not ok'} - seed {seed}: {len(forms)} forms, {total_runs} runs, "
          f"{executions} executions" + (f", {len(differing)} runs differ" if differing else
                                        f", same results on {names[0]} and {names[1]}"), flush=True)
    for line in problems:
        print(line)
    if differing:
        by_form = OrderedDict()
        for i, s in differing:
            by_form.setdefault(i, []).append(s)
        print(f"  differing forms, first {min(len(by_form), 20)} of {len(by_form)} (settings that differ):")
        for i, ss in list(by_form.items())[:20]:
            where = f"{forms[i].group}: {forms[i].text}" if i < len(forms) else f"form {i} (not in this build)"
            print(f"    {where} [{' '.join(ss)}]")
        if stopped:
            print("  (no details: a machine stopped before the end)")
        else:
            details(seed, a, forms, differing, names, oa, ob)
    report_counts.update(groups)
    return len(forms), total_runs, executions, ok


def pick_details(forms, differing, n):
    """Up to n differing runs: one per form (its first differing setting), taking forms from
    each group in turn, so that the details show as many kinds of difference as they can."""
    first = OrderedDict()
    for i, s in differing:
        if i < len(forms) and i not in first:
            first[i] = s
    by_group = OrderedDict()
    for i, s in first.items():
        by_group.setdefault(forms[i].group, []).append((i, s))
    chosen = []
    while len(chosen) < n and any(by_group.values()):
        for runs in by_group.values():
            if runs and len(chosen) < n:
                chosen.append(runs.pop(0))
    return sorted(chosen)


def details(seed, a, forms, differing, names, oa, ob):
    """Runs the first differing (form, setting) pairs again, verbose, and prints where they differ."""
    chosen = pick_details(forms, differing, a.details)
    if not chosen:
        return
    if oa.executions and ob.executions:                     # saved verbose outputs: details are there
        print(f"  details (from the outputs):")
        for line in detail_report(forms, oa, ob, names, a.show, chosen):
            print(line)
        return
    if (a.emu_output and not oa.executions) or (a.qemu_output and not ob.executions):
        print("  (no details: a saved output without execution lines; run the machine, or save a --verbose run)")
        return
    only = OrderedDict()
    for i, s in chosen:
        only.setdefault(forms[i].text, []).append(s)
    asm, sub = generate(f"seed{seed}-details", seed, a.values, None, None, True, a.settings, only=only)
    elf = build(f"seed{seed}-details", asm, sub)
    commands = [qemu_command(elf), qemu_command(elf)] if a.qemu_only else [[a.emu, "run", str(elf)], qemu_command(elf)]
    (sa, ta), (sb, tb) = run_all(commands, a.timeout)
    print(f"  details of {len(chosen)} runs ({OUT / f'seed{seed}-details.lst'}):")
    index = {f.text: k for k, f in enumerate(sub)}
    expected = [(index[forms[i].text], s) for i, s in chosen if forms[i].text in index]
    for line in detail_report(sub, Output(ta), Output(tb), names, a.show, expected):
        print(line)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--emu", default=str(ROOT / ".build/release/a64emu"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--seeds", help="a range of seeds, A-B (instead of --seed)")
    p.add_argument("--values", type=int, default=DEFAULT_VALUES,
                   help=f"operand sets per form (default {DEFAULT_VALUES})")
    p.add_argument("--groups", help="comma-separated groups: fp, int, ls or fp.cvt, int.perm, ...")
    p.add_argument("--forms", help="regular expression over 'group: instruction'")
    p.add_argument("--settings", help="comma-separated FPCR settings: " + ",".join(n for n, _ in random_fp.SETTINGS))
    p.add_argument("--qemu-only", action="store_true", help="run QEMU twice (determinism), no a64emu")
    p.add_argument("--details", type=int, default=8, help="differing runs to show in detail (default 8)")
    p.add_argument("--show", type=int, default=3, help="differing executions per run to show (default 3)")
    p.add_argument("--emu-output", help="a saved a64emu output to use instead of running a64emu")
    p.add_argument("--qemu-output", help="a saved QEMU output to use instead of running QEMU")
    p.add_argument("--timeout", type=int, default=900)
    p.add_argument("--out", help="folder for the guests and outputs (default build/fpdiff)")
    a = p.parse_args()
    if a.out:
        global OUT
        OUT = Path(a.out).resolve()
    a.groups = a.groups.split(",") if a.groups else None
    a.settings = a.settings.split(",") if a.settings else None
    seeds = [a.seed]
    if a.seeds:
        first, last = (int(x) for x in a.seeds.split("-"))
        seeds = list(range(first, last + 1))
    if not (GUEST_LIB / "libguest.a").exists():
        sys.exit("check_fp.py: build/guests/lib is missing: run `make guests` first")
    if not a.qemu_only and not a.emu_output and not Path(a.emu).exists():
        sys.exit(f"check_fp.py: {a.emu} does not exist (build it, or use --qemu-only)")
    names = ("qemu#1", "qemu#2") if a.qemu_only else ("a64emu", "qemu")
    counts = Counter()
    total_forms = total_runs = total_execs = 0
    all_ok = True
    for seed in seeds:
        nforms, runs, execs, ok = check_seed(seed, a, names, counts)
        total_forms += nforms
        total_runs += runs
        total_execs += execs
        all_ok &= ok
    bad = sum(counts.values())
    print(f"{total_forms} forms, {total_runs} runs (form x FPCR setting), {total_execs} executions compared, "
          f"{bad} runs differ" + (": " + ", ".join(f"{g} {n}" for g, n in sorted(counts.items())) if bad else ""))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
