"""Tests of tools/random_fp.py and tools/check_fp.py (python3 -m unittest discover -s tools/tests).

The generator tests need nothing but Python. The assembly test needs the Swift
toolchain's clang and llvm-objdump (skipped without `swift` on PATH); the
end-to-end tests also need QEMU and guests/lib built (`make guests`), and use
a fake a64emu that runs QEMU and changes one form's results.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from fakes import TOOLS, environment, tool

sys.path.insert(0, str(TOOLS))
import check_fp  # noqa: E402
import random_fp  # noqa: E402

ROOT = TOOLS.parent
SWIFT = shutil.which("swift")
BIN = Path(os.path.realpath(SWIFT)).parent if SWIFT else None
QEMU = shutil.which(os.environ.get("QEMU", "qemu-system-aarch64"))
GUEST_LIB = ROOT / "build/guests/lib/libguest.a"


def lanes(form, words, reg):
    """The operand lanes of V register `reg` in one input row."""
    for k, (r, bits, n, *_rest) in enumerate(form.vregs):
        if r == reg:
            v = words[2 * k] | words[2 * k + 1] << 64
            return [v >> (bits * i) & ((1 << bits) - 1) for i in range(n)]
    raise KeyError(reg)


def source_lanes(forms, bits):
    """Every operand lane of the source registers of the given forms."""
    out = set()
    for f in forms:
        srcs = [s for s in f.slots if not s.gpr and s.role == "in"]
        for row in f.inputs:
            for s in srcs:
                for reg in s.regs:
                    if any(v[0] == reg and v[1] == bits for v in f.vregs):
                        out.update(lanes(f, row, reg))
    return out


class Generator(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.asm, cls.forms = random_fp.generate(5, 64)

    def test_the_same_seed_gives_the_same_program(self):
        a = random_fp.generate(9, 4, groups=["fp.arith", "int.perm", "ls.pair"])
        b = random_fp.generate(9, 4, groups=["fp.arith", "int.perm", "ls.pair"])
        self.assertEqual(a[0], b[0])
        c = random_fp.generate(10, 4, groups=["fp.arith", "int.perm", "ls.pair"])
        self.assertNotEqual(a[0], c[0])

    def test_a_selection_runs_what_the_full_run_runs(self):
        full = {f.text: f for f in self.forms}
        _, some = random_fp.generate(5, 64, groups=["fp.cvt"], pattern="fcvtzs")
        self.assertTrue(some)
        for f in some:
            self.assertEqual(f.group, "fp.cvt")
            self.assertIn("fcvtzs", f.text)
            self.assertEqual(f.inputs, full[f.text].inputs, f.text)
            self.assertEqual(f.settings, full[f.text].settings)

    def test_groups_forms_settings_and_only(self):
        _, fs = random_fp.generate(5, 2, groups=["int"])
        self.assertTrue(fs and all(f.group.startswith("int.") for f in fs))
        self.assertTrue(all(f.settings == ["rn"] for f in fs))
        _, fs = random_fp.generate(5, 2, pattern=r"^fp\.recip: frecpe v")
        self.assertEqual({f.mnemonic for f in fs}, {"frecpe"})
        _, fs = random_fp.generate(5, 2, groups=["fp.arith"], settings=["rz", "fz"])
        self.assertTrue(all(f.settings == ["rz", "fz"] for f in fs))
        _, fs = random_fp.generate(5, 2, groups=["int"], settings=["rz"])
        self.assertEqual(fs, [])
        text = self.forms[3].text
        asm, fs = random_fp.generate(5, 2, verbose=True, only={text: ["dn"]})
        self.assertEqual([(f.text, f.settings) for f in fs], [(text, ["dn"])])
        self.assertIn("fp_verbose: .quad 1", asm)

    def test_fpcr_settings(self):
        by = {f.text: f.settings for f in self.forms}
        fp = [f for f in self.forms if f.group.startswith("fp.")]
        self.assertTrue(all(set(f.settings) >= {"rn", "rp", "rm", "rz", "fz", "dn"} for f in fp))
        halves = [f for f in fp if "ahp" in f.settings]
        self.assertTrue(halves)
        self.assertTrue(all(f.mnemonic.startswith("fcvt") and re.search(r"\bh\d|\.[48]h", f.text) for f in halves))
        self.assertTrue(any(t.startswith("fcvtl2 ") and "ahp" in s for t, s in by.items()))
        self.assertEqual(dict(random_fp.SETTINGS)["rz"], 3 << 22)
        self.assertEqual(dict(random_fp.SETTINGS)["ahp"], 1 << 26)

    def test_fp_special_values_are_operands(self):
        single = [f for f in self.forms if f.group.startswith("fp.") and re.match(r"\w+ s\d+, s\d+", f.text)]
        seen = source_lanes(single, 32)
        for name, v in [("+0", 0), ("-0", 0x80000000), ("min denormal", 1), ("max denormal", 0x007FFFFF),
                        ("min normal", 0x00800000), ("max normal", 0x7F7FFFFF), ("+inf", 0x7F800000),
                        ("-inf", 0xFF800000), ("qNaN", 0x7FC00000), ("sNaN", 0x7F800001),
                        ("qNaN payload", 0x7FC12345), ("1.0", 0x3F800000), ("2^31", 0x4F000000),
                        ("2^64", 0x5F800000), ("65504", 0x477FE000)]:
            self.assertIn(v, seen, name)
        double = [f for f in self.forms if f.group.startswith("fp.") and re.match(r"\w+ [dwx]\d+, d\d+", f.text)]
        seen = source_lanes(double, 64)
        for name, v in [("-0", 1 << 63), ("min denormal", 1), ("+inf", 0x7FF0000000000000),
                        ("sNaN payload", 0x7FF4321012345678), ("2^63", 0x43E0000000000000),
                        ("2^31 - 0.5", 0x41DFFFFFFFE00000), ("FLT_MAX as double", 0x47EFFFFFE0000000),
                        ("tie in single", 0x3FF0000010000000)]:
            self.assertIn(v, seen, name)
        self.assertIn(0x7C01, random_fp.FP_SPECIALS[16])      # a signalling half NaN
        half = [f for f in self.forms if re.match(r"fcvt [sd]\d+, h\d+", f.text)]
        self.assertIn(0x7C00, source_lanes(half, 16))

    def test_integer_edges_and_related_operands(self):
        bytes_ = source_lanes([f for f in self.forms if f.group == "int.3same" and ".16b" in f.text], 8)
        self.assertTrue({0x7F, 0x80, 0xFF, 0, 1}.issubset(bytes_))
        halves = source_lanes([f for f in self.forms if f.group == "int.3same" and ".8h" in f.text], 16)
        self.assertTrue({0x7FFF, 0x8000, 0xFFFF, 0x7F, 0x80, 0xFF}.issubset(halves))
        # SQDMULH saturates on INT_MIN * INT_MIN: both operands of one lane
        pair = False
        for f in self.forms:
            if f.mnemonic == "sqdmulh" and ".4s" in f.text and f.group == "int.3same":
                n, m = [s.regs[0] for s in f.slots if s.name in ("n", "m")]
                pair |= any(0x80000000 in set(lanes(f, row, n)) & set(lanes(f, row, m)) for row in f.inputs)
        self.assertTrue(pair)
        # scvtf from general registers: integers near 2^63 and 2^64
        gprs = set()
        for f in self.forms:
            if f.mnemonic in ("scvtf", "ucvtf") and re.search(r", x\d+$", f.text):
                for row in f.inputs:
                    gprs.add(row[2 * len(f.vregs)])
        self.assertTrue({0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF}.issubset(gprs))

    def test_shift_operands_are_small_signed_amounts(self):
        amounts = []
        for f in self.forms:
            if f.group == "int.3same" and re.match(r"u?s?q?r?shl v\d+\.[24]s", f.text):
                m = next(s for s in f.slots if s.name == "m").regs[0]
                if m != next(s for s in f.slots if s.name == "d").regs[0]:
                    amounts += [lane & 0xFF for row in f.inputs for lane in lanes(f, row, m)]
        self.assertTrue({0, 1, 31, 32, 33, 0xFF, 0xE0, 0xDF}.issubset(amounts))
        small = sum(1 for a in amounts if a <= 34 or a >= 256 - 34)
        self.assertGreater(small / len(amounts), 0.75)

    def test_templates_expand_every_arrangement(self):
        texts = [f.text for f in self.forms]
        for arr in ("8b", "16b", "4h", "8h", "2s", "4s", "2d"):
            self.assertTrue(any(re.fullmatch(rf"sqadd v\d+\.{arr}, v\d+\.{arr}, v\d+\.{arr}", t) for t in texts), arr)
        for n in (1, 2, 3, 4):
            self.assertTrue(any(t.startswith("tbx ") and t.count(".16b") == n for t in texts), n)
        for size in "bhsd":
            self.assertTrue(any(re.fullmatch(rf"sqadd {size}\d+, {size}\d+, {size}\d+", t) for t in texts), size)
        shifts = {int(t.rsplit("#", 1)[1]) for t in texts if re.match(r"sshr v\d+\.2d", t)}
        self.assertTrue({1, 64}.issubset(shifts))
        self.assertEqual(len([t for t in texts if re.match(r"movi v\d+\.4s, #\d+, lsl #", t)]) // 3, 4)
        self.assertTrue(any(re.fullmatch(r"ld4 \{(v\d+\.2d, ){3}v\d+\.2d\}, \[x\d+\], x\d+", t) for t in texts))
        self.assertTrue(any(re.fullmatch(r"ldp q\d+, q\d+, \[x\d+, #-1024\]!", t) for t in texts))
        self.assertTrue(any(re.fullmatch(r"fmov x\d+, v\d+\.d\[1\]", t) for t in texts))

    def test_by_element_16_bit_operands_use_v0_to_v15(self):
        for f in self.forms:
            for s in f.slots:
                if s.by_element and random_fp.eb(s.cls) == 16:
                    self.assertLess(s.regs[0], 16, f.text)

    def test_memory_windows_hold_every_access(self):
        for f in self.forms:
            if f.mem:
                base0, align, lo, hi = f.mem
                self.assertTrue(0 <= lo < hi <= random_fp.SCRATCH, f.text)
                self.assertEqual(base0 % 16, 0)
                b = next(s for s in f.gin if s.role == "base")
                k = 2 * len(f.vregs) + f.gin.index(b)
                m = re.search(r"\[x\d+, #(-?\d+)\]", f.text)
                offset = int(m.group(1)) if m else 0
                for row in f.inputs:
                    self.assertEqual(row[k] % align, 0, f.text)
                    self.assertTrue(lo <= row[k] + offset and row[k] + offset + align <= hi, f.text)

    def test_registers_are_operands_only(self):
        for f in self.forms:
            for s in f.slots:
                if s.gpr:
                    self.assertLess(s.regs[0], 15, f.text)     # x15-x17 belong to the form function
            self.assertNotRegex(f.text, r"\b[xw](1[5-9]|2\d|30)\b")


@unittest.skipUnless(SWIFT, "needs the Swift toolchain's clang and llvm-objdump")
class Assembles(unittest.TestCase):
    ALIASES = {"ins": "mov", "umov": "mov", "dup": "mov", "not": "mvn"}

    @staticmethod
    def normal(text):
        t = re.sub(r"\s+", " ", text.lower()).replace("{ ", "{").replace(" }", "}")
        t = re.sub(r"#(-?)0x([0-9a-f]+)", lambda m: "#" + m.group(1) + str(int(m.group(2), 16)), t)
        t = re.sub(r"#(-?\d+\.\d+)", lambda m: "#" + repr(float(m.group(1))), t)
        t = re.sub(r"#0{16}\b", "#0", t)
        t = re.sub(r"\bcc$", "lo", t)
        t = re.sub(r"\bcs$", "hs", t)
        t = re.sub(r"^((movi|mvni|orr|bic) .*), lsl #0$", r"\1", t)
        t = re.sub(r", #0\]$", "]", t)
        t = re.sub(r"(, (fp_lit\d*|0x[0-9a-f]+))?( <[^>]*>)?$", "", t)     # LDR (literal)
        return t

    def test_every_form_assembles_and_decodes_to_itself(self):
        asm, forms = random_fp.generate(1, 1)
        with tempfile.TemporaryDirectory() as d:
            src, obj = Path(d) / "all.S", Path(d) / "all.o"
            src.write_text(asm)
            subprocess.run([str(BIN / "clang"), "--target=aarch64-none-elf", "-march=armv8-a+crc", "-c",
                            str(src), "-o", str(obj)], check=True)
            dump = subprocess.run([str(BIN / "llvm-objdump"), "-d", "--no-show-raw-insn", str(obj)],
                                  capture_output=True, text=True, check=True).stdout.split("\n")
        decoded = {}
        for i, line in enumerate(dump):
            m = re.search(r"<fp_f(\d+)_insn>:", line)
            if m:
                decoded[int(m.group(1))] = dump[i + 1].split(":", 1)[1].strip()
        self.assertEqual(len(decoded), len(forms))
        self.assertGreater(len(forms), 3000)
        wrong = []
        for i, f in enumerate(forms):
            got = decoded[i].split(None, 1)
            mnemonic = got[0]
            if mnemonic != f.mnemonic and self.ALIASES.get(f.mnemonic) == mnemonic:
                mnemonic = f.mnemonic
            if mnemonic != f.mnemonic or self.normal(f.text) != self.normal(mnemonic + " " + got[1]):
                wrong.append(f"{f.text} -> {decoded[i]}")
        self.assertEqual(wrong, [])

    def test_only_base_armv8_features(self):
        asm, _ = random_fp.generate(1, 1, groups=["fp"])
        with tempfile.TemporaryDirectory() as d:
            src = Path(d) / "x.S"
            src.write_text(asm + "    fadd h0, h1, h2\n")      # FEAT_FP16 must not assemble
            r = subprocess.run([str(BIN / "clang"), "--target=aarch64-none-elf", "-march=armv8-a+crc", "-c",
                                str(src), "-o", str(Path(d) / "x.o")], capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("fadd h0, h1, h2", r.stderr)


class Compare(unittest.TestCase):
    def setUp(self):
        _, self.forms = random_fp.generate(2, 2, pattern=r"^fp\.arith: fadd s")
        self.form = self.forms[0]

    def output(self, fpsr=0x10, lane0=0x3F800000, hash_="abc"):
        f = self.form
        row = " ".join(f"{w:x}" for w in f.inputs[0][:f.nin])
        outs = [lane0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x60000000, fpsr, 1, 2, 0, 0, 0]
        return ("S rn 0 0 0\n" + f"E 0 rn 0 {row} | " + " ".join(f"{w:x}" for w in outs) + "\n"
                + f"H 0 rn 2 {hash_}\nH 0 rp 2 def\nfpdiff done: 1 forms, 2 runs, 4 executions\n")

    def test_hashes_and_details(self):
        a = check_fp.Output(self.output())
        b = check_fp.Output(self.output(fpsr=0x11, hash_="abd"))
        self.assertEqual(check_fp.compare_hashes(a, b), [(0, "rn")])
        self.assertEqual(check_fp.compare_hashes(a, a), [])
        text = "\n".join(check_fp.detail_report(self.forms, a, b, ("a64emu", "qemu"), 3))
        self.assertIn(f"{self.form.text} [rn]: 1 of 1 executions differ", text)
        self.assertIn("fpsr: a64emu IXC", text)
        self.assertIn("qemu   IXC|IOC", text)
        self.assertIn("nzcv nZCv", text)                       # the same on both
        self.assertIn(f"v{self.form.vregs[1][0]}.s: ", text)    # an operand, as lanes

    def test_fpcr_not_kept_is_a_problem(self):
        out = check_fp.Output("S rn 0 0 0\nS fz 1000000 0 0\nS dn 2000000 2000000 2000000\n")
        text = "\n".join(check_fp.check_fpcr(out, "qemu"))
        self.assertIn("fz: wrote 0x1000000, read 0x0", text)
        self.assertIn("dn: wrote 0x2000000, read 0x2000000 (UNDEFINED", text)
        self.assertNotIn("rn:", text)

    def test_missing_runs_differ(self):
        a = check_fp.Output(self.output())
        b = check_fp.Output("S rn 0 0 0\nH 0 rn 2 abc\n")
        self.assertEqual(check_fp.compare_hashes(a, b), [(0, "rp")])
        self.assertIsNone(b.done)

    def test_pick_details_spreads_over_groups(self):
        _, forms = random_fp.generate(2, 1, groups=["fp.cmp", "int.perm"])
        differing = [(i, s) for i, f in enumerate(forms) for s in f.settings]
        chosen = check_fp.pick_details(forms, differing, 4)
        self.assertEqual(len(chosen), 4)
        self.assertEqual(sorted({forms[i].group for i, _ in chosen}), ["fp.cmp", "int.perm"])
        self.assertEqual(len({i for i, _ in chosen}), 4)

    def test_flag_texts(self):
        self.assertEqual(check_fp.fpsr_text(0x8000091), "QC|IDC|IXC|IOC")
        self.assertEqual(check_fp.fpsr_text(0), "0")
        self.assertEqual(check_fp.nzcv_text(0xA0000000), "NzCv")
        self.assertIn("UNDEFINED", check_fp.esr_text(0x2000000))


FAKE_EMU = r"""#!/usr/bin/env python3
# fake a64emu: `run ELF` runs QEMU and, for the forms matching $FAKE_FORM under
# setting $FAKE_SETTING, sets FPSR.QC in execution 1 (and changes the hash).
import os, re, subprocess, sys
elf = sys.argv[-1]
forms = set()
for line in open(elf[:-4] + ".lst"):
    i, group, settings, text = line.rstrip("\n").split(" ", 3)
    if re.search(os.environ["FAKE_FORM"], group + ": " + text):
        forms.add(i)
