"""Tests of tools/bench.py with fake machines (python3 -m unittest discover -s tools/tests)."""

import json
import math
import os
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

from fakes import TOOLS, FakeTree, environment, tool

sys.path.insert(0, str(TOOLS))
import bench  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"


def report(section="main", guest="g", config="cache-off", insns=1_000_000, emu_wall=(1.0,), mips=(1.0,),
           qemu_wall=(0.1,), errors=()):
    """A row report as bench.row_report makes it, from made-up runs."""
    row = bench.Row(section, guest, config, Path("/x.elf"), [])
    row.instructions = insns
    row.emu_wall, row.emu_mips, row.qemu_wall = list(emu_wall), list(mips), list(qemu_wall)
    row.errors = list(errors)
    return bench.row_report(row)


class Stats(unittest.TestCase):
    def test_parse_stats(self):
        self.assertEqual(bench.parse_stats("a64emu: 1234567 instructions in 0.523 s (2360.2 MIPS)\n"),
                         (1234567, 0.523))
        self.assertEqual(bench.parse_stats("hello\na64emu: 1,234,567 instructions retired in 2s\n"),
                         (1234567, 2.0))
        self.assertEqual(bench.parse_stats("a64emu: 10 instructions in 1e-3 s"), (10, 0.001))
        self.assertIsNone(bench.parse_stats("a64emu: exited with status 0\n"))

    def test_total_not_per_cpu_line(self):
        # --stats with several CPUs: the total first, then one line per CPU
        stderr = ("a64emu: 300 instructions in 2.000 s (0.0 MIPS)\n"
                  "a64emu: cpu0: 200 instructions, 5 exceptions, 1 interrupts\n"
                  "a64emu: cpu1: 100 instructions, 0 exceptions, 0 interrupts\n"
                  "a64emu: cpu0 L1D: 10 hits, 2 misses, 0 evictions, 0 write-backs, 0 maintenance\n")
        self.assertEqual(bench.parse_stats(stderr), (300, 2.0))

    def test_spread(self):
        self.assertAlmostEqual(bench.spread([1.0, 1.1, 0.9]), 0.2)
        self.assertEqual(bench.spread([2.0]), 0.0)
        self.assertIsNone(bench.spread([]))
        self.assertIsNone(bench.spread([None]))

    def test_row_report(self):
        r = report(insns=100_000_000, emu_wall=(2.0, 1.0, 1.5), mips=(50.0, 100.0, 80.0),
                   qemu_wall=(0.2, 0.25, 0.3))
        self.assertEqual(r["a64emu"]["wall_s_median"], 1.5)
        self.assertEqual((r["a64emu"]["mips_median"], r["a64emu"]["mips_min"], r["a64emu"]["mips_max"]),
                         (80.0, 50.0, 100.0))
        self.assertAlmostEqual(r["a64emu"]["spread"], 1.0 / 1.5)
        self.assertAlmostEqual(r["qemu"]["mips_equivalent"], 400.0)   # 1e8 / 0.25 s
        self.assertAlmostEqual(r["qemu"]["spread"], 0.1 / 0.25)
        self.assertAlmostEqual(r["wall_ratio"], 6.0)
        none = report(insns=None, emu_wall=(), mips=(), qemu_wall=())
        self.assertIsNone(none["wall_ratio"])
        self.assertIsNone(none["qemu"]["mips_equivalent"])


