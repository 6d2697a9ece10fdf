#!/usr/bin/env python3
"""Compare a64emu's device tree with QEMU's for the same machine options.

Usage:
  tools/dtb_compare.py [--emu PATH] [--qemu PATH] [--keep DIR] [-v]
  tools/dtb_compare.py --self-test     (the comparison on synthetic trees)

For each option set in OPTION_SETS, writes the DTB with
`a64emu dumpdtb` and with `qemu-system-aarch64 -M virt,gic-version=3
[,virtualization=on],dumpdtb=FILE -cpu max -smp N -m SIZE [-kernel K -append
TEXT -initrd FILE]` (a64emu's board has a GICv3, QEMU's virt defaults to a
GICv2), parses both (the DTB format, no dtc needed) and checks every node
a64emu emits against QEMU's node of the same path:

  - the node must exist in QEMU's tree;
  - both must have the same properties with the same values, where a value
    holding phandles (interrupt-parent, clocks, cpu) is compared by the path
    of the node each phandle points to, and `phandle` itself only for being
    present;
  - except the properties listed in IGNORED, the documented deliberate
    differences (README, "Booting kernels and raw images").

Nodes only QEMU has (devices a64emu does not model) are listed, not failed.
Prints one line per option set and a final `N passed, N failed`; exits 0 if
every set matched, 1 otherwise, 2 if a tool is missing. Standard library only.
"""

import argparse
import fnmatch
import os
import shutil
import struct
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name, a64emu options); QEMU gets the equivalent (see qemu_args).
OPTION_SETS = [
    ("smp1-el1", {"smp": 1, "el": 1, "memory": "256M"}),
    ("smp4-el1-append", {"smp": 4, "el": 1, "memory": "256M", "append": "console=ttyAMA0 earlycon"}),
    ("smp1-el2-append", {"smp": 1, "el": 2, "memory": "128M", "append": "root=/dev/ram0"}),
    ("smp4-el2-append-initrd", {"smp": 4, "el": 2, "memory": "512M", "append": "console=ttyAMA0",
                                "initrd": True}),
    ("smp20-el1", {"smp": 20, "el": 1, "memory": "1G"}),
]

# Deliberate differences: (node path pattern, property, when) -> why.
# `when` is None (always) or a predicate on the option set.
IGNORED = [
    ("/cpus/cpu@*", "compatible", None,
     'a64emu says "arm,armv8"; QEMU 7.2 -cpu max says "arm,cortex-a57", a core whose MIDR a64emu does not report'),
    ("/cpus/cpu@*", "enable-method", lambda o: o["smp"] == 1,
     'a64emu always gives enable-method "psci"; QEMU leaves it out with one CPU'),
    ("/intc@8000000", "interrupts", lambda o: o["el"] == 2,
     "QEMU's GIC maintenance interrupt (virtualization=on); a64emu's GICv3 has no ICH_* interface"),
    ("/chosen", "rng-seed", None, "random in QEMU; a64emu is deterministic"),
    ("/chosen", "kaslr-seed", None, "random in QEMU; a64emu is deterministic"),
]

# Properties whose cells are all phandles (#clock-cells = 0 for clocks).
PHANDLE_PROPS = {"interrupt-parent", "clocks", "cpu"}

FDT_MAGIC = 0xD00DFEED
FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9


def parse_dtb(blob):
    """{path: {property: bytes}} in document order."""
    magic, total, off_struct, off_strings, _, version, _, _, _, size_struct = struct.unpack(
        ">10I", blob[:40])
    if magic != FDT_MAGIC:
        raise ValueError(f"bad magic {magic:#x}")
    if total > len(blob):
        raise ValueError(f"truncated: totalsize {total}, file {len(blob)} bytes")
    strings = blob[off_strings:]
    nodes, stack = {}, []
    pos = off_struct
    while True:
        (token,) = struct.unpack(">I", blob[pos:pos + 4])
        pos += 4
        if token == FDT_BEGIN_NODE:
            end = blob.index(b"\0", pos)
            name = blob[pos:end].decode()
            pos = (end + 4) & ~3
            stack.append(name)
            path = "/" + "/".join(stack[1:])
            nodes[path] = {}
        elif token == FDT_END_NODE:
            stack.pop()
        elif token == FDT_PROP:
            length, nameoff = struct.unpack(">II", blob[pos:pos + 8])
            pos += 8
            name = strings[nameoff:strings.index(b"\0", nameoff)].decode()
            nodes["/" + "/".join(stack[1:])][name] = blob[pos:pos + length]
            pos = (pos + length + 3) & ~3
        elif token == FDT_NOP:
            continue
        elif token == FDT_END:
            return nodes
        else:
            raise ValueError(f"bad token {token} at {pos - 4}")


def cells(value):
    return list(struct.unpack(f">{len(value) // 4}I", value)) if len(value) % 4 == 0 else None


