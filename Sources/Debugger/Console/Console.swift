import A64
import Machine
import Memory

/// `a64emu debug`: the command console. One command per line, read from a
/// terminal (with line editing, LineReader.swift) or a pipe (scripts and
/// tests); output goes to `output`. Commands and their short aliases are in
/// `Console.commands` (`help` prints them).
public final class Console {
    public let debugger: MachineDebugger
    public var output: (String) -> Void
    /// The CPU the commands look at (`cpu N`).
    public private(set) var focus = 0
    public private(set) var finished = false
    /// The exit status `quit` or the guest's exit leaves.
    public private(set) var exitStatus: Int32 = 0
    var board: Board { debugger.board }
    var cpu: CPU { board.cpus[focus] }

    public init(debugger: MachineDebugger, output: @escaping (String) -> Void) {
        self.debugger = debugger
        self.output = output
    }

    /// The prompt: CPU, EL, PC with its symbol, and the next instruction.
    public var prompt: String {
        let c = cpu
        let vm = debugger.inVM(c)
        let symbol = debugger.symbols.describe(c.pc, inVM: vm).map { " <\($0)>" } ?? ""
        let next = debugger.fetchWord(c, c.pc).map { Disassembler.text($0, at: c.pc, symbol: { self.debugger.symbols.describe($0, inVM: vm) }) } ?? "?"
        return "(cpu\(c.index) EL\(c.currentEL) \(hex(c.pc))\(symbol): \(String(next.map { $0 == "\t" ? " " : $0 }))) "
    }

    static let commands: [(names: [String], usage: String)] = [
        (["step", "s", "stepi", "si"], "step [N]: execute N instructions (1) on the focused CPU"),
        (["next", "n", "nexti", "ni"], "next: step, over a BL or BLR"),
        (["continue", "c"], "continue: run until a breakpoint, catchpoint, watchpoint or the end"),
        (["finish", "fin"], "finish: run to the focused CPU's next exception return (ERET)"),
        (["until", "u"], "until ADDR: run to ADDR"),
        (["run-to-el"], "run-to-el N: run until a CPU is at EL N"),
        (["break", "b"], "break ADDR|SYMBOL|SYMBOL+OFF|FILE:LINE"),
        (["delete", "d"], "delete [N]: delete point N, or all"),
        (["watch"], "watch [read|write|access] ADDR [LEN]: stop after an access to those VAs; watch ADDR LEN phys: stop when the bytes at a PA change"),
        (["catch"], "catch exception [EC-NAME|EC] [to ELn] | eret | hvc | smc | svc | sysreg NAME [read|write] | tlbi | ic | dc | stage2-fault | stale"),
        (["info", "i"], "info breakpoints | registers | vmid | symbol ADDR | line ADDR"),
        (["regs", "r"], "regs: general registers, SP, PC, PSTATE"),
        (["sysregs"], "sysregs [GROUP]: system registers (GROUP: a name part such as EL2, TTBR, or all)"),
        (["sysreg"], "sysreg NAME [= VALUE]"),
        (["set"], "set REG = VALUE (x0-x30, sp, pc, nzcv)"),
        (["x"], "x/NF ADDR [phys] [cached|memory]: F = x (32-bit words), g (64-bit), b (bytes), i (instructions)"),
        (["translate", "tr"], "translate VA [el1|el2|s12] | translate IPA s2: the walk level by level, each descriptor decoded, and what the TLB caches"),
        (["tlb"], "tlb [cpu N] [vmid V] [asid A]: the TLB's entries"),
        (["icache"], "icache [cpu N] [ADDR]: the I-cache's valid lines, or the line for ADDR word by word, against memory"),
        (["dcache"], "dcache ADDR: the data-cache lines holding ADDR, dirty and stale state"),
        (["cpu"], "cpu N: focus on CPU N"),
        (["trace"], "trace on|off [insn|exceptions|mmu|tlbi|cache]"),
        (["explain"], "explain: the stale uses seen so far (--explain-stale)"),
        (["help", "h", "?"], "help"),
        (["quit", "q"], "quit"),
    ]

