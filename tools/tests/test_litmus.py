"""Tests of tools/litmus.py's verdicts with a fake emulator (python3 -m unittest discover -s tools/tests)."""

import os
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from fakes import FAKE_EMU, TOOLS

sys.path.insert(0, str(TOOLS))
import litmus  # noqa: E402


def line(name, counts):
    return f"litmus {name}: " + " ".join(f"{k}={v}" for k, v in counts.items())


def good_counts(name):
    """Every iteration in the first kind Arm allows (SM: old, its stale one)."""
    kinds, forbidden = litmus.TESTS[name][2], litmus.TESTS[name][3]
    first = next(k for k in kinds if k not in forbidden)
    return {k: (litmus.ITERS if k == first else 0) for k in kinds}


class Tree:
    """A folder with the fake a64emu and one fake guest (a shell script) per test."""

    def __init__(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = Path(self.dir.name)
        self.emu = self.root / "a64emu"
        self.emu.write_text(FAKE_EMU)
        self.emu.chmod(self.emu.stat().st_mode | stat.S_IXUSR)
        for name in litmus.TESTS:
            self.guest(name, line(name, good_counts(name)))

    def guest(self, name, output, status=0):
        path = self.root / f"{litmus.TESTS[name][0]}.elf"
        path.write_text(f"cat <<'EOF'\n{output}\nEOF\nexit {status}\n")

    def run(self, *options):
        p = subprocess.run([sys.executable, str(TOOLS / "litmus.py"), "--emu", str(self.emu),
                            "--guests", str(self.root), "--seeds", "2", "--config", "pipt", *options],
                           capture_output=True, text=True, env=dict(os.environ))
        return p.returncode, p.stdout

    def close(self):
        self.dir.cleanup()


class Parse(unittest.TestCase):
    def test_counts_in_order(self):
        got = litmus.parse("SM", "ok\nlitmus SM: old=40 new=60\n")
        self.assertEqual(got, {"old": 40, "new": 60})

    def test_wrong_kinds_sum_or_name(self):
        self.assertIn("differ", litmus.parse("SM", "litmus SM: new=60 old=40\n"))
        self.assertIn("add up", litmus.parse("SM", "litmus SM: old=40 new=59\n"))
        self.assertIn("expected", litmus.parse("SM", "litmus CoFF: old=40 new=60\n"))
        self.assertIn("no `litmus` line", litmus.parse("SM", "hello\n"))


class Gate(unittest.TestCase):
    def setUp(self):
        self.tree = Tree()

    def tearDown(self):
        self.tree.close()

    def test_passes_with_no_forbidden_outcome_and_sm_stale(self):
        status, out = self.tree.run()
        self.assertEqual(status, 0, out)
        self.assertIn("# forbidden outcomes: 0", out)
        self.assertIn("PASS", out)

    def test_a_forbidden_outcome_fails_with_the_command(self):
        counts = {"old": 1, "new": litmus.ITERS - 1}
        self.tree.guest("MP.RF+cachesync+ctrl-isb", line("MP.RF+cachesync+ctrl-isb", counts))
        status, out = self.tree.run()
        self.assertEqual(status, 1)
        self.assertIn("FORBIDDEN MP.RF+cachesync+ctrl-isb old=1", out)
        self.assertIn("--seed 1", out)

    def test_sm_never_stale_fails(self):
        self.tree.guest("SM", line("SM", {"old": 0, "new": litmus.ITERS}))
        status, out = self.tree.run()
        self.assertEqual(status, 1)
        self.assertIn("SM old: never reached", out)

    def test_strict_reach_demands_sm_f_ic(self):
        status, out = self.tree.run("--filter", "SM.F+ic", "--strict-reach")
        self.assertEqual(status, 1)
        self.assertIn("SM.F+ic new.old: never reached", out)

    def test_a_guest_error_fails(self):
        name = "CoFF"
        self.tree.guest(name, line(name, good_counts(name)) + "\nlitmus-errors CoFF: timeouts=1 warm-not-old=0",
                        status=1)
        status, out = self.tree.run()
        self.assertEqual(status, 1)
        self.assertIn("exit status 1 (litmus-errors CoFF: timeouts=1", out)

    def test_surprising_outcomes_are_counted(self):
        name = "MP.FF+dmb+fpo"
        counts = {k: 0 for k in litmus.TESTS[name][2]}
        counts["f2new.f1old"] = 7
        counts["f2new.f1new"] = litmus.ITERS - 7
        self.tree.guest(name, line(name, counts))
        status, out = self.tree.run()
        self.assertEqual(status, 0, out)
        self.assertIn("allowed f2new.f1old: reached by 2 runs (14 iterations) in pipt", out)
        self.assertIn("allowed new.old: not reached", out)


FAKE_QEMU = """#!/bin/sh
# A fake qemu-system-aarch64: runs the guest after -kernel (a shell script).
while [ "$#" -gt 0 ]; do
    if [ "$1" = "-kernel" ]; then exec sh "$2"; fi
    shift
done
exit 3
"""


class QemuMode(unittest.TestCase):
    """--qemu: one run per test; a harness error is run again once, alone."""

    def setUp(self):
        self.tree = Tree()
        self.qemu = self.tree.root / "qemu-system-aarch64"
        self.qemu.write_text(FAKE_QEMU)
        self.qemu.chmod(self.qemu.stat().st_mode | stat.S_IXUSR)

    def tearDown(self):
        self.tree.close()

    def run_qemu(self):
        p = subprocess.run([sys.executable, str(TOOLS / "litmus.py"), "--qemu", "--qemu-bin", str(self.qemu),
                            "--guests", str(self.tree.root)], capture_output=True, text=True)
        return p.returncode, p.stdout

    def flaky(self, name, failures):
        """The guest fails its warm check on its first `failures` runs."""
        count = self.tree.root / f"{name}.runs"
        bad = line(name, good_counts(name)) + f"\nlitmus-errors {name}: timeouts=0 warm-not-old=3"
        good = line(name, good_counts(name))
        path = self.tree.root / f"{litmus.TESTS[name][0]}.elf"
        path.write_text(f"n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}\n"
                        f"if [ $n -lt {failures} ]; then cat <<'EOF'\n{bad}\nEOF\nexit 1\nfi\n"
                        f"cat <<'EOF'\n{good}\nEOF\nexit 0\n")
        return count

    def test_every_test_passes(self):
        status, out = self.run_qemu()
        self.assertEqual(status, 0, out)
        self.assertIn(f"# qemu: {len(litmus.TESTS)} tests, 0 failed", out)

    def test_a_harness_error_passes_on_its_second_run(self):
        count = self.flaky("CoFF", 1)
        status, out = self.run_qemu()
        self.assertEqual(status, 0, out)
        self.assertIn("ok - qemu CoFF: no forbidden outcome", out)
        self.assertIn("on its second run (the first: exit status 1 (litmus-errors CoFF", out)
        self.assertEqual(count.read_text().strip(), "2")

    def test_a_harness_error_twice_fails(self):
        count = self.flaky("CoFF", 2)
        status, out = self.run_qemu()
        self.assertEqual(status, 1)
        self.assertIn("not ok - qemu CoFF: exit status 1 (litmus-errors CoFF", out)
        self.assertEqual(count.read_text().strip(), "2", "run twice, not more")

    def test_a_forbidden_outcome_is_not_run_again(self):
        name = "MP.FF+cachesync+fpo"
        counts = {k: 0 for k in litmus.TESTS[name][2]}
        counts["f2new.f1old"] = 1
        counts["f2new.f1new"] = litmus.ITERS - 1
        count = self.tree.root / "forbidden.runs"
        self.tree.guest(name, line(name, counts))
        path = self.tree.root / f"{litmus.TESTS[name][0]}.elf"
        path.write_text(f"n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}\n" + path.read_text())
        status, out = self.run_qemu()
        self.assertEqual(status, 1)
        self.assertIn(f"not ok - qemu {name}: FORBIDDEN f2new.f1old=1", out)
        self.assertEqual(count.read_text().strip(), "1")


if __name__ == "__main__":
    unittest.main()