def normalise(nodes):
    """Replaces phandle values by the paths they point to."""
    by_phandle = {}
    for path, props in nodes.items():
        if "phandle" in props:
            by_phandle[cells(props["phandle"])[0]] = path
    out = {}
    for path, props in nodes.items():
        norm = {}
        for name, value in props.items():
            if name in ("phandle", "linux,phandle"):
                norm[name] = "<phandle>"
            elif name in PHANDLE_PROPS and cells(value) is not None:
                norm[name] = tuple(by_phandle.get(c, f"<dangling {c:#x}>") for c in cells(value))
            else:
                norm[name] = value
        out[path] = norm
    return out


def show(value):
    if isinstance(value, (str, tuple)):
        return repr(value)
    if value and value[-1:] == b"\0" and all(32 <= b < 127 or b == 0 for b in value):
        return repr(value[:-1].decode().split("\0"))
    c = cells(value)
    return "<" + " ".join(f"{x:#x}" for x in c) + ">" if c is not None else value.hex()


def ignored(path, prop, opts):
    for pattern, name, when, _ in IGNORED:
        if name == prop and fnmatch.fnmatchcase(path, pattern) and (when is None or when(opts)):
            return True
    return False


def compare(emu_nodes, qemu_nodes, opts):
    """(differences, nodes only QEMU has, ignored differences)."""
    emu, qemu = normalise(emu_nodes), normalise(qemu_nodes)
    problems, skipped = [], []
    for path, props in emu.items():
        if path not in qemu:
            problems.append(f"{path}: node not in QEMU's tree")
            continue
        theirs = qemu[path]
        for name in sorted(set(props) | set(theirs)):
            mine, other = props.get(name), theirs.get(name)
            if mine == other:
                continue
            what = (f"{path}: {name}: a64emu {show(mine) if mine is not None else '(absent)'}, "
                    f"QEMU {show(other) if other is not None else '(absent)'}")
            (skipped if ignored(path, name, opts) else problems).append(what)
    qemu_only = [p for p in qemu if p not in emu and not any(p.startswith(q + "/") for q in qemu if q not in emu)]
    return problems, qemu_only, skipped


def summarise(paths):
    """'/virtio_mmio@a000000', ... -> '/virtio_mmio@* (32)'; others as they are."""
    groups = {}
    for p in sorted(paths):
        groups.setdefault(p.split("@")[0], []).append(p)
    return ", ".join(g[0] if len(g) == 1 else f"{key}@* ({len(g)})" for key, g in groups.items())


def qemu_args(opts, out, kernel, initrd):
    machine = "virt,gic-version=3" + (",virtualization=on" if opts["el"] == 2 else "") + f",dumpdtb={out}"
    args = ["-M", machine, "-cpu", "max", "-smp", str(opts["smp"]), "-m", opts["memory"],
            "-display", "none", "-monitor", "none", "-serial", "none"]
    if "append" in opts or "initrd" in opts:
        args += ["-kernel", kernel]          # QEMU takes -append/-initrd only with -kernel
    if "append" in opts:
        args += ["-append", opts["append"]]
    if opts.get("initrd"):
        args += ["-initrd", initrd]
    return args


def emu_args(opts, out, kernel, initrd):
    args = ["dumpdtb", out, "--smp", str(opts["smp"]), "--el", str(opts["el"]), "--memory", opts["memory"]]
    if "append" in opts or "initrd" in opts:
        args += ["--kernel", kernel]
    if "append" in opts:
        args += ["--append", opts["append"]]
    if opts.get("initrd"):
        args += ["--initrd", initrd]
    return args


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit status {r.returncode}: {r.stderr.strip()}")


def build_dtb(tree):
    """A DTB from {path: {property: bytes}} (parents before children): the
    self-test's input."""
    strings, offsets = b"", {}
    out = bytearray()

    def name_offset(name):
        nonlocal strings
        if name not in offsets:
            offsets[name] = len(strings)
            strings += name.encode() + b"\0"
        return offsets[name]

    def pad():
        out.extend(b"\0" * (-len(out) % 4))

    def emit(path):
        out.extend(struct.pack(">I", FDT_BEGIN_NODE))
        out.extend((path.rsplit("/", 1)[1] if path != "/" else "").encode() + b"\0")
        pad()
        for name, value in tree[path].items():
            out.extend(struct.pack(">III", FDT_PROP, len(value), name_offset(name)) + value)
            pad()
        for child in tree:
            if child != "/" and child.rsplit("/", 1)[0] == ("" if path == "/" else path):
                emit(child)
        out.extend(struct.pack(">I", FDT_END_NODE))

    emit("/")
    out.extend(struct.pack(">I", FDT_END))
    header, rsvmap = 40, 16
    off_struct = header + rsvmap
    off_strings = off_struct + len(out)
    total = off_strings + len(strings)
    return (struct.pack(">10I", FDT_MAGIC, total, off_struct, off_strings, header, 17, 16, 0,
                        len(strings), len(out)) + bytes(rsvmap) + bytes(out) + strings)


