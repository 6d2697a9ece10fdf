"""Tests of tools/suite.py with fake machines (python3 -m unittest discover -s tools/tests)."""

import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET

from fakes import TOOLS, FakeTree, environment, tool

sys.path.insert(0, str(TOOLS))
import suite  # noqa: E402

TAP_PASS = 'echo "1..2"; echo "ok 1 - one"; echo "ok 2 - two"; exit 0\n'


class Helpers(unittest.TestCase):
    def test_check_tap(self):
        self.assertIsNone(suite.check_tap("hello\n"))
        self.assertIsNone(suite.check_tap("1..2\nok 1 - a\nok 2 - b # SKIP x\n"))
        self.assertIsNone(suite.check_tap("ok 1\nok 2\n1..2\n"))  # plan at the end
        self.assertEqual(suite.check_tap("1..2\nok 1\nnot ok 2 - b\n"), "first failing line: not ok 2 - b")
        self.assertEqual(suite.check_tap("1..3\nok 1\nok 2\n"), "plan 1..3 but 2 ok lines")
        self.assertEqual(suite.check_tap("ok 1\n"), "1 ok lines but no plan line 1..N")
        self.assertEqual(suite.check_tap("1..0\n"), None)
        self.assertIn("Bail out!", suite.check_tap("1..2\nok 1\nBail out! no MMU\n"))
        self.assertIsNone(suite.check_tap("okay\nbook 1\n"))  # not TAP lines

    def test_first_difference(self):
        self.assertIsNone(suite.first_difference("a\nb\n", "a\nb\n"))
        self.assertEqual(suite.first_difference("a\nb\n", "a\nc\n"), (2, "b", "c"))
        self.assertEqual(suite.first_difference("a\n", "a\nb\n"), (2, "", "b"))
        self.assertEqual(suite.first_difference("a", "a\nb"), (2, None, "b"))
        self.assertEqual(suite.normalise("a\r\nb\r\n"), "a\nb\n")

    def test_sharding_is_round_robin_over_sorted_names(self):
        cases = [suite.Case(n, None, 0, True, [], "s", "") for n in "edcba"]
        names = lambda shard, f=None: [c.name for c in suite.select_cases(cases, f, shard)]
        self.assertEqual(names((1, 1)), ["a", "b", "c", "d", "e"])
        self.assertEqual(names((1, 2)), ["a", "c", "e"])
        self.assertEqual(names((2, 2)), ["b", "d"])
        self.assertEqual(names((3, 3)), ["c"])
        self.assertEqual(names((1, 1), "d"), ["d"])

    def test_qemu_command(self):
        console = suite.QEMU_CONSOLE
        self.assertEqual(suite.qemu_command("q", "g.elf"),
                         ["q", "-M", "virt,gic-version=3", "-cpu", "max", *console, "-kernel", "g.elf"])
        self.assertEqual(suite.qemu_command("q", "g.elf", ["--el", "2", "--cpus=4", "--seed", "9"]),
                         ["q", "-M", "virt,virtualization=on,gic-version=3", "-cpu", "max", *console,
                          "-smp", "4", "-kernel", "g.elf"])

    def test_hypervisor_cases_on_qemu(self):
        options = ["--hyp", "--smp", "2", "--cache-model", "on", "--vcpus=2", "--without-fix", "x-y", "--trace", "insn,hyp"]
        self.assertEqual(suite.hypervisor_words(options), ["--vcpus", "2", "--without-fix", "x-y", "--trace"])
        # --nested is a flag: the word after it is not its value.
        self.assertEqual(suite.hypervisor_words(["--nested", "--mode", "nvhe"]), ["--nested", "--mode", "nvhe"])
        command = suite.qemu_hyp_command("q", suite.ROOT / "build/guests/hyp/g.elf", options)
        self.assertEqual(command[:3], ["q", "-M", "virt,virtualization=on,gic-version=3"])
        self.assertEqual(command[-2:], ["-kernel", str(suite.HYP_IMAGE)])
        self.assertIn("-smp", command)
        config = command[command.index("-semihosting-config") + 1]
        self.assertTrue(config.endswith(",arg=hyp,arg=--vcpus,arg=2,arg=--without-fix,arg=x-y,arg=--trace,"
                                        "arg=--s2fwb,arg=off,arg=build/guests/hyp/g.elf"), config)
        fwb = suite.qemu_hyp_command("q", suite.ROOT / "g.elf", ["--hyp", "--fwb", "1"])
        self.assertNotIn("--s2fwb", " ".join(fwb), "a64emu has FWB too: QEMU's is used")

    def test_pass_and_bug_expectations(self):
        run = suite.Run([], status=1, stdout="1..1\nnot ok 1 - stale # got 3\n")
        self.assertEqual(suite.expectation_problems(run, "bug"), [])
        self.assertEqual(len(suite.expectation_problems(run, "pass")), 2)
        fixed = suite.Run([], status=0, stdout="1..1\nok 1 - fresh\n")
        self.assertEqual(suite.expectation_problems(fixed, "pass"), [])
        self.assertEqual(suite.expectation_problems(fixed, "bug"), ["bug NOT reproduced (exit 0)"])
        crashed = suite.Run([], status=1, stdout="hyp: error: ...\n")
        self.assertEqual(len(suite.expectation_problems(crashed, "bug")), 1, "a crash is not the bug")