class Plan(unittest.TestCase):
    def setUp(self):
        self.tree = FakeTree()

    def tearDown(self):
        self.tree.cleanup()

    def test_parse_and_group(self):
        plan = self.tree.write("bench.plan", "\n".join([
            "# comment",
            "main  g  cache-off  build/g.elf",
            "main  g  cache-on   build/g.elf  --cache-model on",
            "",
            "scaling  m  off/1cpu  build/m.elf  --smp 1",
            "scaling  m  off/2cpu  build/m.elf  --smp 2",
            "scaling  m  on/1cpu   build/m.elf  --smp 1 --cache-model on",
            "ram  g  off/4G  build/g.elf  --memory 4G",
            "main  h  hyp  build/h.elf  --hyp --smp 2 --vcpus 4",
            "main  h  hyp-off  build/h.elf  --hyp --smp 2 --vcpus 4 --cache-model off",
        ]) + "\n")
        rows = bench.parse_plan(plan, root=Path("/repo"))
        self.assertEqual([r.name for r in rows][:3], ["main g cache-off", "main g cache-on", "scaling m off/1cpu"])
        self.assertEqual(rows[1].elf, Path("/repo/build/g.elf"))
        self.assertEqual(rows[1].options, ["--cache-model", "on"])
        self.assertEqual(rows[2].series, ("off", "1cpu"))
        self.assertIsNone(rows[0].series)
        groups = bench.group_rows(rows, "qemu")
        # the cache model is not QEMU's: both configurations share QEMU runs;
        # -smp 1 and -smp 2 are different machines; so are -m 4G and QEMU's default
        self.assertEqual([[r.config for r in g] for g in groups],
                         [["cache-off", "cache-on"], ["off/1cpu", "on/1cpu"], ["off/2cpu"], ["off/4G"],
                          ["hyp", "hyp-off"]])
        self.assertIn("-smp", groups[2][0].qemu_cmd)
        self.assertEqual(groups[3][0].qemu_cmd[groups[3][0].qemu_cmd.index("-m") + 1], "4G")
        hyp = groups[4][0]
        self.assertTrue(hyp.hyp)
        self.assertIn("virt,virtualization=on,gic-version=3", hyp.qemu_cmd)   # the hypervisor Image at EL2
        config = hyp.qemu_cmd[hyp.qemu_cmd.index("-semihosting-config") + 1]
        self.assertTrue(config.endswith(",arg=--vcpus,arg=4,arg=--s2fwb,arg=off,arg="
                                        + os.path.relpath("/repo/build/h.elf", bench.ROOT)), config)
        self.assertEqual(hyp.qemu_cmd[-1], str(bench.ROOT / "build/guests/hypervisor/hyp.img"))
        self.assertEqual(bench.emu_command(Path("/emu"), hyp)[-1], os.path.relpath("/repo/build/h.elf", bench.ROOT))
        emu = bench.emu_command(Path("/emu"), rows[1])
        self.assertEqual(emu, ["/emu", "run", "--stats", "--cache-model", "on", "/repo/build/g.elf"])

    def test_bad_plans(self):
        short = self.tree.write("short.plan", "main g build/g.elf\n")
        with self.assertRaisesRegex(bench.PlanError, r"short.plan:1: expected `SECTION GUEST CONFIG ELF"):
            bench.parse_plan(short)
        twice = self.tree.write("twice.plan", "main g c a.elf\nmain g c b.elf\n")
        with self.assertRaisesRegex(bench.PlanError, r"twice.plan:2: row `main g c` already defined at .*:1"):
            bench.parse_plan(twice)
        with self.assertRaisesRegex(bench.PlanError, "cannot read plan"):
            bench.parse_plan(self.tree.path / "missing.plan")


class Summaries(unittest.TestCase):
    def test_series(self):
        reports = [report("main", "g", "cache-off", mips=(50.0,)),
                   report("scaling", "m", "off/1cpu", mips=(100.0,)),
                   report("scaling", "m", "on/1cpu", mips=(40.0,)),
                   report("scaling", "m", "off/2cpu", mips=(90.0,)),
                   report("scaling", "m", "on/2cpu", mips=(20.0,)),
                   report("ram", "t", "off/128M", mips=(10.0,)),
                   report("ram", "t", "off/4G", mips=(12.5,))]
        s = bench.series_summaries(reports)
        self.assertEqual([(x["section"], x["guest"], x["series"]) for x in s],
                         [("scaling", "m", "off"), ("scaling", "m", "on"), ("ram", "t", "off")])
        self.assertEqual([(p["point"], p["mips"], p["ratio"]) for p in s[0]["points"]],
                         [("1cpu", 100.0, 1.0), ("2cpu", 90.0, 0.9)])
        self.assertEqual(s[1]["points"][1]["ratio"], 0.5)
        self.assertEqual(s[2]["points"][1]["ratio"], 1.25)
        self.assertEqual(bench.summary_lines(s)[0], "scaling m off: 1cpu 100.0 MIPS, 2cpu 90.0 MIPS (0.90x)")

    def test_table(self):
        lines = bench.table([report("main", "compute", "cache-on", insns=1_500_000_000, emu_wall=(30.0, 20.0, 25.0),
                                    mips=(50.0, 75.0, 60.0), qemu_wall=(2.0, 2.5, 3.0)),
                             report("scaling", "intmix", "off/4cpu", errors=["run 1: a64emu exit 1"])]).splitlines()
        self.assertEqual(len(lines), 4)
        for column in ("section", "configuration", "a64emu MIPS (min-max)", "a64emu/QEMU", "QEMU MIPS equiv.",
                       "spread a64emu/QEMU"):
            self.assertIn(column, lines[0])
        row = lines[2].split()
        self.assertEqual(row[:4], ["main", "compute", "cache-on", "1,500,000,000"])
        self.assertIn("60.0 (50.0-75.0)", lines[2])
        self.assertIn("25.000", lines[2])        # a64emu's median wall time
        self.assertIn("10.00", lines[2])         # 25 s / 2.5 s
        self.assertIn("600.0", lines[2])         # 1.5e9 / 2.5 s
        self.assertTrue(lines[2].endswith("40%/40%"), lines[2])
        self.assertTrue(lines[3].endswith("FAILED"), lines[3])


