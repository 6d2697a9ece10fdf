"""Tests of tools/check_diff.py's comparison and tools/random_blocks.py (python3 -m unittest discover -s tools/tests)."""

import subprocess
import sys
import unittest

from fakes import TOOLS

sys.path.insert(0, str(TOOLS))
import check_diff  # noqa: E402
import random_blocks  # noqa: E402


def line(block, regs, nzcv=0, checksum=0):
    return f"b{block} " + " ".join(f"{v:x}" for v in regs) + f" n{nzcv:x} s{checksum:x}"


class Compare(unittest.TestCase):
    def test_a_register_that_differs_is_named_with_the_block(self):
        regs = list(range(27))
        other = list(regs)
        other[3] = 0x99
        listing = [["add x3, x1, x2"], ["mul x3, x4, x5"]]
        emu = line(0, regs) + "\n" + line(1, regs) + "\n"
        qemu = line(0, regs) + "\n" + line(1, other) + "\n"
        differing, report = check_diff.compare(7, emu, qemu, listing)
        self.assertEqual(differing, 1)
        text = "\n".join(report)
        self.assertIn("x3: a64emu 3, qemu 99", text)
        self.assertIn("block b1", text)
        self.assertIn("mul x3, x4, x5", text)

    def test_flags_checksum_and_missing_lines(self):
        regs = [0] * 27
        emu = line(0, regs, nzcv=0x60000000, checksum=5) + "\n"
        qemu = line(0, regs, nzcv=0x20000000, checksum=6) + "\n" + "1 blocks\n"
        differing, report = check_diff.compare(1, emu, qemu, [["nop"]])
        self.assertEqual(differing, 2)
        text = "\n".join(report)
        self.assertIn("nzcv: a64emu 60000000, qemu 20000000", text)
        self.assertIn("scratch checksum: a64emu 5, qemu 6", text)
        self.assertIn("<end of output>", text)

    def test_same_output_is_no_difference(self):
        out = line(0, range(27)) + "\n"
        self.assertEqual(check_diff.compare(1, out, out, [["nop"]]), (0, []))


class Generator(unittest.TestCase):
    def test_the_same_seed_gives_the_same_program(self):
        self.assertEqual(random_blocks.generate(3, 5, 20), random_blocks.generate(3, 5, 20))
        self.assertNotEqual(random_blocks.generate(3, 5, 20)[0], random_blocks.generate(4, 5, 20)[0])

    def test_blocks_have_their_length_and_only_use_their_registers(self):
        asm, listing = random_blocks.generate(11, 50, 30)
        for body in listing:
            self.assertGreaterEqual(sum(1 for x in body if not x.endswith(":")), 30)
            for insn in body:
                for reserved in ("x27", "x28,", "x29", "x30", "sp", "w27", "w28", "w29", "w30"):
                    if insn.startswith(("ld", "st", "cas", "swp")) and reserved == "x28,":
                        continue
                    self.assertNotIn(" " + reserved, insn.replace("[x28", "["), insn)

    def test_logical_immediates_are_encodable(self):
        import random
        r = random.Random(5)
        for _ in range(2000):
            for bits in (32, 64):
                v = random_blocks.bitmask_immediate(r, bits)
                self.assertNotIn(v, (0, (1 << bits) - 1))
                self.assertLess(v, 1 << bits)


if __name__ == "__main__":
    unittest.main()
