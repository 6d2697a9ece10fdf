#!/usr/bin/env python3
"""Writes the hand-made seed inputs of the semihosting, gdb and console fuzz
targets (Fuzz/README.md) into Fuzz/Corpus/<target>/seed-*. The elf seeds
are guest ELFs (guests/, relinked small). Run once; `make fuzz` then grows
and minimises the corpus."""
import os
import struct
import sys

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus")
BASE = 0x4000_0000 + 0x10_0000  # SemihostingFuzzEntry.base


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


# --- semihosting: flags, n, n x (op, offset16), then blocks and strings ------
class Program:
    def __init__(self, flags=0):
        self.flags = flags
        self.calls = []   # (op, label or int offset)
        self.blobs = []   # (label, bytes or list of words/labels)

    def call(self, op, label):
        self.calls.append((op, label))

    def blob(self, label, content):
        self.blobs.append((label, content))

    def build(self):
        head = 2 + 3 * len(self.calls)
        offsets, at = {}, head
        for label, content in self.blobs:
            offsets[label] = at
            at += len(content) * 8 if isinstance(content, list) else len(content)
        out = bytearray([self.flags, len(self.calls)])
        for op, label in self.calls:
            out += bytes([op]) + struct.pack("<H", offsets[label] if isinstance(label, str) else label)
        for label, content in self.blobs:
            if isinstance(content, list):
                for w in content:
                    out += struct.pack("<Q", BASE + offsets[w] if isinstance(w, str) else w)
            else:
                out += content
        return bytes(out)


def open_block(p, label, name, mode):
    p.blob(label + "_name", name + b"\0")
    p.blob(label, [label + "_name", mode, len(name)])


def semihosting():
    p = Program()
    open_block(p, "o", b"in.txt", 0)
    p.blob("buf", b"\0" * 32)
    p.blob("rd", [4, "buf", 16])
    p.blob("h", [4])
    p.blob("sk", [4, 3])
    p.blob("wr", [2, "msg", 6])
    p.blob("msg", b"hello\n\0")
    for op, l in [(0x01, "o"), (0x06, "rd"), (0x0C, "h"), (0x0A, "sk"), (0x06, "rd"), (0x09, "h"),
                  (0x08, "h"), (0x02, "h"), (0x13, "h"), (0x05, "wr"), (0x04, "msg"), (0x03, "msg")]:
        p.call(op, l)
    write("semihosting", "read-file", p.build())

    p = Program(flags=1)
    open_block(p, "o", b"sub/new.txt", 4)
    p.blob("wr", [4, "msg", 5])
    p.blob("msg", b"data\n")
    p.blob("h", [4])
    open_block(p, "a", b"in.txt", 8)
    for op, l in [(0x01, "o"), (0x05, "wr"), (0x0C, "h"), (0x02, "h"), (0x01, "a")]:
        p.call(op, l)
    write("semihosting", "write-file", p.build())

    for i, name in enumerate([b"../secret.txt", b"/etc/passwd", b"link.txt", b"escape/secret.txt",
                              b"sub/../in.txt", b"missing", b":tt", b"sub//in.txt", b"in.txt\0x"]):
        p = Program(flags=i & 1)
        open_block(p, "o", name, 0 if i % 3 else 4)
        p.call(0x01, "o")
        p.call(0x13, "o")
        write("semihosting", "open-%d" % i, p.build())

    p = Program(flags=2)
    p.blob("cl", ["buf", 64])
    p.blob("buf", b"\0" * 64)
    p.blob("hi", ["buf"])
    p.blob("ex", [0x20026, 3])
    for op, l in [(0x15, "cl"), (0x16, "hi"), (0x30, "buf"), (0x10, "buf"), (0x11, "buf"), (0x31, "buf"),
                  (0x0D, "buf"), (0x0E, "buf"), (0x0F, "buf"), (0x12, "buf"), (0x7F, "buf"), (0x18, "ex"), (0x20, "ex")]:
        p.call(op, l)
    write("semihosting", "misc", p.build())

    p = Program()
    p.blob("wild", [0xFFFF_FFFF_FFFF_FFF0, 0x4000_0000_0000, 1 << 40])
    for op in (0x01, 0x05, 0x06, 0x16, 0x30, 0x15, 0x04):
        p.call(op, "wild")
    write("semihosting", "wild", p.build())


# --- gdb: a byte stream from a client -----------------------------------------
def frame(payload):
    if isinstance(payload, str):
        payload = payload.encode()
    return b"$" + payload + b"#" + b"%02x" % (sum(payload) & 0xFF)


def hexs(s):
    return s.encode().hex()