def self_test():
    """The comparison on small synthetic trees; True if it behaves."""
    def cell(*v):
        return struct.pack(f">{len(v)}I", *v)
    base = {
        "/": {"interrupt-parent": cell(1)},
        "/intc": {"phandle": cell(1), "compatible": b"arm,gic-v3\0"},
        "/cpus": {},
        "/cpus/cpu@0": {"compatible": b"arm,armv8\0", "reg": cell(0)},
        "/chosen": {"bootargs": b"x\0"},
    }
    qemu = {path: dict(props) for path, props in base.items()}
    qemu["/"]["interrupt-parent"] = cell(0x8005)               # other phandle, same node
    qemu["/intc"]["phandle"] = cell(0x8005)
    qemu["/cpus/cpu@0"]["compatible"] = b"arm,cortex-a57\0"    # documented difference
    qemu["/chosen"]["rng-seed"] = cell(1, 2)                  # documented difference
    qemu["/virtio_mmio@a000000"] = {"reg": cell(0)}           # QEMU-only node
    opts = {"smp": 1, "el": 1}
    checks = []
    problems, qemu_only, skipped = compare(parse_dtb(build_dtb(base)), parse_dtb(build_dtb(qemu)), opts)
    checks.append(("equal up to phandles and documented differences", problems == [] and len(skipped) == 2))
    checks.append(("QEMU-only node listed", qemu_only == ["/virtio_mmio@a000000"]))
    wrong = {path: dict(props) for path, props in qemu.items()}
    wrong["/cpus/cpu@0"]["reg"] = cell(1)
    wrong["/"]["interrupt-parent"] = cell(0x9999)
    problems, _, _ = compare(parse_dtb(build_dtb(base)), parse_dtb(build_dtb(wrong)), opts)
    checks.append(("a different value and a dangling phandle fail", len(problems) == 2))
    extra = dict(base, **{"/pmu": {}})
    problems, _, _ = compare(parse_dtb(build_dtb(extra)), parse_dtb(build_dtb(qemu)), opts)
    checks.append(("a node QEMU lacks fails", problems == ["/pmu: node not in QEMU's tree"]))
    for what, ok in checks:
        print(f"{'ok' if ok else 'not ok'} - self-test: {what}")
    return all(ok for _, ok in checks)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--emu", default=os.path.join(REPO, ".build/release/a64emu"))
    ap.add_argument("--qemu", default="qemu-system-aarch64")
    ap.add_argument("--keep", help="keep the DTBs in this folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list the ignored differences")
    ap.add_argument("--self-test", action="store_true", help="only check the comparison itself (no QEMU)")
    args = ap.parse_args()
    if args.self_test:
        return 0 if self_test() else 1
    for tool in (args.emu, args.qemu):
        if not shutil.which(tool):
            print(f"dtb_compare: {tool} not found", file=sys.stderr)
            return 2

    work = args.keep or tempfile.mkdtemp(prefix="dtb-compare-")
    os.makedirs(work, exist_ok=True)
    # A small raw kernel (QEMU needs -kernel for -append and -initrd) and initrd.
    kernel, initrd = os.path.join(work, "kernel.bin"), os.path.join(work, "initrd.img")
    with open(kernel, "wb") as f:
        f.write(bytes(range(256)) * 16 + b"\x00\x00\x00\x14")
    with open(initrd, "wb") as f:
        f.write(b"070701" + bytes(3000))

    passed = failed = 0
    all_qemu_only = set()
    for name, opts in OPTION_SETS:
        emu_out, qemu_out = os.path.join(work, f"{name}.a64emu.dtb"), os.path.join(work, f"{name}.qemu.dtb")
        try:
            run([args.emu, *emu_args(opts, emu_out, kernel, initrd)])
            run([args.qemu, *qemu_args(opts, qemu_out, kernel, initrd)])
            with open(emu_out, "rb") as f:
                emu_nodes = parse_dtb(f.read())
            with open(qemu_out, "rb") as f:
                qemu_nodes = parse_dtb(f.read())
        except (RuntimeError, ValueError, OSError, subprocess.TimeoutExpired) as e:
            print(f"not ok - {name}: {e}")
            failed += 1
            continue
        problems, qemu_only, skipped = compare(emu_nodes, qemu_nodes, opts)
        all_qemu_only.update(qemu_only)
        if problems:
            failed += 1
            print(f"not ok - {name}: {len(problems)} differences")
            for p in problems:
                print(f"    {p}")
        else:
            passed += 1
            print(f"ok - {name}: {len(emu_nodes)} a64emu nodes match QEMU's"
                  f" ({len(skipped)} documented differences ignored)")
        if args.verbose:
            for s in skipped:
                print(f"    ignored: {s}")
    if all_qemu_only:
        print("# nodes only QEMU has (devices a64emu does not model): " + summarise(all_qemu_only))
    print(f"{passed} passed, {failed} failed")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
