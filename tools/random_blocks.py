#!/usr/bin/env python3
"""Random blocks of valid A64 instructions, for differential testing against QEMU.

Usage: tools/random_blocks.py --seed N [--blocks B] [--length L] OUT.S

Writes an assembly file for guests/diff/driver.c: B functions blk_<i>, each
loading x0-x26 and NZCV from its inputs (random 64-bit values, edge values
among them), running L random instructions, and storing x0-x26 and NZCV;
x28 points at a 4 KiB scratch buffer for the loads and stores. The
instructions come from every integer group the decoder implements:
arithmetic (immediate, shifted, extended, with carry), logical (shifted,
bitmask immediates), moves, multiplies and divides, shifts, bitfields,
EXTR, bit and byte operations, conditional select and compare, CRC32, loads
and stores of every size (aligned: the guest runs with the MMU off, where
memory is Device and unaligned accesses fault), pairs, exclusives (a LDXR
and its STXR back to back, whose result the architecture fixes), LSE
atomics, acquire/release, forward branches inside the block (CBZ, TBZ,
B.cond), and MRS/MSR of NZCV and TPIDR_EL0. Also writes OUT.lst: each
block's instructions, which check_diff.py prints for a block that differs.
Standard library only.
"""

import argparse
import random

REGS = 27                       # x0-x26 are the block's registers
CONDS = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al"]
EDGES = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
         0x100000000, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFE]