class Chart(unittest.TestCase):
    def test_svg(self):
        reports = [report("main", "compute", "cache-off", insns=1_000_000_000, mips=(80.0, 100.0, 90.0),
                          emu_wall=(11.0, 10.0, 12.0), qemu_wall=(1.0,)),
                   report("main", "a<b&c", "cache-on", insns=1_000_000_000, mips=(10.0,), qemu_wall=(2.0,)),
                   report("ram", "t", "off/4G", insns=None, mips=(), emu_wall=(), qemu_wall=(),
                          errors=["missing ELF"])]
        text = bench.svg_chart(reports, "title & date")
        root = ET.fromstring(text.encode())            # well-formed, names escaped
        self.assertEqual(root.tag, SVG + "svg")
        emu = [r for r in root.iter(SVG + "rect") if r.get("class") == "a64emu"]
        qemu = [r for r in root.iter(SVG + "rect") if r.get("class") == "qemu"]
        self.assertEqual(len(emu), 2)                  # the failed row has no bars
        self.assertEqual(len(qemu), 2)
        widths = [float(r.get("width")) for r in emu]
        # log scale from 1 to 1000 MIPS (the next power of ten above 500):
        # 90 and 10 MIPS are log10(90)/3 and 1/3 of the bar area
        self.assertAlmostEqual(widths[0] / widths[1], math.log10(90), places=2)
        self.assertAlmostEqual(float(qemu[0].get("width")) / widths[1], math.log10(1000), places=2)
        texts = "".join(t.text or "" for t in root.iter(SVG + "text"))
        for s in ("title & date", "a<b&c", "main", "ram", "FAILED", "90.0 / 1000.0 MIPS", "1000"):
            self.assertIn(s, texts)
        whiskers = [l for l in root.iter(SVG + "line") if l.get("stroke") == "black"]
        self.assertEqual(len(whiskers), 1)             # min-max of the row with several runs

    def test_log_ticks(self):
        self.assertEqual(bench.log_ticks(100), [1, 2, 5, 10, 20, 50, 100])