def gdb():
    session = [
        "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+;vContSupported+;QThreadEvents+;no-resumed+;xmlRegisters=i386",
        "vMustReplyEmpty", "Hg0", "qXfer:features:read:target.xml:0,ffb", "qXfer:features:read:target.xml:ffb,ffb",
        "qTStatus", "?", "qfThreadInfo", "qsThreadInfo", "qAttached", "Hc-1", "qC", "g", "m40080000,40", "p20", "p21",
    ]
    write("gdb", "connect", b"+" + b"+".join(frame(p) for p in session) + b"+")
    write("gdb", "noack", frame("qSupported:swbreak+") + b"+" + frame("QStartNoAckMode") + b"+"
          + b"".join(frame(p) for p in ["g", "?", "qfThreadInfo", "Hg2", "g", "p1f", "T1", "T2", "T3"]))
    write("gdb", "breakpoint", b"".join(frame(p) for p in [
        "qSupported:swbreak+;hwbreak+", "Z0,40080024,4", "c", "g", "z0,40080024,4", "Z1,40080010,4", "vCont;c",
        "z1,40080010,4", "s", "vCont;s:1", "vCont;S05:2", "vCont?", "c"]))
    write("gdb", "watch", b"".join(frame(p) for p in [
        "Z2,40080040,8", "c", "z2,40080040,8", "Z3,40080040,8", "c", "Z4,40080040,4", "c", "z4,40080040,4", "k"]))
    write("gdb", "memory", b"".join(frame(p) for p in [
        "m40080040,8", "M40080040,8:0102030405060708", "m40080040,8", "X40080040,0:",
        b"X40080040,4:}\x03}\x04}]*", "P0=0100000000000000", "P20=2400084000000000", "G" + "00" * 8 * 31,
        "c40080024", "s40080028", "D"]))
    write("gdb", "monitor", b"".join(frame(p) for p in [
        "qRcmd," + hexs("regs"), "qRcmd," + hexs("x/4i $pc"), "qRcmd," + hexs("break func"),
        "qRcmd," + hexs("continue"), "qRcmd," + hexs("translate $pc"), "qRcmd," + hexs("info breakpoints"),
        "qThreadExtraInfo,1", "qThreadExtraInfo,2"]))
    write("gdb", "noise", b"garbage+-\x03$g#00$m0,4#zz$$g#67-+" + frame("c") + b"\x03" + frame("?")
          + b"$" + b"A" * 40 + b"#41" + frame("?"))


# --- console: flags byte, then command lines ----------------------------------
def console():
    scripts = {
        "basic": (0, ["regs", "x/4i $pc", "break func", "continue", "info breakpoints", "x/2g data",
                      "next", "step 3", "finish", "delete", "continue", "regs"]),
        "watch": (0, ["watch data 8", "continue", "watch read data", "watch access $x1 4", "watch write 0x40080040 8 phys",
                      "continue", "info b", "delete 1", "until loop", "info symbol 0x40080024", "info line func"]),
        "catch": (8, ["catch exception", "catch exception to el2", "catch exception data-abort", "catch eret",
                      "catch hvc", "catch smc", "catch svc", "catch tlbi", "catch ic", "catch dc",
                      "catch stage2-fault", "catch sysreg SCTLR_EL1 write", "info breakpoints", "run-to-el 2", "continue"]),
        "sysregs": (4, ["sysregs", "sysregs EL1", "sysregs all", "sysreg SCTLR_EL1", "sysreg TTBR0_EL1 = 0x40090000",
                        "set x0 = 5", "set pc = 0x40080024", "set nzcv = 0xf0000000", "set sp = 0x40100000", "cpu 1", "regs",
                        "info vmid", "cpu 0", "step", "x/8x $sp-16"]),
        "caches": (1 | 2, ["icache", "icache $pc", "dcache data", "dcache 0x40080040 phys", "continue", "icache cpu 0",
                           "tlb", "tlb cpu 0 vmid 0 asid 0", "explain", "catch stale", "x/4x 0x40080040 memory"]),
        "translate": (0, ["translate $pc", "translate 0x40080000 el1", "translate 0x40080000 el2",
                          "translate 0x1000 s2", "translate $x1+8 s12", "trace on insn", "step 2", "trace off",
                          "trace on", "trace on mmu tlbi", "help", "quit", "step"]),
        "exprs": (0, ["break $pc+8", "break $x30-4", "break func+0x4", "break handleExit", "break file.c:12",
                      "break Demo.VV", "x/16b $sp", "x/3i func", "x/1g $SCTLR_EL1", "until $pc+12", "b data+8",
                      "x/4096b 0x40080000", "x/0x 0"]),
    }
    for name, (flags, lines) in scripts.items():
        write("console", name, bytes([flags]) + "\n".join(lines).encode() + b"\n")


if __name__ == "__main__":
    semihosting()
    gdb()
    console()
    sys.exit(0)
