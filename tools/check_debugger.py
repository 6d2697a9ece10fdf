#!/usr/bin/env python3
"""The debugger console (driven through a pipe) and the GDB stub (driven by
gdb-multiarch -batch), checked on real guests.

Usage: tools/check_debugger.py [--emu PATH] [--guests DIR] [--no-gdb] [--no-tmux] [-v]

Each console case feeds `a64emu debug` a script on standard input and checks
that lines of its output match; each states what it shows. The GDB case
starts `a64emu run --gdb tcp::PORT`, attaches gdb-multiarch (installed from
Debian by `make check` when absent) and checks what gdb prints. The exit
status is 1 if any check fails. The tmux case types into the console in a
terminal (tmux send-keys) and reads the screen (capture-pane). Standard library only.
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def console(emu, args, script, timeout=120):
    p = subprocess.run([emu, "debug", *args], input=script, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout + p.stderr


CASES = [
    # (name, a64emu debug arguments, script, [regexes that must match, in order])
    ("break at a symbol, step, disassemble, run to the exit",
     ["{g}/demo/hello.elf"],
     "break main\ncontinue\nstep 3\nx/2i $pc\ncontinue\n",
     [r"breakpoint 1 at 0x[0-9a-f]+ <main>",
      r"stopped: breakpoint 1 at <main>",
      r"cpu0 EL1 0x[0-9a-f]+ <main> at hello\.c:\d+",
      r"stopped: step",
      r"<main\+0xc>: [0-9a-f]{8}  adr x0, ",
      r"bl 0x[0-9a-f]+ <printf>",
      r"Hello from a64emu guest!",
      r"the guest exited with status 0"]),
    ("catch a guest's HVC under --hyp: the syndrome in words, then step over the hypervisor's ERET",
     ["--hyp", "--mode", "nvhe", "{g}/hyp/seed001_vcpu_tlb_private.elf"],
     "catch hvc\ncontinue\ndelete\ncatch eret\ncontinue\nstep\nquit\n",
     [r"catchpoint 1: hvc",
      r"stopped: catchpoint 1: synchronous exception from EL1 to EL2",
      r"ESR_EL2 0x5a000000: EC 0x16 HVC: imm16 0x0",
      r"cpu0 EL2 0x[0-9a-f]+ <hyp_vectors\+0x400>",
      r"stopped: catchpoint 2: eret at <[^>]+> from EL2 to EL1",
      r"cpu0 EL1 0x[0-9a-f]+ <[^>]+>",
      r"stopped: step",
      r"cpu0 EL1 "]),
    ("stop at a VM's stage-2 fault and step into the Swift hypervisor's handler, with its source lines",
     ["--hyp", "{g}/demo/hello.elf"],
     "catch stage2-fault\ncontinue\ndelete\nbreak handleExit\ncontinue\nnext\ninfo vmid\nquit\n",
     [r"EC 0x20 Instruction Abort from a lower EL, Translation fault level \d",
      r"HPFAR_EL2 0x[0-9a-f]+ \(IPA 0x[0-9a-f]+\)",
      r"breakpoint 2 at 0x[0-9a-f]+ <Hypervisor\.handleExit\(_:code:cpu:\)>",
      r"cpu0 EL2 0x[0-9a-f]+ <Hypervisor\.handleExit\(_:code:cpu:\)> at Exits\.swift:\d+",
      r"cpu0 EL2 0x[0-9a-f]+ <Hypervisor\.handleExit\(_:code:cpu:\)\+0x4> at Exits\.swift:\d+",
      r"cpu0 EL2 EL2&0 VMID 0 ASID 0 VTTBR_EL2 0x[0-9a-f]+ pc 0x[0-9a-f]+ <Hypervisor\.handleExit"]),
    ("a stale TLB entry after a descriptor rewrite without TLBI: the walk and the TLB disagree",
     ["--cache-model", "on", "{g}/mmu/remap_stale.elf"],
     "break remap_stale.c:94\ncontinue\ntranslate 0x80000000\ncontinue\n",
     [r"stopped: breakpoint 1 at <main\+0x[0-9a-f]+>",
      r"tlbi vae1, x8",
      # the walk gives the new page; the TLB still holds the old one
      r"(?s)level 3: descriptor at 0x[0-9a-f]+ = [0-9a-f]{16} page -> (?P<new>0x[0-9a-f]+).*?"
      r"0x80000000 -> PA (?P=new)\n.*?"
      r"EL1&0 combined VMID 0 ASID \d+ global 0x80000000 -> (?!(?P=new)\b)0x[0-9a-f]+ size 0x1000",
      r"the guest exited with status 0"]),
    ("watchpoints: a store of an unchanged value and a load, each stopping after its instruction",
     ["{g}/demo/hello.elf"],
     "break main\ncontinue\nwatch write $sp-16 8\ncontinue\ndelete\nwatch read $sp 8\ncontinue\ninfo breakpoints\nquit\n",
     [r"stopped: breakpoint 1 at <main>",
      r"watchpoint 2: write 8 bytes at VA 0x[0-9a-f]+",
      r"stopped: watchpoint 2: write of 8 bytes at 0x[0-9a-f]+ \(value 0x0\)",
      r"cpu0 EL1 0x[0-9a-f]+ <main\+0x4>",
      r"watchpoint 3: read 8 bytes at VA",
      r"stopped: watchpoint 3: read of 8 bytes at",
      r"<main\+0x2c>: ret\) info breakpoints",
      r"3 watchpoint read 8 bytes at VA"]),
    ("a VTTBR_EL2 write catchpoint shows the hypervisor switching VMs",
     ["--hyp", "--smp", "1", "--vms", "2", "--mode", "nvhe", "{g}/hyp/vm_rollover.elf"],
     "catch sysreg VTTBR_EL2 write\n" + "continue\n" * 200 + "quit\n",
     [r"catchpoint 1: sysreg VTTBR_EL2 write",
      r"stopped: catchpoint 1: msr VTTBR_EL2 = 0x0 at <hyp_cpu_init",
      r"stopped: catchpoint 1: msr VTTBR_EL2 = 0x1[0-9a-f]{12} at <Hypervisor\.",
      r"stopped: catchpoint 1: msr VTTBR_EL2 = 0x2[0-9a-f]{12} at <Hypervisor\."]),
    ("bad commands get a message, not a crash",
     ["{g}/demo/hello.elf"],
     "frobnicate\nbreak no_such_symbol\nx/4x 0xdead00000000\ncpu 7\ncatch exception bogus\nset x99 = 1\nquit\n",
     [r"unknown command 'frobnicate'",
      r"no symbol or address 'no_such_symbol'",
      r"cannot read 0xdead00000000",
      r"usage: cpu N \(0 to 0\)",
      r"unknown exception class 'bogus'",
      r"set: x0-x30, sp, pc or nzcv"]),
]


def check_lines(output, patterns):
    """Each pattern must match a line, in order; returns the first that does not."""
    pos, groups = 0, {}
    for pat in patterns:
        rx = re.compile(pat)
        m = rx.search(output, pos)
        if not m:
            return pat
        pos = m.end()
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdb_case(emu, guests, verbose):
    gdb = shutil.which("gdb-multiarch")
    if not gdb:
        print("gdb: gdb-multiarch is not installed (make check installs it)")
        return False
    port = free_port()
    emu_p = subprocess.Popen([emu, "run", "--gdb", f"tcp::{port}", "--wait-gdb", f"{guests}/demo/hello.elf"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # The stub says it is listening before it accepts.
    first = emu_p.stderr.readline()
    if "waiting for gdb" not in first:
        print(f"FAIL - gdb: a64emu did not start its stub: {first}")
        emu_p.kill()
        return False
    commands = ["set architecture aarch64", f"target remote :{port}", "break *main", "continue",
                "info registers pc", "stepi", "x/2i $pc", "p/x $sp", "p $CurrentEL", "info threads",
                "monitor info vmid", "rwatch -location *(long*)$sp", "continue", "delete", "continue"]
    args = [gdb, "-nx", "-batch", f"{guests}/demo/hello.elf"]
    for c in commands:
        args += ["-ex", c]
    g = subprocess.run(args, capture_output=True, text=True, timeout=120)
    # gdb prints a monitor command's output (the stub's O packets) on stderr.
    out = g.stdout
    try:
        emu_out, emu_err = emu_p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        emu_p.kill()
        emu_out, emu_err = emu_p.communicate()
    emu_out += emu_err
    if verbose:
        print(out)
        print(emu_out)
    patterns = [r"Breakpoint 1 at 0x[0-9a-f]+: file [^\n]*hello\.c",
                r"Breakpoint 1, main \(\) at .*hello\.c:\d+",
                r"pc\s+0x[0-9a-f]+\s+0x[0-9a-f]+ <main>",
                r"=> 0x[0-9a-f]+ <main\+4>:\s+mov\s+x29, sp",
                r"\$1 = 0x[0-9a-f]+",
                r"\$2 = 4",
                r"\* 1\s+Thread 1 \(CPU 0\)",
                r"Hardware read watchpoint 2: -location \*\(long\*\)\$sp",
                r"Value = ",
                r"exited normally"]
    missing = check_lines(out, patterns)
    monitor_ok = re.search(r"cpu0 EL1 EL1&0 VMID 0 ASID 0 VTTBR_EL2 0x0 pc 0x[0-9a-f]+ <main\+0x4>", g.stderr)
    if not monitor_ok:
        missing = missing or "monitor info vmid (on gdb's stderr)"
    ok = missing is None and "Hello from a64emu guest!" in emu_out
    print(f"{'ok' if ok else 'FAIL'} - gdb-multiarch -batch: break, continue, stepi, registers, memory, threads, monitor, read watchpoint, exit")
    if not ok:
        print(f"  missing: {missing}\n--- gdb:\n{out}\n--- gdb stderr:\n{g.stderr}\n--- a64emu:\n{emu_out}")
    return ok


def gdb_attach_case(emu, guests, verbose):
    """gdb attaches to a guest that is already running (--gdb without
    --wait-gdb), reads its registers and detaches; the guest runs on to its
    end."""
    gdb = shutil.which("gdb-multiarch")
    if not gdb:
        return False
    port = free_port()
    # tlbmiss runs a few seconds (memops-small, once a second, now ends in
    # a quarter of one, before gdb is up): gdb attaches while it runs.
    emu_p = subprocess.Popen([emu, "run", "--gdb", f"tcp::{port}", f"{guests}/bench/tlbmiss.elf"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = emu_p.stderr.readline()
    time.sleep(0.2)
    g = subprocess.run([gdb, "-nx", "-batch", "-ex", "set architecture aarch64", "-ex", f"target remote :{port}",
                        "-ex", "p $CurrentEL", "-ex", "info threads", "-ex", "detach"],
                       capture_output=True, text=True, timeout=120)
    try:
        emu_out, emu_err = emu_p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        emu_p.kill()
        emu_out, emu_err = emu_p.communicate()
    ok = ("listening for gdb" in first and re.search(r"\$1 = 4", g.stdout)
          and re.search(r"\* 1\s+Thread 1 \(CPU 0\)", g.stdout) and "[Inferior 1 (Remote target) detached]" in g.stdout
          and emu_p.returncode == 0 and "bench tlbmiss: ok" in emu_out)
    if verbose or not ok:
        print(f"--- gdb:\n{g.stdout}{g.stderr}\n--- a64emu ({emu_p.returncode}):\n{first}{emu_out}{emu_err}")
    print(f"{'ok' if ok else 'FAIL'} - gdb-multiarch attaches to a running guest and detaches; the guest runs to its end")
    return bool(ok)


def audit_case(emu, guests, verbose):
    """`run --stats`: the maintenance audit. Seed 001 with its fix on: the
    hypervisor's local TLBI VMALLE1 on a vCPU switch (flushCPUContext)
    removes entries; with the fix off that call site is gone, and the guest
    fails."""
    base = [emu, "run", "--stats", "--hyp", "--smp", "1", "--vcpus", "2", "--mode", "nvhe",
            f"{guests}/hyp/seed001_vcpu_tlb_private.elf"]
    on = subprocess.run(base, capture_output=True, text=True, timeout=120)
    off = subprocess.run(base[:-1] + ["--without-fix", "local-tlbi-on-vcpu-switch", base[-1]],
                         capture_output=True, text=True, timeout=120)
    site = r"TLBI VMALLE1 at 0x[0-9a-f]+ <Hypervisor\.flushCPUContext\(_:tlb:icache:\)\+0x[0-9a-f]+>: executed \d+, removed or cleaned [1-9]"
    ok = (re.search(r"maintenance \(TLB entries and cache lines each form removed or cleaned\):", on.stderr)
          and re.search(site, on.stderr) and on.returncode == 0
          and "flushCPUContext" not in "".join(l for l in off.stderr.splitlines(True) if "TLBI" in l)
          and off.returncode != 0)
    if verbose or not ok:
        print(f"--- fix on ({on.returncode}):\n{on.stderr}\n--- fix off ({off.returncode}):\n{off.stderr}")
    print(f"{'ok' if ok else 'FAIL'} - run --stats: the maintenance audit names the vCPU-switch TLBI (and not with the fix off)")
    return bool(ok)


EXPLAIN = [
    # (scenario, a64emu options, the fix, guest, what the report must say with the fix off: every pattern)
    ("seed 001: vCPUs sharing a CPU", ["--smp", "1", "--vcpus", "2", "--mode", "nvhe"],
     "local-tlbi-on-vcpu-switch", "seed001_vcpu_tlb_private.elf",
     [r"cpu0 EL1 VMID 1 ASID \d+ pc 0x[0-9a-f]+ <vcpu1\+0x[0-9a-f]+>: translation of VA 0x2000000000 used PA (0x[0-9a-f]+); "
      r"TLB entry EL1&0 VMID 1 .*the tables now give PA (?!\1)0x[0-9a-f]+\. "
      r"Smallest fix: a local TLBI VMALLE1 \(with DSB NSH\) on cpu0 when a different vCPU of VMID 1 than last time is loaded",
      r"filled by cpu0 EL1 VMID 1 vCPU MPIDR 0x0 at pc 0x[0-9a-f]+ <main\+0x[0-9a-f]+>",
      r"the fill walked other tables \(leaf descriptor at PA 0x[0-9a-f]+; now at PA 0x[0-9a-f]+\)",
      r"another vCPU of VMID 1 \(MPIDR 0x0\) filled it on cpu0; vCPU MPIDR 0x1 uses it"]),
    ("seed 000: VPIPT I-cache, nVHE", ["--smp", "1", "--icache-policy", "vpipt", "--mode", "nvhe"],
     "vpipt-icache-on-unmap", "seed000_vpipt_remap.elf",
     [r"cpu0 EL1 VMID 1 ASID 0 pc (0x[0-9a-f]+) .*: instruction at \1: executed d2800060 \(mov x0, #0x3\) from cpu0's I-cache line "
      r"PA 0x[0-9a-f]+ tagged VMID 1, the newest write there is d2800040 \(mov x0, #0x2\)\. Smallest fix: the same IC executed at EL2",
      r"the newest instruction there was written by a cacheable store by cpu0 EL1 at pc 0x[0-9a-f]+ <memcpy",
      r"IC IVAU Xt=0x[0-9a-f]+ by cpu0 EL1 at pc 0x[0-9a-f]+ <Hypervisor\.Maintenance\.invalidateICache\(page:\)\+0x[0-9a-f]+>, "
      r"instruction \d+ of cpu0: executed at EL1 on a VPIPT I-cache, it removes VMID 0's lines only; the line is tagged VMID 1"]),
    ("seed 003: an MMU-off vCPU fills the I-cache", ["--smp", "1", "--vcpus", "2", "--mode", "nvhe"],
     "icache-inval-on-vcpu-switch", "seed003_mmuoff_fetch_pollutes.elf",
     [r"cpu0 EL1 VMID 1 ASID 0 pc 0x[0-9a-f]+ <code_c>: instruction at 0x[0-9a-f]+: executed d2800020 \(mov x0, #0x1\) "
      r"from cpu0's I-cache line .* the newest write there is d2800040 \(mov x0, #0x2\)\. "
      r"Smallest fix: a local IC IALLU on cpu0 when a different vCPU of VMID 1 than last time is loaded",
      r"line filled by cpu0 EL1 VMID 1 vCPU MPIDR 0x1 at pc 0x[0-9a-f]+ <vcpu_a\+0x[0-9a-f]+>, instruction \d+ of cpu0 "
      r"with a Non-cacheable fetch \(from memory, the PoC\)",
      r"the fill came after that write but read memory, which did not have it yet"]),
    ("seed 002a: the host's write left dirty, read with the MMU off", ["--smp", "1", "--mode", "nvhe"],
     "clean-on-fault-when-caches-off", "seed002a_mmuoff_sees_host_writes.elf",
     [r"cpu0 EL1 VMID 1 ASID 0 pc 0x[0-9a-f]+ <main\+0x[0-9a-f]+>: data at VA 0x[0-9a-f]+: Non-cacheable read of 8 bytes "
      r"at PA (0x[0-9a-f]+) gave 0x0, the newest write there is 0x3333333333333333\. Smallest fix: DC CVAC \(or CIVAC\)",
      r"the newest value was written by a cacheable store by cpu0 EL1 at pc 0x[0-9a-f]+ <Hypervisor\.handleHVC",
      r"it reads memory, the PoC, below a dirty line in the L2 that holds the newest value, never cleaned to the PoC",
      r"DC CVAU Xt=0x[0-9a-f]+ by cpu0 EL1 .*: cleans to the PoU only"]),
    ("seed 002b: the guest's Non-cacheable write under the host's clean line", ["--smp", "1", "--mode", "nvhe"],
     "trap-vm-regs-until-caches-on", "seed002b_enable_caches_after_nc_writes.elf",
     [r"cpu0 EL1 VMID 1 ASID 0 pc 0x[0-9a-f]+ <main\+0x[0-9a-f]+>: data at VA 0x[0-9a-f]+: cacheable read of 8 bytes at PA 0x[0-9a-f]+ "
      r"gave 0x1111111111111111, the newest write there is 0x2222222222222222\. Smallest fix: DC IVAC \(or CIVAC\)",
      r"the newest value was written by a Non-cacheable store by cpu0 EL1 VMID 1 vCPU MPIDR 0x0 at pc 0x[0-9a-f]+ <main",
      r"it hit a clean line in cpu0's L1 .*, brought in from memory by cpu0 EL1 at pc 0x[0-9a-f]+ <Hypervisor\.handleHVC"]),
    ("seed 002c: the same, the host's read on the other CPU", ["--smp", "2", "--mode", "nvhe"],
     "trap-vm-regs-until-caches-on", "seed002c_setway.elf",
     [r"cacheable read of 8 bytes at PA 0x[0-9a-f]+ gave 0x1111111111111111, the newest write there is 0x2222222222222222",
      r"brought in from memory by cpu1 EL1 at pc 0x[0-9a-f]+ <Hypervisor\.handleHVC"]),
]


def explain_cases(emu, guests, verbose):
    """--explain-stale on the scenarios: with the fix on, no stale use at
    all; with it off, the stale translation or instruction named, with the
    maintenance that would have removed it."""
    results = []
    for name, options, fix, elf, patterns in EXPLAIN:
        base = [emu, "run", "--explain-stale", "--hyp", "--cache-model", "on", *options]
        on = subprocess.run(base + [f"{guests}/hyp/{elf}"], capture_output=True, text=True, timeout=300)
        off = subprocess.run(base + ["--without-fix", fix, f"{guests}/hyp/{elf}"], capture_output=True, text=True,
                             timeout=300)
        ok = ("explain-stale: no stale use" in on.stderr and on.returncode == 0
              and off.returncode != 0 and all(re.search(p, off.stderr) for p in patterns))
        if verbose or not ok:
            print(f"--- fix on:\n{on.stderr}\n--- fix off:\n{off.stderr}")
        print(f"{'ok' if ok else 'FAIL'} - --explain-stale, {name}: nothing with the fix on, the stale use named with --without-fix {fix}")
        results.append(bool(ok))
    return results


def tmux_session(tmux, command):
    name = f"a64emu-check-{os.getpid()}-{time.monotonic_ns()}"
    subprocess.run([tmux, "new-session", "-d", "-s", name, "-x", "200", "-y", "60", command + "; sleep 30"],
                   capture_output=True)
    return name


def tmux_case(emu, guests, verbose):
    """The console in a terminal, as a person uses it (tmux send-keys and
    capture-pane): libedit's history (Up repeats a command) and Ctrl-C
    stopping a guest that loops."""
    tmux = shutil.which("tmux")
    if not tmux:
        print("FAIL - tmux: tmux is not installed (make check installs it)")
        return False
    name = f"a64emu-check-{os.getpid()}"
    run = lambda *a: subprocess.run([tmux, *a], capture_output=True, text=True)
    run("kill-session", "-t", name)
    run("new-session", "-d", "-s", name, "-x", "200", "-y", "60",
        f"{emu} debug {guests}/demo/hello.elf; sleep 30")

    def screen():
        return run("capture-pane", "-p", "-t", name, "-S", "-200").stdout

    def wait_for(pattern, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            text = screen()
            if re.search(pattern, text):
                return text
            time.sleep(0.1)
        return None

    ok = True
    steps = [
        (["break main", "Enter"], r"breakpoint 1 at 0x[0-9a-f]+ <main>"),
        (["continue", "Enter"], r"stopped: breakpoint 1 at <main>"),
        (["step", "Enter"], r"main\+0x4> at hello\.c"),
        # Up: libedit's history gives "step" back.
        (["Up", "Enter"], r"main\+0x8> at hello\.c"),
        (["continue", "Enter"], r"the guest exited with status 0"),
        (["quit", "Enter"], None),
    ]
    text = wait_for(r"\(cpu0 EL1 ")
    if text is None:
        ok = False
    for keys, expect in steps:
        if not ok:
            break
        run("send-keys", "-t", name, *keys)
        if expect and wait_for(expect) is None:
            ok = False
    final = screen()
    run("kill-session", "-t", name)
    if verbose or not ok:
        print(final)
    # Ctrl-C stops a guest that runs long, and the console stays usable.
    if ok:
        name = tmux_session(tmux, f"{emu} debug {guests}/bench/compute.elf")
        ok = wait_for(r"\(cpu0 EL1 ") is not None
        run("send-keys", "-t", name, "continue", "Enter")
        time.sleep(0.5)
        run("send-keys", "-t", name, "C-c")
        ok = ok and wait_for(r"interrupted\ncpu0 EL1 0x[0-9a-f]+") is not None
        run("send-keys", "-t", name, "info vmid", "Enter")
        ok = ok and wait_for(r"cpu0 EL1 EL1&0 VMID 0") is not None
        final = screen()
        run("kill-session", "-t", name)
        if verbose or not ok:
            print(final)
    print(f"{'ok' if ok else 'FAIL'} - tmux: the console in a terminal (breakpoint, step, history with Up, exit, Ctrl-C)")
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--emu", default=str(ROOT / ".build/release/a64emu"))
    p.add_argument("--guests", default=str(ROOT / "build/guests"))
    p.add_argument("--no-gdb", action="store_true")
    p.add_argument("--no-tmux", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()
    passed = failed = 0
    for name, emu_args, script, patterns in CASES:
        code, out = console(args.emu, [a.format(g=args.guests) for a in emu_args], script)
        missing = check_lines(out, patterns)
        if args.verbose:
            print(out)
        if missing is None:
            passed += 1
            print(f"ok - console: {name}")
        else:
            failed += 1
            print(f"FAIL - console: {name}\n  no line matches: {missing}\n--- output:\n{out}")
    if not args.no_gdb:
        for case in (gdb_case, gdb_attach_case):
            if case(args.emu, args.guests, args.verbose):
                passed += 1
            else:
                failed += 1
    for ok in explain_cases(args.emu, args.guests, args.verbose):
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    if audit_case(args.emu, args.guests, args.verbose):
        passed += 1
    else:
        failed += 1
    if not args.no_tmux:
        if tmux_case(args.emu, args.guests, args.verbose):
            passed += 1
        else:
            failed += 1
    print(f"debugger: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