class SuiteRunner(unittest.TestCase):
    def setUp(self):
        self.tree = FakeTree()

    def tearDown(self):
        self.tree.cleanup()

    def run_suite(self, *args, qemu_path=True):
        t = self.tree
        path = f"{t.qemu.parent}:/usr/bin:/bin" if qemu_path else "/usr/bin/nonexistent:/bin"
        return subprocess.run(tool("suite.py") + ["--emu", str(t.emu), "--results", str(t.results), *args],
                              capture_output=True, text=True, env=environment(PATH=path), timeout=60)

    def test_normal_mode(self):
        t = self.tree
        g = lambda name, script: str(t.guest(name, script))
        manifest = t.manifest("isa", [
            "# name elf expect diff options",
            f"isa.pass      {g('pass', TAP_PASS)}   0 diff",
            f"isa.notok     {g('notok', 'echo 1..2; echo ok 1; echo not ok 2 - crc32; exit 0')} 0 diff",
            f"isa.exit      {g('exit', TAP_PASS.replace('exit 0', 'exit 1'))} 0 diff",
            f"isa.plan      {g('plan', 'echo 1..3; echo ok 1; echo ok 2')} 0 diff",
            f"isa.noplan    {g('noplan', 'echo ok 1')} 0 diff",
            "",
            f"isa.plain     {g('plain', 'echo hello; exit 3')} 3 nodiff --el 2",
            f"isa.stdin     {g('stdin', 'cat; echo done')} 0 diff",
            f"isa.missing   guests/does-not-exist.elf 0 diff",
        ])
        r = self.run_suite("-j", "4", str(manifest))
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "1..8")
        self.assertEqual(lines[-1], "3 passed, 5 failed")
        tap = lines[1:-1]
        # Sorted by name and numbered in order, whatever order they finished in.
        self.assertEqual([l.split(" - ")[1].split(" #")[0] for l in tap],
                         ["isa.exit", "isa.missing", "isa.noplan", "isa.notok", "isa.pass", "isa.plain",
                          "isa.plan", "isa.stdin"])
        self.assertEqual(tap[0], "not ok 1 - isa.exit # exit 1, expected 0")
        self.assertTrue(tap[1].startswith("not ok 2 - isa.missing # missing ELF"), tap[1])
        self.assertEqual(tap[2], "not ok 3 - isa.noplan # 1 ok lines but no plan line 1..N")
        self.assertEqual(tap[3], "not ok 4 - isa.notok # first failing line: not ok 2 - crc32")
        self.assertEqual(tap[4], "ok 5 - isa.pass")
        self.assertEqual(tap[5], "ok 6 - isa.plain")
        self.assertEqual(tap[6], "not ok 7 - isa.plan # plan 1..3 but 2 ok lines")
        self.assertEqual(tap[7], "ok 8 - isa.stdin")

        # Outputs saved; options placed before the ELF.
        self.assertEqual((t.results / "isa.pass.out").read_text(), "1..2\nok 1 - one\nok 2 - two\n")
        self.assertEqual((t.results / "isa.plain.err").read_text(),
                         f"args: run --el 2 {t.path}/guests/plain.elf\n")

        # JUnit XML: one testcase per case, failures with a message.
        root = ET.parse(t.results / "junit.xml").getroot()
        suite_el = root.find("testsuite")
        self.assertEqual(suite_el.get("tests"), "8")
        self.assertEqual(suite_el.get("failures"), "5")
        cases = {c.get("name"): c for c in suite_el.iter("testcase")}
        self.assertEqual(len(cases), 8)
        self.assertEqual(cases["isa.pass"].get("classname"), "isa")
        self.assertIsNone(cases["isa.pass"].find("failure"))
        self.assertEqual(cases["isa.notok"].find("failure").get("message"), "first failing line: not ok 2 - crc32")
        self.assertIn("not ok 2 - crc32", cases["isa.notok"].find("system-out").text)

    def test_timeout(self):
        t = self.tree
        manifest = t.manifest("el", [f"el.hang {t.guest('hang', 'echo started; sleep 30')} 0 diff"])
        r = self.run_suite("--timeout", "1", str(manifest))
        self.assertEqual(r.returncode, 1)
        self.assertIn("not ok 1 - el.hang # timed out, expected 0", r.stdout)
        self.assertEqual((t.results / "el.hang.out").read_text(), "started\n")

    def test_shard_filter_and_junit_path(self):
        t = self.tree
        manifest = t.manifest("mmu", [f"mmu.{n} {t.guest(n, 'exit 0')} 0 diff" for n in "abcde"])
        junit = t.path / "out" / "report.xml"
        r = self.run_suite("--shard", "2/2", "--junit", str(junit), str(manifest))
        self.assertEqual(r.stdout.splitlines(), ["1..2", "ok 1 - mmu.b", "ok 2 - mmu.d", "2 passed, 0 failed"])
        self.assertTrue(junit.is_file())
        r = self.run_suite("--filter", "c", str(manifest))
        self.assertEqual(r.stdout.splitlines(), ["1..1", "ok 1 - mmu.c", "1 passed, 0 failed"])
        self.assertEqual(r.returncode, 0)

    def test_several_manifests_and_duplicates(self):
        t = self.tree
        a = t.manifest("a", [f"x.one {t.guest('one', 'exit 0')} 0 diff"])
        b = t.manifest("b", [f"x.two {t.guest('two', 'exit 0')} 0 diff"])
        self.assertEqual(self.run_suite(str(a), str(b)).stdout.splitlines()[-1], "2 passed, 0 failed")
        r = self.run_suite(str(a), str(a))
        self.assertEqual(r.returncode, 2)
        self.assertIn("already defined", r.stderr)

    def test_bad_manifest(self):
        t = self.tree
        for line, complaint in [("x.one g.elf 0", "expected `NAME ELF EXPECT DIFF"),
                                ("x.one g.elf zero diff", "EXPECT must be"),
                                ("x.one g.elf 0 maybe", "DIFF must be")]:
            r = self.run_suite(str(t.manifest("bad", [line])))
            self.assertEqual(r.returncode, 2)
            self.assertIn("suite.manifest:1: " + complaint, r.stderr)
        r = self.run_suite(str(t.path / "nope.manifest"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot read manifest", r.stderr)

    def test_missing_emulator(self):
        t = self.tree
        manifest = t.manifest("a", [f"x.one {t.guest('one', 'exit 0')} 0 diff"])
        r = subprocess.run(tool("suite.py") + ["--emu", str(t.path / "none"), str(manifest)],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("emulator not found", r.stderr)

    def test_qemu_mode(self):
        t = self.tree
        differ = 'echo "1..2"; echo "ok 1 - mov"; echo "ok 2 - seen by $MACHINE"; exit 0'
        crlf = 'printf "1..1\\r\\nok 1\\r\\n"; exit 0'
        manifest = t.manifest("isa", [
            f"isa.same    {t.guest('same', TAP_PASS)} 0 diff",
            f"isa.differ  {t.guest('differ', differ)} 0 diff",
            f"isa.cache   {t.guest('cache', 'exit 5')} 0 nodiff",
            f"isa.el2     {t.guest('el2', 'exit 7')} 7 diff --el 2",
            f"isa.crlf    {t.guest('crlf', crlf)} 0 diff",
            f"isa.exit    {t.guest('exitq', '[ $MACHINE = qemu ] && exit 1; exit 0')} 0 diff",
        ])
        r = self.run_suite("--qemu", str(manifest))
        lines = r.stdout.splitlines()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(lines[-1], "3 passed, 2 failed, 1 skipped")
        self.assertIn("ok 1 - isa.cache # SKIP nodiff", lines)
        self.assertIn("ok 2 - isa.crlf", lines)
        self.assertIn("not ok 3 - isa.differ # stdout differs at line 3: "
                      "a64emu 'ok 2 - seen by a64emu', qemu 'ok 2 - seen by qemu'", lines)
        self.assertIn("ok 4 - isa.el2", lines)
        self.assertIn("not ok 5 - isa.exit # qemu exit 1, expected 0", lines)
        self.assertIn("ok 6 - isa.same", lines)
        qemu_args = (t.results / "isa.el2.qemu.err").read_text()
        self.assertIn("-M virt,virtualization=on,gic-version=3 -cpu max -display none", qemu_args)
        self.assertTrue((t.results / "isa.same.qemu.out").is_file())
        root = ET.parse(t.results / "junit.xml").getroot()
        self.assertEqual(root.find("testsuite").get("skipped"), "1")

    def test_qemu_missing(self):
        t = self.tree
        manifest = t.manifest("a", [f"x.one {t.guest('one', 'exit 0')} 0 diff"])
        r = self.run_suite("--qemu", "--qemu-bin", "qemu-system-nonexistent", str(manifest))
        self.assertEqual(r.returncode, 2)
        self.assertIn("--qemu needs qemu-system-nonexistent, which was not found", r.stderr)


if __name__ == "__main__":
    unittest.main()