def bitmask_immediate(r, bits):
    """A value encodable as a logical immediate (DecodeBitMasks): a run of
    ones, rotated, in an element of 2..bits bits, replicated."""
    size = r.choice([e for e in (2, 4, 8, 16, 32, 64) if e <= bits])
    ones = r.randint(1, size - 1)
    rot = r.randint(0, size - 1)
    elem = (1 << ones) - 1
    elem = ((elem >> rot) | (elem << (size - rot))) & ((1 << size) - 1)
    v = 0
    for i in range(0, bits, size):
        v |= elem << i
    return v


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.labels = 0

    def reg(self, w=False, zr=False):
        n = self.r.randrange(REGS + (1 if zr else 0))
        if n == REGS:
            return "wzr" if w else "xzr"
        return f"{'w' if w else 'x'}{n}"

    def dest(self, w=False):
        return f"{'w' if w else 'x'}{self.r.randrange(REGS)}"

    def value(self):
        r = self.r
        return r.choice(EDGES) if r.random() < 0.3 else r.getrandbits(64)

    # -- one instruction (or a few, for pairs that must stay together) --------
    def instruction(self):
        r = self.r
        w = r.random() < 0.4
        bits = 32 if w else 64
        d, n, m = self.dest(w), self.reg(w), self.reg(w, zr=True)
        g = r.randrange(24)
        if g == 0:
            op = r.choice(["add", "adds", "sub", "subs"])
            return [f"{op} {d}, {self.reg(w)}, #{r.randrange(4096)}{', lsl #12' if r.random() < 0.3 else ''}"]
        if g == 1:
            op = r.choice(["add", "adds", "sub", "subs"])
            return [f"{op} {d}, {n}, {m}, {r.choice(['lsl', 'lsr', 'asr'])} #{r.randrange(bits)}"]
        if g == 2:
            op = r.choice(["add", "adds", "sub", "subs"])
            ext = r.choice(["uxtb", "uxth", "uxtw", "sxtb", "sxth", "sxtw"] + ([] if w else ["uxtx", "sxtx"]))
            src = self.reg(w or ext not in ("uxtx", "sxtx"))
            return [f"{op} {d}, {n}, {src}, {ext} #{r.randrange(5)}"]
        if g == 3:
            op = r.choice(["and", "orr", "eor", "bic", "orn", "eon", "ands", "bics"])
            return [f"{op} {d}, {n}, {m}, {r.choice(['lsl', 'lsr', 'asr', 'ror'])} #{r.randrange(bits)}"]
        if g == 4:
            op = r.choice(["and", "orr", "eor", "ands"])
            return [f"{op} {d}, {n}, #{bitmask_immediate(r, bits):#x}"]
        if g == 5:
            op = r.choice(["movz", "movn", "movk"])
            return [f"{op} {d}, #{r.randrange(65536):#x}, lsl #{r.choice(range(0, bits, 16))}"]
        if g == 6:
            op = r.choice(["madd", "msub"])
            return [f"{op} {d}, {n}, {m}, {self.reg(w, zr=True)}"]
        if g == 7:
            if w:
                return [f"{r.choice(['mul', 'mneg'])} {d}, {n}, {m}"]
            op = r.choice(["smaddl", "smsubl", "umaddl", "umsubl"])
            return [f"{op} {d}, {self.reg(True)}, {self.reg(True)}, {self.reg(False, zr=True)}"] if r.random() < 0.6 \
                else [f"{r.choice(['smulh', 'umulh'])} {d}, {n}, {m}"]
        if g == 8:
            return [f"{r.choice(['udiv', 'sdiv'])} {d}, {n}, {m}"]
        if g == 9:
            return [f"{r.choice(['lslv', 'lsrv', 'asrv', 'rorv'])} {d}, {n}, {m}"]
        if g == 10:
            op = r.choice(["ubfx", "sbfx", "bfxil", "ubfiz", "sbfiz", "bfi"])
            lsb = r.randrange(bits)
            width = r.randint(1, bits - lsb)
            return [f"{op} {d}, {n}, #{lsb}, #{width}"]
        if g == 11:
            return [f"extr {d}, {n}, {m}, #{r.randrange(bits)}"]
        if g == 12:
            ops = ["clz", "cls", "rbit", "rev", "rev16"] + ([] if w else ["rev32"])
            return [f"{r.choice(ops)} {d}, {n}"]
        if g == 13:
            return [f"{r.choice(['adc', 'adcs', 'sbc', 'sbcs'])} {d}, {n}, {m}"]
        if g == 14:
            op = r.choice(["csel", "csinc", "csinv", "csneg"])
            return [f"{op} {d}, {n}, {m}, {r.choice(CONDS)}"]
        if g == 15:
            op = r.choice(["ccmp", "ccmn"])
            second = m if r.random() < 0.5 else f"#{r.randrange(32)}"
            return [f"{op} {n}, {second}, #{r.randrange(16)}, {r.choice(CONDS[:-1])}"]
        if g == 16:
            size = r.choice(["b", "h", "w", "x"])
            c = r.choice(["crc32", "crc32c"])
            return [f"{c}{size} {self.dest(True)}, {self.reg(True)}, {self.reg(size != 'x', zr=True)}"]
        if g == 17:
            return self.load_store()
        if g == 18:
            return self.load_store()
        if g == 19:
            return self.pair()
        if g == 20:
            return self.exclusive_or_atomic()
        if g == 21:
            return self.branch()
        if g == 22:
            return [f"{r.choice(['cset', 'csetm'])} {d}, {r.choice(CONDS[:-1])}"] if r.random() < 0.5 else \
                [f"{r.choice(['cmp', 'cmn', 'tst'])} {n}, {m}"]
        return self.system()

    def offset(self, size, limit=4096):
        return self.r.randrange(0, limit // size) * size

    def load_store(self):
        r = self.r
        kind = r.choice(["ldr", "str", "ldrb", "strb", "ldrh", "strh", "ldrsb", "ldrsh", "ldrsw", "ldur", "stur"])
        if kind in ("ldr", "str", "ldur", "stur"):
            w = r.random() < 0.4
            size = 4 if w else 8
            reg = self.dest(w) if kind.startswith("ld") else self.reg(w, zr=True)
            off = self.offset(size, 4096 if kind in ("ldr", "str") else 256)
            return [f"{kind} {reg}, [x28, #{off}]"]
        if kind in ("ldrb", "ldrh"):
            size = 1 if kind == "ldrb" else 2
            return [f"{kind} {self.dest(True)}, [x28, #{self.offset(size)}]"]
        if kind in ("strb", "strh"):
            size = 1 if kind == "strb" else 2
            return [f"{kind} {self.reg(True, zr=True)}, [x28, #{self.offset(size)}]"]
        size = {"ldrsb": 1, "ldrsh": 2, "ldrsw": 4}[kind]
        w = kind != "ldrsw" and r.random() < 0.5
        return [f"{kind} {self.dest(w)}, [x28, #{self.offset(size)}]"]

    def pair(self):
        r = self.r
        w = r.random() < 0.4
        size = 4 if w else 8
        off = self.offset(size, 64 * size)
        if r.random() < 0.5:
            a = self.dest(w)
            b = self.dest(w)
            while b == a:
                b = self.dest(w)
            return [f"ldp {a}, {b}, [x28, #{off}]"]
        return [f"stp {self.reg(w, zr=True)}, {self.reg(w, zr=True)}, [x28, #{off}]"]

    def exclusive_or_atomic(self):
        r = self.r
        w = r.random() < 0.4
        k = r.randrange(5)
        if k == 0:
            # LDXR then STXR to the same address with nothing in between: the
            # store must succeed (status 0) on both machines.
            t, s = self.dest(w), self.dest(True)
            while s[1:] == t[1:]:
                s = self.dest(True)
            v = self.reg(w, zr=True)
            if v[1:] == s[1:]:
                v = "wzr" if w else "xzr"
            ld = r.choice(["ldxr", "ldaxr"])
            st = r.choice(["stxr", "stlxr"])
            return [f"{ld} {t}, [x28]", f"{st} {s}, {v}, [x28]"]
        if k == 1:
            op = r.choice(["ldadd", "ldclr", "ldeor", "ldset", "ldsmax", "ldsmin", "ldumax", "ldumin", "swp"])
            op += r.choice(["", "a", "l", "al"])
            return [f"{op} {self.reg(w, zr=True)}, {self.dest(w)}, [x28]"]
        if k == 2:
            op = r.choice(["cas", "casa", "casl", "casal"])
            return [f"{op} {self.dest(w)}, {self.reg(w, zr=True)}, [x28]"]
        if k == 3:
            return [f"{r.choice(['ldar', 'ldapr'])} {self.dest(w)}, [x28]"]
        return [f"stlr {self.reg(w, zr=True)}, [x28]"]

    def branch(self):
        r = self.r
        self.labels += 1
        label = f".Lskip{self.labels}"
        k = r.randrange(3)
        if k == 0:
            head = f"{r.choice(['cbz', 'cbnz'])} {self.reg(r.random() < 0.4)}, {label}"
        elif k == 1:
            head = f"{r.choice(['tbz', 'tbnz'])} {self.reg()}, #{r.randrange(64)}, {label}"
        else:
            head = f"b.{r.choice(CONDS[:-1])} {label}"
        body = []
        for _ in range(r.randint(1, 3)):
            i = self.instruction()
            while any(x.startswith(("cb", "tb", "b.")) for x in i):
                i = self.instruction()
            body += i
        return [head] + body + [f"{label}:"]

    def system(self):
        r = self.r
        k = r.randrange(3)
        if k == 0:
            return [f"mrs {self.dest()}, nzcv"]
        if k == 1:
            return [f"msr nzcv, {self.reg(zr=True)}"]
        return [f"msr tpidr_el0, {self.reg(zr=True)}", f"mrs {self.dest()}, tpidr_el0"]

    def block(self, length):
        out = []
        while sum(1 for x in out if not x.endswith(":")) < length:
            out += self.instruction()
        return out


def generate(seed, blocks, length):
    g = Generator(seed)
    asm = [f"/* generated by tools/random_blocks.py --seed {seed} --blocks {blocks} --length {length} */",
           "    .text", "    .p2align 2"]
    listing = []
    inputs = []
    for b in range(blocks):
        body = g.block(length)
        listing.append(body)
        inputs.append([g.value() for _ in range(REGS)] + [g.r.randrange(16) << 28])
        asm += [f"blk_{b}:",
                "    sub sp, sp, #112",
                "    stp x19, x20, [sp]", "    stp x21, x22, [sp, #16]", "    stp x23, x24, [sp, #32]",
                "    stp x25, x26, [sp, #48]", "    stp x27, x28, [sp, #64]", "    stp x29, x30, [sp, #80]",
                "    str x1, [sp, #96]",
                "    mov x28, x2",
                "    ldr x3, [x0, #216]", "    msr nzcv, x3"]
        asm += [f"    ldp x{i}, x{i + 1}, [x0, #{8 * i}]" for i in range(1, 27, 2)]
        asm += ["    ldr x0, [x0]"]
        asm += [("" if x.endswith(":") else "    ") + x for x in body]
        asm += ["    ldr x27, [sp, #96]"]
        asm += [f"    stp x{i}, x{i + 1}, [x27, #{8 * i}]" for i in range(0, 26, 2)]
        asm += ["    str x26, [x27, #208]", "    mrs x0, nzcv", "    str x0, [x27, #216]",
                "    ldp x19, x20, [sp]", "    ldp x21, x22, [sp, #16]", "    ldp x23, x24, [sp, #32]",
                "    ldp x25, x26, [sp, #48]", "    ldp x27, x28, [sp, #64]", "    ldp x29, x30, [sp, #80]",
                "    add sp, sp, #112", "    ret"]
    asm += ["    .section .rodata", "    .p2align 3", "    .globl diff_inputs", "diff_inputs:"]
    for regs in inputs:
        asm.append("    .quad " + ", ".join(f"{v:#x}" for v in regs))
    asm += ["    .globl diff_blocks", "diff_blocks:"] + [f"    .quad blk_{b}" for b in range(blocks)]
    asm += ["    .globl diff_block_count", "diff_block_count:", f"    .quad {blocks}", ""]
    return "\n".join(asm), listing


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--blocks", type=int, default=1000)
    p.add_argument("--length", type=int, default=40)
    p.add_argument("out")
    a = p.parse_args()
    asm, listing = generate(a.seed, a.blocks, a.length)
    with open(a.out, "w") as f:
        f.write(asm)
    with open(a.out.rsplit(".", 1)[0] + ".lst", "w") as f:
        for i, body in enumerate(listing):
            f.write(f"b{i}:\n" + "".join(f"    {x}\n" for x in body))


if __name__ == "__main__":
    main()
