#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Debugger
import Machine

/// `a64emu debug GUEST.elf [run options]`: the machine stopped before its
/// first instruction, under the console (Sources/Debugger/Console).
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Run a guest under the debugger console (commands from the terminal or a pipe; `help` lists them).",
        discussion: "Exit status: the guest's, or 0 after quit.")

    @OptionGroup var options: Run

    @Option(name: .customLong("command-file"), help: "Run these console commands first (one per line), then read the terminal.")
    var commandFile: String?

    func validate() throws { try options.validate() }

    func run() throws {
        let (board, images) = try options.makeBoard()
        let loop = RunLoop(board: board, maxInstructions: options.maxInstructions)
        let symbols = SymbolTable(paths: images)
        symbols.demangle = true
        symbols.splitByVM = options.hyp.enabled
        let debugger = MachineDebugger(board: board, loop: loop, symbols: symbols, output: { fputs($0, stdout); fflush(stdout) })
        debugger.explainStale = options.explainStale
        let console = Console(debugger: debugger, output: { fputs($0, stdout); fflush(stdout) })
        signal(SIGINT) { _ in consoleInterruptCount += 1 }
        print("a64emu debug: \(board.cpus.count) CPU(s), stopped before the first instruction; `help` lists the commands")
        print(console.location())
        var script: [String] = []
        if let commandFile {
            guard let f = fopen(commandFile, "r") else {
                fputs("a64emu: --command-file \(commandFile): \(String(cString: strerror(errno)))\n", stderr)
                throw ExitCode(ExitStatus.badInput)
            }
            var line: UnsafeMutablePointer<CChar>? = nil
            var cap = 0
            while getline(&line, &cap, f) > 0 { script.append(String(cString: line!).trimmingNewline) }
            free(line)
            fclose(f)
        }
        let reader = LineReader()
        while !console.finished {
            let line: String
            if !script.isEmpty {
                line = script.removeFirst()
                print(console.prompt + line)
            } else {
                guard let l = reader.read(prompt: console.prompt) else { break }
                line = l
                if !reader.interactive { print(console.prompt + line) }
            }
            fflush(stdout)
            console.execute(line)
            fflush(stdout)
        }
        throw ExitCode(console.exitStatus)
    }
}

extension String {
    var trimmingNewline: String {
        var s = Substring(self)
        while s.last == "\n" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// `run --gdb`: listen for gdb. With --wait-gdb the machine waits for it
/// before the first instruction; without, it runs (unobserved, at full
/// speed) and stops when gdb attaches. Serves gdb until it detaches (the
/// machine then runs on) or kills.
func serveGDB(_ spec: String, wait: Bool, _ debugger: MachineDebugger) throws -> Int32 {
    let listener: GDBListener
    do { listener = try GDBListener(endpoint: GDBEndpoint.parse(spec)) } catch {
        fputs("a64emu: --gdb \(spec): \(error)\n", stderr)
        return ExitStatus.badInput
    }
    fputs("a64emu: \(wait ? "waiting" : "listening") for gdb on port \(listener.port) (gdb-multiarch: target remote :\(listener.port))\n", stderr)
    var connection: GDBConnection? = nil
    if !wait {
        // Run until gdb connects (polled between rounds of the run loop).
        debugger.loop.observed = false
        var polls = 0
        let outcome = debugger.loop.run {
            polls &+= 1
            if interruptCount != 0 { return true }
            if polls % 8 == 0, let c = try? listener.acceptIfPending() { connection = c; return true }
            return false
        }
        debugger.loop.observed = true
        if connection == nil {
            listener.close()
            if case .stopped(.guestExit(let code)) = outcome { return code }
            fputs("a64emu: stopped before gdb attached: \(outcome)\n", stderr)
            return ExitStatus.stoppedByEmulator
        }
    }
    do {
        if connection == nil { connection = try listener.accept() }
    } catch {
        fputs("a64emu: --gdb: \(error)\n", stderr)
        return ExitStatus.badInput
    }
    listener.close()
    let target = GDBMachineTarget(debugger: debugger)
    var monitorText = ""
    let console = Console(debugger: debugger, output: { monitorText += $0 })
    target.monitorHandler = { command in
        monitorText = ""
        console.execute(command)
        return monitorText
    }
    let end = GDBServer(target: target).serve(connection!)
    connection!.close()
    if end == .detached {
        // gdb let go: the machine runs on without it, at full speed.
        for cpu in debugger.board.cpus { cpu.observer = nil; cpu.observerStopRequested = false }
        debugger.loop.observed = false
        let outcome = debugger.loop.run { interruptCount != 0 }
        if case .stopped(.guestExit(let code)) = outcome { return code }
        fputs("a64emu: stopped after gdb detached: \(outcome)\n", stderr)
        return ExitStatus.stoppedByEmulator
    }
    return 0
}
