// Options.swift - the hypervisor's command line, read from the semihosting
// command line (SYS_GET_CMDLINE; a64emu's `run --hyp` and QEMU's
// -semihosting-config arg=... put it there): the program's name, as argv[0],
// then [OPTIONS] GUEST.elf.

import HypArch

enum SchedulingPolicy { case pinned, roundRobin, migrate }

struct Options {
    var vcpus = 1
    var vms = 1
    var vhe = true
    var sched = SchedulingPolicy.pinned
    var slice: UInt64 = 0
    var vmidBits = 16
    var vmidLimit = 0
    var fixes = FixSet()
    var trace = false
    /// Use FEAT_S2FWB when the CPU has it (KVM does); `--s2fwb off` takes the
    /// non-FWB path anyway, e.g. on QEMU, whose -cpu max has FWB, to run the
    /// same code as on a64emu without --fwb 1.
    var useFWB = true
    /// Boot the guest at virtual EL2 (a guest hypervisor, Nested/).
    var nested = false
    var guestPath = ""

    static let usage = """
        usage: hyp [--vcpus N] [--vms N] [--mode vhe|nvhe] [--sched pinned|round-robin|migrate] \
        [--slice TICKS] [--vmid-bits 8|16] [--vmid-limit N] [--s2fwb auto|off] [--nested] [--without-fix NAME]... [--list-fixes] [--trace] GUEST.elf
        """

    /// Parses the words of `line`; a bad option ends the run with status 2.
    static func parse(_ line: String) -> Options {
        var o = Options()
        var words: [String] = []
        for w in line.split(separator: " ") { words.append(String(w)) }
        var i = 1                       // words[0]: the program's name
        var positional: [String] = []
        func value(_ name: String) -> String {
            if i + 1 >= words.count { fatal("option \(name) needs a value\n" + usage, status: 2) }
            i += 1
            return words[i]
        }
        func number(_ name: String, _ s: String, min: Int, max: Int) -> Int {
            guard let n = Int(s), n >= min, n <= max else {
                fatal("option \(name): '\(s)' is not a number from \(dec(min)) to \(dec(max))", status: 2)
            }
            return n
        }
        while i < words.count {
            var w = words[i]
            // --name=value is the same as --name value.
            if w.hasPrefix("--"), let eq = w.firstIndex(of: "=") {
                words.insert(String(w[w.index(after: eq)...]), at: i + 1)
                w = String(w[..<eq])
            }
            switch w {
            case "--vcpus": o.vcpus = number(w, value(w), min: 1, max: 64)
            case "--vms": o.vms = number(w, value(w), min: 1, max: 64)
            case "--mode":
                switch value(w) {
                case "vhe": o.vhe = true
                case "nvhe": o.vhe = false
                default: fatal("option --mode: expected vhe or nvhe, got '\(words[i])'", status: 2)
                }
            case "--sched":
                switch value(w) {
                case "pinned": o.sched = .pinned
                case "round-robin": o.sched = .roundRobin
                case "migrate": o.sched = .migrate
                default: fatal("option --sched: expected pinned, round-robin or migrate, got '\(words[i])'", status: 2)
                }
            case "--slice": o.slice = UInt64(number(w, value(w), min: 0, max: 1 << 40))
            case "--vmid-bits": o.vmidBits = number(w, value(w), min: 8, max: 16)
            case "--vmid-limit": o.vmidLimit = number(w, value(w), min: 1, max: 65535)
            case "--without-fix":
                let name = value(w)
                guard let f = Fix.named(name) else {
                    fatal("option --without-fix: no fix named '\(name)' (--list-fixes shows them)", status: 2)
                }
                o.fixes.turnOff(f)
            case "--list-fixes":
                for f in Fix.allCases { say(f.name + "  " + f.origin) }
                hyp_exit(0)
            case "--trace": o.trace = true
            case "--nested": o.nested = true
            case "--s2fwb":
                switch value(w) {
                case "auto": o.useFWB = true
                case "off": o.useFWB = false
                default: fatal("option --s2fwb: expected auto or off, got '\(words[i])'", status: 2)
                }
            case "-h", "--help":
                say(usage)
                hyp_exit(0)
            default:
                if w.hasPrefix("-") { fatal("unknown option '\(w)'\n" + usage, status: 2) }
                positional.append(w)
            }
            i += 1
        }
        if o.vmidBits != 8 && o.vmidBits != 16 { fatal("option --vmid-bits: 8 or 16", status: 2) }
        guard positional.count == 1 else {
            fatal(positional.isEmpty ? "no guest ELF given\n" + usage : "more than one guest ELF given\n" + usage, status: 2)
        }
        o.guestPath = positional[0]
        return o
    }
}
