#!/usr/bin/env python3
"""Random instruction blocks on a64emu and on QEMU, compared register by register.

Usage: tools/check_diff.py [--emu PATH] [--seeds 1-5 | --instructions N] [--blocks 1000] [--length 40]

For each seed: tools/random_blocks.py writes build/diff/seed<N>.S, which is
linked with guests/diff/driver.c and guests/lib (built by `make guests`)
into build/diff/seed<N>.elf with the Swift toolchain's clang; the ELF runs
on a64emu and on `qemu-system-aarch64 -M virt -cpu max -semihosting`, and
every line (one per block: x0-x26, NZCV, a checksum of the scratch buffer)
must be the same. A difference is reported with the block, the registers
that differ and the block's instructions (build/diff/seed<N>.lst). Prints
one line per seed and a summary `N instructions compared, N blocks differ`;
exits 1 if any differs. Standard library only.
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import random_blocks  # noqa: E402

OUT = ROOT / "build/diff"
LIB = ROOT / "guests/lib"
GUEST_LIB = ROOT / "build/guests/lib"
QEMU = os.environ.get("QEMU", "qemu-system-aarch64")


def clang():
    swift = shutil.which("swift")
    if not swift:
        sys.exit("check_diff.py: swift is not on PATH (its clang builds the guests)")
    return str(Path(os.path.realpath(swift)).parent / "clang")


def build(seed, blocks, length):
    asm, listing = random_blocks.generate(seed, blocks, length)
    OUT.mkdir(parents=True, exist_ok=True)
    src = OUT / f"seed{seed}.S"
    src.write_text(asm)
    elf = OUT / f"seed{seed}.elf"
    flags = ["--target=aarch64-none-elf", "-march=armv8.1-a+crc+rcpc", "-ffreestanding", "-nostdlib",
             "-mgeneral-regs-only", "-mstrict-align", "-fno-pic", "-fno-pie", "-fno-stack-protector", f"-I{LIB}"]
    cmd = [clang(), *flags, "-O2", "-fuse-ld=lld", "-static", f"-Wl,-T,{LIB}/link.ld", "-Wl,--build-id=none",
           "-o", str(elf), str(GUEST_LIB / "crt0.S.o"), str(ROOT / "guests/diff/driver.c"), str(src),
           str(GUEST_LIB / "libguest.a")]
    subprocess.run(cmd, check=True)
    return elf, listing


def run(cmd):
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout.replace("\r\n", "\n")


NAMES = [f"x{i}" for i in range(27)] + ["nzcv", "scratch checksum"]


def compare(seed, emu_out, qemu_out, listing):
    """Differences as report lines (at most a few blocks)."""
    report, differing = [], 0
    a, b = emu_out.rstrip("\n").split("\n"), qemu_out.rstrip("\n").split("\n")
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end of output>"
        y = b[i] if i < len(b) else "<end of output>"
        if x == y:
            continue
        differing += 1
        if differing > 3:
            continue
        report.append(f"  seed {seed}, line {i + 1}:")
        fx, fy = x.split(), y.split()
        if fx and fy and fx[0] == fy[0] and fx[0].startswith("b") and len(fx) == len(fy) == 30:
            block = int(fx[0][1:])
            for name, u, v in zip(NAMES, fx[1:], fy[1:]):
                if u != v:
                    report.append(f"    {name}: a64emu {u.lstrip('ns')}, qemu {v.lstrip('ns')}")
            report.append(f"    block b{block} (build/diff/seed{seed}.lst):")
            report += [f"      {insn}" for insn in listing[block]]
        else:
            report += [f"    a64emu: {x}", f"    qemu:   {y}"]
    return differing, report


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--emu", default=str(ROOT / ".build/release/a64emu"))
    p.add_argument("--seeds", default="1-5")
    p.add_argument("--blocks", type=int, default=1000)
    p.add_argument("--length", type=int, default=40)
    p.add_argument("--instructions", type=int, help="enough seeds (from 1) for at least N instructions")
    a = p.parse_args()
    first, last = (int(x) for x in a.seeds.split("-"))
    if a.instructions:
        per_seed = a.blocks * a.length
        first, last = 1, max(1, -(-a.instructions // per_seed))
    if not (GUEST_LIB / "libguest.a").exists():
        sys.exit("check_diff.py: build/guests/lib is missing: run `make guests` first")
    total, bad = 0, 0
    for seed in range(first, last + 1):
        elf, listing = build(seed, a.blocks, a.length)
        count = sum(sum(1 for x in body if not x.endswith(":")) for body in listing)
        emu_status, emu_out = run([a.emu, "run", str(elf)])
        qemu_status, qemu_out = run([QEMU, "-M", "virt", "-cpu", "max", "-display", "none", "-monitor", "none",
                                     "-serial", "stdio", "-semihosting", "-kernel", str(elf)])
        differing, report = compare(seed, emu_out, qemu_out, listing)
        if emu_status != 0 or qemu_status != 0:
            report.insert(0, f"  exit status: a64emu {emu_status}, qemu {qemu_status}")
            differing = max(differing, 1)
        total += count
        bad += differing
        print(f"{'ok' if not differing else 'not ok'} - seed {seed}: {a.blocks} blocks, {count} instructions"
              + (f", {differing} lines differ" if differing else ", same results on a64emu and QEMU"), flush=True)
        for line in report:
            print(line)
    print(f"{total} instructions compared, {bad} blocks differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
