"""Tests of tools/bench.py with fake machines (python3 -m unittest discover -s tools/tests)."""

import json
import subprocess
import sys
import unittest

from fakes import TOOLS, FakeTree, environment, tool

sys.path.insert(0, str(TOOLS))
import bench  # noqa: E402


class Stats(unittest.TestCase):
    def test_parse_stats(self):
        self.assertEqual(bench.parse_stats("a64emu: 1234567 instructions in 0.523 s (2360.2 MIPS)\n"),
                         (1234567, 0.523))
        self.assertEqual(bench.parse_stats("hello\na64emu: 1,234,567 instructions retired in 2s\n"),
                         (1234567, 2.0))
        self.assertEqual(bench.parse_stats("a64emu: 10 instructions in 1e-3 s"), (10, 0.001))
        self.assertIsNone(bench.parse_stats("a64emu: exited with status 0\n"))


class BenchRunner(unittest.TestCase):
    def setUp(self):
        self.tree = FakeTree()
        self.json = self.tree.path / "results.json"

    def tearDown(self):
        self.tree.cleanup()

    def run_bench(self, *args, **env):
        t = self.tree
        return subprocess.run(tool("bench.py") + ["--emu", str(t.emu), "--qemu-bin", str(t.qemu),
                                                  "--json", str(self.json), *args],
                              capture_output=True, text=True, env=environment(**env), timeout=60)

    def test_report(self):
        t = self.tree
        elf = t.guest("coremark", 'echo "CoreMark 1.0"; echo "ok"; exit 0')
        r = self.run_bench("--runs", "2", "--emu-opts", "--seed 5", str(elf), FAKE_INSNS="5000000")
        self.assertEqual(r.returncode, 0, r.stderr)
        header, rule, row = r.stdout.splitlines()[:3]
        self.assertIn("a64emu/QEMU", header)
        self.assertTrue(row.startswith("coremark"), row)
        self.assertIn("5,000,000", row)
        self.assertIn("100.0 (100.0-100.0)", row)  # 5e6 instructions in 0.050 s
        report = json.loads(self.json.read_text())
        self.assertEqual(report["runs"], 2)
        g = report["guests"][0]
        self.assertEqual(g["guest"], "coremark")
        self.assertEqual(g["instructions"], 5000000)
        self.assertEqual(g["errors"], [])
        self.assertEqual(len(g["a64emu"]["wall_s"]), 2)
        self.assertEqual(len(g["qemu"]["wall_s"]), 2)
        self.assertEqual(g["a64emu"]["mips_median"], 100.0)
        self.assertGreater(g["wall_ratio"], 0)
        self.assertGreater(g["qemu"]["mips_equivalent"], 0)
        self.assertEqual(g["a64emu_command"][1:5], ["run", "--stats", "--seed", "5"])

    def test_failures(self):
        t = self.tree
        differ = t.guest("differ", 'echo "seen by $MACHINE"; exit 0')
        fails = t.guest("fails", 'exit 3')
        good = t.guest("good", 'echo same')
        r = self.run_bench("--runs", "1", str(differ), str(fails), str(good))
        self.assertEqual(r.returncode, 1)
        self.assertIn("differ: run 1: stdout differs at line 1: a64emu 'seen by a64emu', qemu 'seen by qemu'",
                      r.stderr)
        self.assertIn("fails: run 1: a64emu exit 3", r.stderr)
        self.assertIn("fails: run 1: qemu exit 3", r.stderr)
        self.assertIn("1 guests ok, 2 failed", r.stdout)
        self.assertEqual([g["errors"] == [] for g in json.loads(self.json.read_text())["guests"]],
                         [False, False, True])

    def test_missing_qemu(self):
        t = self.tree
        r = subprocess.run(tool("bench.py") + ["--emu", str(t.emu), "--qemu-bin", "qemu-nonexistent",
                                               str(t.guest("g", "exit 0"))],
                           capture_output=True, text=True, env=environment())
        self.assertEqual(r.returncode, 2)
        self.assertIn("qemu-nonexistent not found", r.stderr)


if __name__ == "__main__":
    unittest.main()
