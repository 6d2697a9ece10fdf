#!/usr/bin/env python3
"""a64emu's disassembler against llvm-objdump, instruction by instruction.

Usage: tools/disasm_compare.py [--emu PATH] [--guests DIR ...] [--random N]
                               [--seed S] [--show N] [--objdump PATH]

Two sets of words, each disassembled by both and compared after whitespace
normalisation (llvm-objdump's `// =...` comments and ` <symbol+off>` target
names are dropped; a64emu prints no comments):

- every instruction of every ELF below the --guests folders (default
  build/guests, made by `make guests`): llvm-objdump -d gives each word and
  its text; `a64emu disasm --words` disassembles the same words at the same
  addresses;
- --random N (default 40) words per row of the decode table, drawn by
  `a64emu disasm --random N --seed S` (field bits random, fixed bits the
  row's), assembled with `.inst` into an object file for llvm-objdump.

Only words the decoder accepts are compared (the others are what the
interpreter takes as UNDEFINED; a64emu prints them as `.inst`): the summary
counts them apart. The exit status is 1 if any compared word differs.
llvm-objdump is the Swift toolchain's (LLVM 21), or --objdump.
Standard library only.
"""
import argparse
import collections
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_fp import toolchain  # noqa: E402  (the Swift toolchain's clang and llvm-objdump)

LINE = re.compile(r"^\s*([0-9a-f]+):\s+([0-9a-f]{8})\s+(.*)$")


def normalise(text):
    """Whitespace collapsed, comments and symbolic target names dropped."""
    text = text.split("//")[0]
    text = re.sub(r" <[^>]*>", "", text)
    return " ".join(text.replace(",", ", ").split()).replace(" ,", ",")


def objdump(objdump_path, path):
    """[(address, word, text)] for every instruction llvm-objdump prints."""
    out = subprocess.run([objdump_path, "-d", str(path)],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            rows.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
    return rows


def emu_words(emu, words):
    """a64emu's text for each (address, word)."""
    data = "".join(f"{a:x} {w:08x}\n" for a, w in words)
    out = subprocess.run([emu, "disasm", "--words", "-"], input=data, capture_output=True,
                         text=True, check=True).stdout
    result = []
    for line in out.splitlines():
        a, w, text = line.split(" ", 2)
        result.append(text)
    return result


class Tally:
    def __init__(self, show):
        self.show = show
        self.compared = 0
        self.undefined = 0
        self.differ = []
        self.by_mnemonic = collections.Counter()

    def add(self, where, word, ours, theirs):
        if ours.startswith(".inst"):
            self.undefined += 1
            return
        self.compared += 1
        if normalise(ours) != normalise(theirs):
            self.differ.append((where, word, ours, theirs))
            self.by_mnemonic[normalise(theirs).split(" ")[0]] += 1

    def report(self, label):
        print(f"{label}: {self.compared} instructions compared, {len(self.differ)} differ"
              f" ({self.undefined} words the decoder calls UNDEFINED not compared)")
        for where, word, ours, theirs in self.differ[: self.show]:
            print(f"  {where} {word:08x}: a64emu '{normalise(ours)}'  llvm-objdump '{normalise(theirs)}'")
        if self.differ:
            common = ", ".join(f"{m} {n}" for m, n in self.by_mnemonic.most_common(12))
            print(f"  most differing (llvm's mnemonic): {common}")


def compare_guests(args, objdump_path):
    tally = Tally(args.show)
    elfs = sorted(p for d in args.guests for p in Path(d).rglob("*.elf"))
    if not elfs:
        sys.exit(f"disasm_compare.py: no ELF below {', '.join(args.guests)} (run `make guests`)")
    seen = set()
    for elf in elfs:
        rows = [(a, w, t) for a, w, t in objdump(objdump_path, elf)
                if not t.startswith(".word") and not t.startswith("<unknown>") and (a, w) not in seen]
        seen.update((a, w) for a, w, _ in rows)
        ours = emu_words(args.emu, [(a, w) for a, w, _ in rows])
        for (a, w, theirs), text in zip(rows, ours):
            tally.add(f"{elf.name}:{a:x}", w, text, theirs)
    tally.report(f"guests ({len(elfs)} ELF files)")
    return tally


def compare_random(args, objdump_path):
    tally = Tally(args.show)
    out = subprocess.run([args.emu, "disasm", "--random", str(args.random), "--seed", str(args.seed)],
                         capture_output=True, text=True, check=True).stdout
    words, ours = [], []
    for line in out.splitlines():
        a, w, text = line.split(" ", 2)
        words.append(int(w, 16))
        ours.append(text)
    with tempfile.TemporaryDirectory() as tmp:
        src, obj = Path(tmp) / "random.S", Path(tmp) / "random.o"
        src.write_text(".text\n" + "".join(f".inst 0x{w:08x}\n" for w in words))
        subprocess.run([toolchain("clang"), "--target=aarch64-none-elf", "-c", str(src), "-o", str(obj)],
                       check=True)
        theirs = {a: t for a, _, t in objdump(objdump_path, obj)}
    for i, (w, text) in enumerate(zip(words, ours)):
        tally.add(f"random:{i * 4:x}", w, text, theirs.get(i * 4, "<missing>"))
    tally.report(f"random ({args.random} words per decode-table row, seed {args.seed})")
    return tally


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--emu", default=str(ROOT / ".build/release/a64emu"))
    p.add_argument("--guests", action="append", help="folder of guest ELFs (repeatable)")
    p.add_argument("--random", type=int, default=40, help="random words per decode-table row (0: none)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--show", type=int, default=20, help="differences to print per set")
    p.add_argument("--objdump", default=None)
    args = p.parse_args()
    args.guests = args.guests or [str(ROOT / "build/guests")]
    objdump_path = args.objdump or toolchain("llvm-objdump")
    failed = False
    if args.guests != ["none"]:
        failed |= bool(compare_guests(args, objdump_path).differ)
    if args.random > 0:
        failed |= bool(compare_random(args, objdump_path).differ)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
