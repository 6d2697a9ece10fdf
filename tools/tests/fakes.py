"""Fake machines for testing the tools without a built emulator or QEMU.

A fake "ELF" is a shell script: both fake machines run it with `sh`, with
MACHINE set to `a64emu` or `qemu`, so one guest can behave differently on
each. Both print their arguments on stderr.
"""

import os
import stat
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent

FAKE_EMU = """#!/bin/sh
# fake a64emu: `run [OPTIONS] ELF` runs the ELF (a shell script).
echo "args: $*" >&2
for last; do :; done
MACHINE=a64emu sh "$last"
status=$?
case " $* " in *" --stats "*) echo "a64emu: ${FAKE_INSNS:-2500000} instructions in 0.050 s (50.0 MIPS)" >&2;; esac
exit $status
"""

FAKE_QEMU = """#!/bin/sh
# fake qemu-system-aarch64: runs the -kernel ELF (a shell script).
echo "args: $*" >&2
kernel=
while [ $# -gt 0 ]; do
  if [ "$1" = -kernel ]; then kernel=$2; fi
  shift
done
MACHINE=qemu exec sh "$kernel"
"""


class FakeTree:
    """A temporary folder with the fake machines, guests and manifests."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="a64emu-tools-test-")
        self.path = Path(self._dir.name)
        self.emu = self.executable("bin/a64emu", FAKE_EMU)
        self.qemu = self.executable("bin/qemu-system-aarch64", FAKE_QEMU)
        self.results = self.path / "results"

    def cleanup(self):
        self._dir.cleanup()

    def executable(self, name, text):
        path = self.write(name, text)
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path

    def write(self, name, text):
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def guest(self, name, script):
        """A fake guest ELF: `script` is run by sh on either machine."""
        return self.write(f"guests/{name}.elf", script)

    def manifest(self, suite, lines):
        return self.write(f"{suite}/suite.manifest", "\n".join(lines) + "\n")


def tool(name):
    return [sys.executable, str(TOOLS / name)]


def environment(**extra):
    env = dict(os.environ)
    env.pop("QEMU", None)
    env.update(extra)
    return env