out = subprocess.run([os.environ["FAKE_QEMU"], "-M", "virt", "-cpu", "max", "-display", "none", "-monitor", "none",
                      "-serial", "stdio", "-semihosting", "-kernel", elf], capture_output=True, text=True)
setting = os.environ["FAKE_SETTING"]
for line in out.stdout.splitlines():
    f = line.split()
    if f and f[0] == "H" and f[1] in forms and f[2] == setting:
        f[4] = "%x" % (int(f[4], 16) ^ 1)
    if f and f[0] == "E" and f[1] in forms and f[2] == setting and f[3] == "1":
        k = f.index("|") + 12
        f[k] = "%x" % (int(f[k], 16) | 1 << 27)
    print(" ".join(f))
sys.exit(out.returncode)
"""


@unittest.skipUnless(SWIFT and QEMU and GUEST_LIB.exists(), "needs clang, QEMU and `make guests`")
class EndToEnd(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="a64emu-check-fp-")
        self.path = Path(self.dir.name)

    def tearDown(self):
        self.dir.cleanup()

    def run_check(self, *args, **env):
        return subprocess.run(tool("check_fp.py") + ["--out", str(self.path / "out"), *args],
                              capture_output=True, text=True, env=environment(**env), timeout=600)

    def test_qemu_twice_is_the_same(self):
        r = self.run_check("--qemu-only", "--groups", "fp.cvt,int.3same,ls.lane", "--values", "8")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("same results on qemu#1 and qemu#2", r.stdout)
        self.assertNotIn("does not keep the FPCR bits", r.stdout)
        out = (self.path / "out/seed1.qemu.txt").read_text()
        self.assertIn("S ahp 4000000 4000000 0\n", out)
        self.assertIn("S rz c00000 c00000 0\n", out)

    def test_a_wrong_result_is_reported_with_its_execution(self):
        fake = self.path / "a64emu"
        fake.write_text(FAKE_EMU)
        fake.chmod(0o755)
        r = self.run_check("--emu", str(fake), "--forms", r"^fp\.(arith|minmax): f(add|max) ", "--values", "6",
                           FAKE_QEMU=QEMU, FAKE_FORM=r"fmax d", FAKE_SETTING="rz")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"fp\.minmax: fmax d\d+, d\d+, d\d+ \[rz\]")
        self.assertRegex(r.stdout, r"fmax d\d+, d\d+, d\d+ \[rz\]: 1 of 6 executions differ")
        self.assertIn("execution 1:", r.stdout)
        self.assertRegex(r.stdout, r"fpsr: a64emu QC")
        self.assertIn("runs differ: fp.minmax 1", r.stdout)


if __name__ == "__main__":
    unittest.main()