    /// Runs one command line. Errors are reported as text, never thrown.
    public func execute(_ line: String) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return }
        var command = first, format = ""
        if first.hasPrefix("x/") { command = "x"; format = String(first.dropFirst(2)) }
        let args = Array(words.dropFirst())
        guard let entry = Self.commands.first(where: { $0.names.contains(command) }) else {
            say("unknown command '\(first)' (help lists them)")
            return
        }
        let name = entry.names[0]
        if finished && ["step", "next", "continue", "finish", "until", "run-to-el"].contains(name) {
            say("the machine has stopped for good (\(debugger.stopDescription))")
            return
        }
        switch name {
        case "step":
            guard let n = args.isEmpty ? 1 : Int(args[0]), n >= 1 else { return say("usage: \(entry.usage)") }
            run(.step(cpu: focus, count: n))
        case "next":
            if let w = debugger.fetchWord(cpu, cpu.pc), w & 0xFC00_0000 == 0x9400_0000 || w & 0xFFFF_FC1F == 0xD63F_0000 {
                run(.until(cpu.pc &+ 4))
            } else {
                run(.step(cpu: focus, count: 1))
            }
        case "continue": run(.continue)
        case "finish": run(.finish(cpu: focus))
        case "until":
            guard args.count == 1, let a = address(args[0]) else { return say("usage: \(entry.usage)") }
            run(.until(a))
        case "run-to-el":
            guard args.count == 1, let el = UInt8(args[0]), el <= 2 else { return say("usage: \(entry.usage)") }
            run(.runToEL(el))
        case "break":
            guard args.count == 1 else { return say("usage: \(entry.usage)") }
            let lineAddresses = debugger.symbols.addresses(ofSourceLine: args[0])
            if args[0].contains(":") && !lineAddresses.isEmpty {
                for a in lineAddresses {
                    say("breakpoint \(debugger.addBreakpoint(a)) at \(hex(a)) \(debugger.describe(a, cpu: cpu))")
                }
                return
            }
            guard let a = address(args[0]) else { return say("no symbol or address '\(args[0])'") }
            say("breakpoint \(debugger.addBreakpoint(a)) at \(hex(a)) \(debugger.describe(a, cpu: cpu))")
        case "delete":
            if args.isEmpty { debugger.delete(nil); return say("deleted every breakpoint, watchpoint and catchpoint") }
            guard let n = Int(args[0]), debugger.delete(n) else { return say("no point \(args.first ?? "")") }
            say("deleted \(n)")
        case "watch": watch(args)
        case "catch": catchCommand(args)
        case "info": info(args)
        case "regs": registers()
        case "sysregs": systemRegisters(args.first)
        case "sysreg": systemRegister(args)
        case "set": set(args)
        case "x": examine(format, args)
        case "translate": translate(args)
        case "tlb": tlb(args)
        case "icache": icache(args)
        case "dcache": dcache(args)
        case "cpu":
            guard args.count == 1, let n = Int(args[0]), n >= 0, n < board.cpus.count else {
                return say("usage: cpu N (0 to \(board.cpus.count - 1))")
            }
            focus = n
            say(location())
        case "trace": traceCommand(args)
        case "explain":
            say(debugger.explainStale ? debugger.staleReport().joined(separator: "\n") : "explain needs --explain-stale")
        case "help":
            say(Self.commands.map { "  \($0.names.joined(separator: ", ")): \($0.usage)" }.joined(separator: "\n"))
        case "quit":
            finished = true
        default: break
        }
    }

    func say(_ s: String) { output(s + "\n") }

    /// "cpu0 EL2 0x40082d58 <handleExit+0x10> Exits.swift:34".
    public func location() -> String {
        let c = cpu
        var s = "cpu\(c.index) EL\(c.currentEL) \(hex(c.pc)) \(debugger.describe(c.pc, cpu: c))"
        if let line = debugger.symbols.sourceLocation(c.pc, inVM: debugger.inVM(c)) { s += " at \(line)" }
        return s
    }

    /// ADDR, SYMBOL, SYMBOL+OFF, $REG, $REG+OFF or $REG-OFF.
    func address(_ text: String) -> UInt64? {
        if text.hasPrefix("$") {
            let body = text.dropFirst()
            if let i = body.firstIndex(where: { $0 == "+" || $0 == "-" }) {
                guard let base = registerValue(String(body[..<i])),
                      let off = parseNumber(body[body.index(after: i)...]) else { return nil }
                return body[i] == "+" ? base &+ off : base &- off
            }
            return registerValue(String(body))
        }
        return debugger.symbols.address(of: text)
    }

    func run(_ how: MachineDebugger.Resume) {
        consoleInterruptCount = 0
        let outcome = debugger.resume(how, interrupted: { consoleInterrupted() })
        switch outcome {
        case .observerStop(let n):
            focus = n
            say("stopped: \(debugger.stopDescription)")
            say(location())
        case .interrupted:
            say("interrupted")
            say(location())
        case .stopped(.guestExit(let code)):
            finished = true
            exitStatus = code
            say("the guest exited with status \(code)")
        default:
            finished = true
            exitStatus = 1
            say("the machine stopped: \(outcome)")
        }
    }

    // MARK: points

    func watch(_ args: [String]) {
        var words = args
        var kind = MachineDebugger.WatchKind.write
        if let k = words.first.flatMap(MachineDebugger.WatchKind.init(rawValue:)) { kind = k; words.removeFirst() }
        let physical = words.contains("phys")
        words.removeAll { $0 == "phys" }
        guard let first = words.first, let a = address(first) else { return say("usage: watch [read|write|access] ADDR [LEN] [phys]") }
        let length = words.count > 1 ? Int(words[1]) ?? 8 : 8
        if physical && kind != .write { return say("a physical watchpoint watches for changes only (watch write ADDR LEN phys)") }
        guard (1...4096).contains(length), let id = debugger.addWatchpoint(a, length: length, physical: physical, kind: kind) else {
            return say("cannot watch \(hex(a)) (not mapped, or LEN not 1-4096)")
        }
        say("watchpoint \(id): \(kind.rawValue) \(length) bytes at \(physical ? "PA" : "VA") \(hex(a))")
    }

    func catchCommand(_ args: [String]) {
        guard let what = args.first else { return say("usage: catch exception|eret|hvc|smc|svc|sysreg NAME|tlbi|ic|dc|stage2-fault") }
        let c: MachineDebugger.Catchpoint
        switch what {
        case "exception":
            var ec: UInt64? = nil, toEL: UInt8? = nil
            var i = 1
            while i < args.count {
                if args[i] == "to", i + 1 < args.count, let el = UInt8(args[i + 1].lowercased().replacingPrefix("el")) {
                    toEL = el; i += 2; continue
                }
                if let n = Syndrome.catchNames[args[i].lowercased()].map({ UInt64($0.rawValue) }) ?? parseNumber(Substring(args[i])) {
                    ec = n; i += 1; continue
                }
                return say("unknown exception class '\(args[i])' (names: \(Syndrome.catchNames.keys.sorted().joined(separator: " ")), or a number)")
            }
            c = .exception(ec: ec, toEL: toEL)
        case "eret": c = .eret
        case "hvc": c = .hvc
        case "smc": c = .smc
        case "svc": c = .svc
        case "tlbi": c = .tlbi
        case "ic": c = .ic
        case "dc": c = .dc
        case "stage2-fault": c = .stage2Fault
        case "stale":
            guard debugger.explainStale else { return say("catch stale needs --explain-stale") }
            c = .stale
        case "sysreg":
            guard args.count >= 2, let i = SystemRegisters.index(named: args[1].uppercased()) else {
                return say("usage: catch sysreg NAME [read|write] (a name from `sysregs all`)")
            }
            let mode = args.count > 2 ? args[2] : ""
            c = .systemRegister(index: i, read: mode != "write", write: mode != "read")
        default:
            return say("cannot catch '\(what)'")
        }
        say("catchpoint \(debugger.addCatchpoint(c)): \(args.joined(separator: " "))")
    }

    func info(_ args: [String]) {
        switch args.first {
        case "breakpoints", "b", "break":
            for b in debugger.breakpoints { say("\(b.id) breakpoint \(hex(b.address)) \(debugger.describe(b.address, cpu: cpu))\(b.temporary ? " (temporary)" : "")") }
            for w in debugger.watchpoints { say("\(w.id) watchpoint \(w.kind.rawValue) \(w.length) bytes at \(w.physical ? "PA" : "VA") \(hex(w.address))") }
            for (id, c) in debugger.catchpoints { say("\(id) catchpoint \(c)") }
        case "registers", "r": registers()
        case "vmid":
            for c in board.cpus {
                let ctx = c.currentContext
                say("cpu\(c.index) EL\(c.currentEL) \(ctx.regime) VMID \(ctx.vmid) ASID \(ctx.asid) VTTBR_EL2 \(hex(debugger.systemRegister(c, "VTTBR_EL2"))) pc \(hex(c.pc)) \(debugger.describe(c.pc, cpu: c))\(c.poweredOff ? " (off)" : c.waitingForInterrupt ? " (WFI)" : "")")
            }
        case "symbol":
            guard args.count == 2, let a = parseNumber(Substring(args[1])) else { return say("usage: info symbol ADDR") }
            say(debugger.symbols.describe(a).map { "\($0)" + (debugger.symbols.sourceLocation(a).map { " at \($0)" } ?? "") }
                ?? "no symbol matches \(hex(a))")
        case "line":
            guard args.count == 2, let a = address(args[1]) else { return say("usage: info line ADDR") }
            say(debugger.symbols.sourceLocation(a) ?? "no line information for \(hex(a))")
        default: say("usage: info breakpoints|registers|vmid|symbol ADDR|line ADDR")
        }
    }

    // MARK: registers

    func registers() {
        let c = cpu
        var lines: [String] = []
        for r in stride(from: 0, to: 31, by: 2) {
            var l = "x\(r)".padded(4) + " " + hex16(c.x[r])
            if r + 1 < 31 { l += "   " + "x\(r + 1)".padded(4) + " " + hex16(c.x[r + 1]) }
            lines.append(l)
        }
        lines.append("sp   \(hex16(c.x[Int(RegisterIndex.sp)]))   pc   \(hex16(c.pc)) \(debugger.describe(c.pc))")
        let n = c.nzcv
        let flags = (n & 0x8000_0000 != 0 ? "N" : "n") + (n & 0x4000_0000 != 0 ? "Z" : "z")
            + (n & 0x2000_0000 != 0 ? "C" : "c") + (n & 0x1000_0000 != 0 ? "V" : "v")
        lines.append("PSTATE \(flags) EL\(c.currentEL)\(c.spSel == 0 ? "t" : "h") DAIF \(hex(c.daif >> 6))\(c.illegalState ? " IL" : "")")
        say(lines.joined(separator: "\n"))
    }

    func registerValue(_ name: String) -> UInt64? {
        let n = name.lowercased()
        if n == "pc" { return cpu.pc }
        if n == "sp" { return cpu.x[Int(RegisterIndex.sp)] }
        if n.hasPrefix("x"), let r = Int(n.dropFirst()), r >= 0, r <= 30 { return cpu.x[r] }
        if let i = SystemRegisters.index(named: name.uppercased()) { return cpu.readSystemRegister(i) }
        return nil
    }

    func systemRegisters(_ group: String?) {
        let names: [String]
        if let group, group.lowercased() == "all" {
            names = SystemRegisters.table.map(\.name)
        } else if let group {
            names = SystemRegisters.table.map(\.name).filter { $0.contains(group.uppercased()) }
        } else {
            names = GDBMachineTarget.defaultSystemRegisters
        }
        if names.isEmpty { return say("no system register matches '\(group ?? "")'") }
        say(names.map { "\($0.padded(18)) \(hex16(debugger.systemRegister(cpu, $0)))" }.joined(separator: "\n"))
    }

    func systemRegister(_ args: [String]) {
        guard let name = args.first?.uppercased(), let i = SystemRegisters.index(named: name) else {
            return say("usage: sysreg NAME [= VALUE] (names: sysregs all)")
        }
        if args.count == 3, args[1] == "=", let v = parseNumber(Substring(args[2])) {
            cpu.writeSystemRegister(i, v)
        } else if args.count != 1 {
            return say("usage: sysreg NAME [= VALUE]")
        }
        say("\(name) = \(hex(cpu.readSystemRegister(i)))")
    }

    func set(_ args: [String]) {
        guard args.count == 3, args[1] == "=", let v = parseNumber(Substring(args[2])) else {
            return say("usage: set REG = VALUE")
        }
        let n = args[0].lowercased()
        switch n {
        case "pc": cpu.pc = v
        case "sp": cpu.x[Int(RegisterIndex.sp)] = v
        case "nzcv": cpu.nzcv = UInt32(truncatingIfNeeded: v) & 0xF000_0000
        default:
            guard n.hasPrefix("x"), let r = Int(n.dropFirst()), (0...30).contains(r) else {
                return say("set: x0-x30, sp, pc or nzcv (system registers: sysreg NAME = VALUE)")
            }
            cpu.x[r] = v
        }
        say("\(n) = \(hex(v))")
    }

    // MARK: memory

    func examine(_ format: String, _ args: [String]) {
        var digits = "", kind: Character = "x"
        for ch in format { if ch.isNumber { digits.append(ch) } else { kind = ch } }
        let count = max(1, Int(digits) ?? 1)
        guard let first = args.first, let a = address(first), count <= 4096 else {
            return say("usage: x/NF ADDR [phys] [cached|memory]")
        }
        let physical = args.contains("phys")
        let cached = !args.contains("memory")
        let size = kind == "g" ? 8 : kind == "b" ? 1 : 4
        guard let bytes = debugger.read(cpu: cpu, a, count: count * size, physical: physical, cached: cached) else {
            return say("cannot read \(hex(a)) (\(physical ? "not RAM or a device" : "no translation"))")
        }
        var lines: [String] = []
        for k in 0..<count {
            let chunk = Array(bytes[k * size..<(k + 1) * size])
            let value = chunk.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let at = a &+ UInt64(k * size)
            if kind == "i" {
                let w = UInt32(truncatingIfNeeded: value)
                lines.append("\(hex(at)) \(debugger.describe(at, cpu: cpu)): \(hex8(w))  \(Disassembler.text(w, at: at, symbol: { self.debugger.symbols.describe($0, inVM: self.debugger.inVM(self.cpu)) }).map { $0 == "\t" ? " " : $0 }.reduce("") { $0 + String($1) })")
            } else {
                let text = size == 8 ? hex16(value) : size == 4 ? hex8(UInt32(value)) : String(format2(value))
                if k % (16 / size) == 0 { lines.append("\(hex(at)):") }
                lines[lines.count - 1] += " " + text
            }
        }
        say(lines.joined(separator: "\n") + (cached ? "" : "   (memory at the PoC)"))
    }

    func format2(_ v: UInt64) -> String { v < 16 ? "0" + String(v, radix: 16) : String(v, radix: 16) }

    func translate(_ args: [String]) {
        guard let first = args.first, let va = address(first) else { return say("usage: translate VA [el1|el2|s12|s2]") }
        var el = cpu.currentEL
        if args.count > 1 {
            switch args[1].lowercased() {
            case "el1", "s12": el = 1
            case "el2": el = 2
            case "s2": return translateStage2(va)
            default: return say("usage: translate VA [el1|el2|s12|s2]")
            }
        }
        let steps = cpu.describeWalk(va, el: max(el, 1))
        var lines: [String] = []
        if steps.isEmpty { lines.append("stage 1 is off for EL\(max(el, 1)): VA = IPA") }
        for s in steps {
            var l = "level \(s.level): descriptor at \(hex(s.descriptorAddress))"
            if let pa = s.descriptorPA, pa != s.descriptorAddress { l += " (PA \(hex(pa)))" }
            if let d = s.descriptor { l += " = \(hex16(d)) " + describeDescriptor(d, level: s.level) } else { l += ": unreadable" }
            lines.append(l)
        }
        if let pa = cpu.inspectTranslate(va, el: max(el, 1)) {
            lines.append("\(hex(va)) -> PA \(hex(pa))")
        } else {
            lines.append("\(hex(va)): the walk faults")
        }
        let cached = cpu.tlbEntries.filter { va >= $0.inputBase && va - $0.inputBase < $0.size }
        lines.append(cached.isEmpty ? "TLB: no entry for \(hex(va))" : "TLB:")
        for e in cached { lines.append("  " + describeTLBEntry(e)) }
        say(lines.joined(separator: "\n"))
    }

    /// `translate IPA s2`: the stage 2 walk from VTTBR_EL2 and VTCR_EL2,
    /// and the TLB's stage 2 and combined entries for the IPA.
    func translateStage2(_ ipa: UInt64) {
        let vmid = (debugger.systemRegister(cpu, "VTTBR_EL2") >> 48) & 0xFFFF
        var lines = ["stage 2 of VMID \(vmid) (VTTBR_EL2 \(hex(debugger.systemRegister(cpu, "VTTBR_EL2")))):"]
        let steps = cpu.describeStage2Walk(ipa)
        if steps.isEmpty { lines.append("VTCR_EL2 does not describe a walk for \(hex(ipa))") }
        for s in steps {
            var l = "level \(s.level): descriptor at PA \(hex(s.descriptorAddress))"
            if let d = s.descriptor { l += " = \(hex16(d)) " + describeStage2Descriptor(d, level: s.level) } else { l += ": unreadable" }
            lines.append(l)
        }
        let cached = cpu.tlbEntries.filter { $0.vmid == vmid && $0.kind == .stage2 && ipa >= $0.inputBase && ipa - $0.inputBase < $0.size }
        lines.append(cached.isEmpty ? "TLB: no stage 2 entry for IPA \(hex(ipa))" : "TLB:")
        for e in cached { lines.append("  " + describeTLBEntry(e)) }
        say(lines.joined(separator: "\n"))
    }

    func describeStage2Descriptor(_ d: UInt64, level: Int) -> String {
        if d & 1 == 0 { return "invalid" }
        if d & 2 != 0 && level < 3 { return "table -> \(hex(d & 0x0000_FFFF_FFFF_F000))" }
        if d & 2 == 0 && level == 3 { return "reserved" }
        return (level == 3 ? "page" : "block") + " -> \(hex(d & 0x0000_FFFF_FFFF_F000)) MemAttr \(hex((d >> 2) & 15)) S2AP \((d >> 6) & 3) SH \((d >> 8) & 3) AF \((d >> 10) & 1) XN \((d >> 54) & 1)"
    }

    func describeDescriptor(_ d: UInt64, level: Int) -> String {
        if d & 1 == 0 { return "invalid" }
        if d & 2 != 0 && level < 3 { return "table -> \(hex(d & 0x0000_FFFF_FFFF_F000))" }
        if d & 2 == 0 && level == 3 { return "reserved" }
        let ap = (d >> 6) & 3, sh = (d >> 8) & 3
        return (level == 3 ? "page" : "block") + " -> \(hex(d & 0x0000_FFFF_FFFF_F000)) AttrIndx \((d >> 2) & 7) AP \(ap) SH \(sh) AF \((d >> 10) & 1) nG \((d >> 11) & 1) PXN \((d >> 53) & 1) UXN \((d >> 54) & 1)"
    }

    func describeTLBEntry(_ e: TLBEntry) -> String {
        "\(e.regime) \(e.kind) VMID \(e.vmid) ASID \(e.asid)\(e.global ? " global" : "") \(hex(e.inputBase)) -> \(hex(e.outputBase)) size \(hex(e.size)) level \(e.level)"
    }

    func tlb(_ args: [String]) {
        var c = cpu, vmid: UInt16? = nil, asid: UInt16? = nil
        var i = 0
        while i + 1 < args.count {
            guard let v = parseNumber(Substring(args[i + 1])) else { return say("usage: tlb [cpu N] [vmid V] [asid A]") }
            switch args[i] {
            case "cpu": guard v < board.cpus.count else { return say("no cpu \(v)") }; c = board.cpus[Int(v)]
            case "vmid": vmid = UInt16(truncatingIfNeeded: v)
            case "asid": asid = UInt16(truncatingIfNeeded: v)
            default: return say("usage: tlb [cpu N] [vmid V] [asid A]")
            }
            i += 2
        }
        let entries = c.tlbEntries.filter { (vmid == nil || $0.vmid == vmid) && (asid == nil || $0.asid == asid) }
        say("cpu\(c.index) TLB: \(entries.count) entries" + (entries.isEmpty ? "" : "\n")
            + entries.map { "  " + describeTLBEntry($0) }.joined(separator: "\n"))
    }

    func icache(_ args: [String]) {
        var c = cpu
        var rest = args
        if rest.count >= 2, rest[0] == "cpu", let n = Int(rest[1]), n >= 0, n < board.cpus.count { c = board.cpus[n]; rest.removeFirst(2) }
        guard let ic = c.icache else { return say("cpu\(c.index) has no modelled I-cache (--cache-model off, or --dic 1)") }
        guard let first = rest.first else { return icacheSummary(c, ic) }
        guard let va = address(first) else { return say("usage: icache [cpu N] [ADDR]") }
        guard let pa = c.inspectTranslate(va) else { return say("\(hex(va)): no translation") }
        let line = UInt64(ic.geometry.lineSize)
        let base = va & ~(line - 1), paBase = pa & ~(line - 1)
        guard let slot = ic.lookup(va: base, pa: paBase, vmid: c.currentContext.vmid) else {
            return say("cpu\(c.index) I-cache: no line for VA \(hex(base)) PA \(hex(paBase)) VMID \(c.currentContext.vmid) (\(ic.policy))")
        }
        let bytes = ic.bytes(slot)
        let memory = (try? board.shared.memory.readBytes(paBase, count: Int(line))) ?? []
        var lines = ["cpu\(c.index) I-cache line VA \(hex(base)) PA \(hex(paBase)) VMID \(c.currentContext.vmid) (\(ic.policy)):"]
        var stale = 0
        for k in stride(from: 0, to: Int(line), by: 4) {
            let w = UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 | UInt32(bytes[k + 2]) << 16 | UInt32(bytes[k + 3]) << 24
            let m = memory.count >= k + 4 ? UInt32(memory[k]) | UInt32(memory[k + 1]) << 8 | UInt32(memory[k + 2]) << 16 | UInt32(memory[k + 3]) << 24 : w
            let mark = w == m ? "" : "   STALE: memory holds \(hex8(m))"
            if w != m { stale += 1 }
            lines.append("  \(hex(base + UInt64(k))): \(hex8(w))\(mark)")
        }
        lines.append(stale == 0 ? "  the line matches memory" : "  \(stale) stale words")
        say(lines.joined(separator: "\n"))
    }

    /// `icache [cpu N]`: every valid line, with its VMID, and whether its
    /// words differ from memory (stale with respect to the last writes).
    func icacheSummary(_ c: CPU, _ ic: InstructionCache) {
        let lines = ic.validLines
        var out = ["cpu\(c.index) I-cache (\(ic.geometry), \(ic.policy)): \(lines.count) valid lines"]
        var stale = 0
        for l in lines {
            let memory = (try? board.shared.memory.readBytes(l.pa, count: ic.geometry.lineSize)) ?? []
            let bytes = ic.bytes(l.slot)
            let differs = memory.count == ic.geometry.lineSize && (0..<memory.count).contains { bytes[$0] != memory[$0] }
            if differs { stale += 1 }
            out.append("  set \(l.set) way \(l.way): PA \(hex(l.pa)) VMID \(l.vmid)\(differs ? "  STALE (memory differs)" : "")")
        }
        out.append("  \(stale) line(s) differ from memory")
        say(out.joined(separator: "\n"))
    }

    func dcache(_ args: [String]) {
        guard let caches = board.shared.dataCaches else { return say("the data caches are not modelled (--cache-model off)") }
        guard let first = args.first, let a = address(first) else { return say("usage: dcache ADDR [phys]") }
        let physical = args.contains("phys")
        guard let pa = physical ? a : cpu.inspectTranslate(a) else { return say("\(hex(a)): no translation") }
        let views = caches.lines(holding: pa)
        var lines = ["PA \(hex(pa)): " + (views.isEmpty ? "in no data cache" : "\(views.count) line(s)")]
        for v in views {
            lines.append("  \(v.cpu.map { "cpu\($0) L1D" } ?? "L2") set \(v.set) way \(v.way)\(v.dirty ? " dirty" : " clean")\(v.differsFromMemory ? ", differs from memory" : ", same as memory")")
        }
        // The data caches hold RAM only: coherentByte reads RAM directly for
        // an uncached line, so it must not be asked about any other address.
        if board.shared.memory.isRAM(pa, 8) {
            let cached = (0..<8).map { caches.coherentByte(pa + UInt64($0)) }
            let memory = (try? board.shared.memory.readBytes(pa, count: 8)) ?? []
            lines.append("  cached \(hexBytes(cached)), memory \(hexBytes(memory))")
        } else {
            lines.append("  not RAM: no cached bytes")
        }
        say(lines.joined(separator: "\n"))
    }

    func traceCommand(_ args: [String]) {
        guard let onOff = args.first, onOff == "on" || onOff == "off" else { return say("usage: trace on|off [insn|exceptions|mmu|tlbi|cache]") }
        var set: MachineDebugger.TraceSet = []
        for w in args.dropFirst() {
            guard let s = MachineDebugger.TraceSet.names.first(where: { $0.0 == w })?.1 else { return say("unknown trace '\(w)'") }
            set.insert(s)
        }
        if args.count == 1 { set = [.insn, .exceptions, .mmu, .tlbi, .cache] }
        if onOff == "on" { debugger.trace.formUnion(set) } else { debugger.trace.subtract(set) }
        say("tracing: " + MachineDebugger.TraceSet.names.filter { debugger.trace.contains($0.1) }.map(\.0).joined(separator: ", "))
    }
}

extension String {
    func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    func replacingPrefix(_ p: String) -> String { hasPrefix(p) ? String(dropFirst(p.count)) : self }
}

/// Ctrl-C while the machine runs under the console.
nonisolated(unsafe) public var consoleInterruptCount: Int32 = 0
func consoleInterrupted() -> Bool { consoleInterruptCount != 0 }