class BenchRunner(unittest.TestCase):
    def setUp(self):
        self.tree = FakeTree()
        self.json = self.tree.path / "results.json"
        self.svg = self.tree.path / "results.svg"

    def tearDown(self):
        self.tree.cleanup()

    def run_bench(self, *args, **env):
        t = self.tree
        return subprocess.run(tool("bench.py") + ["--emu", str(t.emu), "--qemu-bin", str(t.qemu),
                                                  "--json", str(self.json), "--svg", str(self.svg), *args],
                              capture_output=True, text=True, env=environment(**env), timeout=60)

    def test_report(self):
        t = self.tree
        elf = t.guest("coremark", 'echo "CoreMark 1.0"; echo "ok"; exit 0')
        r = self.run_bench("--runs", "2", "--emu-opts", "--seed 5", str(elf), FAKE_INSNS="5000000")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertIn("2 runs of each row", lines[0])
        header, rule, row = lines[1:4]
        self.assertIn("a64emu/QEMU", header)
        self.assertTrue(row.startswith("main     coremark  --seed 5"), row)
        self.assertIn("5,000,000", row)
        self.assertIn("100.0 (100.0-100.0)", row)  # 5e6 instructions in 0.050 s
        self.assertIn("1 rows ok, 0 failed", r.stdout)
        report = json.loads(self.json.read_text())
        self.assertEqual(report["runs"], 2)
        g = report["rows"][0]
        self.assertEqual((g["section"], g["guest"], g["config"]), ("main", "coremark", "--seed 5"))
        self.assertEqual(g["instructions"], 5000000)
        self.assertEqual(g["errors"], [])
        self.assertEqual(len(g["a64emu"]["wall_s"]), 2)
        self.assertEqual(len(g["qemu"]["wall_s"]), 2)
        self.assertEqual(g["a64emu"]["mips_median"], 100.0)
        self.assertGreater(g["wall_ratio"], 0)
        self.assertGreater(g["qemu"]["mips_equivalent"], 0)
        self.assertEqual(g["a64emu_command"][1:5], ["run", "--stats", "--seed", "5"])
        ET.parse(self.svg)
        self.assertIn("coremark", self.svg.read_text())

    def test_plan_shares_qemu_runs(self):
        t = self.tree
        # each machine appends a line to a log per run: a64emu runs once per
        # row and round, QEMU once per group and round
        log = t.path / "runs.log"
        t.guest("g", f'echo "$MACHINE" >> {log}; echo same; exit 0')
        elf = t.path / "guests/g.elf"     # absolute: a plan's ELF is relative to the repository
        plan = t.write("bench.plan", f"main g cache-off {elf}\n"
                                     f"main g cache-on  {elf} --cache-model on\n"
                                     f"scaling g off/2cpu {elf} --smp 2\n")
        r = subprocess.run(tool("bench.py") + ["--emu", str(t.emu), "--qemu-bin", str(t.qemu),
                                               "--json", str(self.json), "--svg", str(self.svg),
                                               "--runs", "3", "--plan", str(plan)],
                           capture_output=True, text=True, env=environment(), timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        runs = log.read_text().split()
        self.assertEqual(runs.count("a64emu"), 9)
        self.assertEqual(runs.count("qemu"), 6)          # 3 for the two main rows, 3 for -smp 2
        self.assertEqual(runs[:3], ["a64emu", "a64emu", "qemu"])   # alternating, round by round
        report = json.loads(self.json.read_text())
        self.assertEqual([g["config"] for g in report["rows"]], ["cache-off", "cache-on", "off/2cpu"])
        self.assertEqual(report["rows"][0]["qemu"]["wall_s"], report["rows"][1]["qemu"]["wall_s"])
        self.assertEqual(report["series"][0]["series"], "off")
        self.assertIn("scaling g off: 2cpu", r.stdout)
        self.assertIn("--smp 2", " ".join(report["rows"][2]["a64emu_command"]))
        self.assertIn("-smp", report["rows"][2]["qemu_command"])

    def test_only(self):
        t = self.tree
        a, b = t.guest("a", "exit 0"), t.guest("b", "exit 0")
        plan = t.write("bench.plan", f"main a x {a}\nmain b x {b}\n")
        r = self.run_bench("--runs", "1", "--plan", str(plan), "--only", "main b")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([g["guest"] for g in json.loads(self.json.read_text())["rows"]], ["b"])
        r = self.run_bench("--plan", str(plan), "--only", "nothing")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nothing to run", r.stderr)

    def test_failures(self):
        t = self.tree
        differ = t.guest("differ", 'echo "seen by $MACHINE"; exit 0')
        fails = t.guest("fails", 'exit 3')
        good = t.guest("good", 'echo same')
        r = self.run_bench("--runs", "1", str(differ), str(fails), str(good))
        self.assertEqual(r.returncode, 1)
        self.assertIn("differ default: run 1: stdout differs at line 1: a64emu 'seen by a64emu', "
                      "qemu 'seen by qemu'", r.stderr)
        self.assertIn("fails default: run 1: a64emu exit 3", r.stderr)
        self.assertIn("fails default: run 1: qemu exit 3", r.stderr)
        self.assertIn("1 rows ok, 2 failed", r.stdout)
        self.assertEqual([g["errors"] == [] for g in json.loads(self.json.read_text())["rows"]],
                         [False, False, True])

    def test_missing_elf_and_bad_plan(self):
        r = self.run_bench("--runs", "1", str(self.tree.path / "nope.elf"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("missing ELF", r.stderr)
        plan = self.tree.write("bad.plan", "main only-three fields\n")
        r = self.run_bench("--plan", str(plan))
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad.plan:1: expected", r.stderr)

    def test_missing_qemu(self):
        t = self.tree
        r = subprocess.run(tool("bench.py") + ["--emu", str(t.emu), "--qemu-bin", "qemu-nonexistent",
                                               str(t.guest("g", "exit 0"))],
                           capture_output=True, text=True, env=environment())
        self.assertEqual(r.returncode, 2)
        self.assertIn("qemu-nonexistent not found", r.stderr)


if __name__ == "__main__":
    unittest.main()
