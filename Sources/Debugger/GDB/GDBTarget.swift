// What the GDB stub needs from the machine: the machine implements
// GDBTarget and knows nothing of packets. The stub speaks GDB's remote serial
// protocol (GDB manual, appendix "GDB Remote Serial Protocol"; comments in
// GDB/ cite its sections by title, since their numbers change between
// editions of the manual).

/// The `type` field of `Z`/`z` packets (GDB manual, "Packets", `Z type,addr,kind`).
public enum GDBBreakpointKind: Int { case software = 0, hardware = 1, writeWatch = 2, readWatch = 3, accessWatch = 4 }

/// Why the machine stopped; each case has its own stop reply
/// (GDB manual, "Stop Reply Packets").
public enum GDBStop: Equatable {
    case trap                                  // single step done or breakpoint hit (SIGTRAP)
    case watchpoint(GDBBreakpointKind, address: UInt64)
    case interrupted                           // Ctrl-C (SIGINT)
    case exited(code: Int32)                   // the guest exited (W packet)
}

public protocol GDBTarget: AnyObject {
    /// Physical CPUs; GDB sees each as a thread, thread id = cpu index + 1.
    var cpuCount: Int { get }
    /// System registers exposed after the core and fpu registers, in order (name, size in bits: 64).
    var systemRegisterNames: [String] { get }
    /// Little-endian bytes of register `number` of `cpu` in GDB numbering (GDBRegisters), nil if unavailable.
    func readRegister(cpu: Int, number: Int) -> [UInt8]?
    func writeRegister(cpu: Int, number: Int, bytes: [UInt8]) -> Bool
    /// Virtual addresses, through `cpu`'s current translation regime, without side effects on caches or TLBs.
    func readMemory(cpu: Int, address: UInt64, length: Int) -> [UInt8]?
    func writeMemory(cpu: Int, address: UInt64, bytes: [UInt8]) -> Bool
    func insertBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool
    func removeBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool
    /// Runs until something stops the machine. `stepCPU` non-nil: execute exactly one instruction on that CPU
    /// (the others do not run). `interrupted` is polled often while running and returns true when the debugger
    /// sent Ctrl-C; each call is one non-blocking read of the socket, so poll every few thousand instructions
    /// rather than every one. Returns the CPU that stopped and why.
    func resume(stepCPU: Int?, interrupted: () -> Bool) -> (cpu: Int, stop: GDBStop)
    /// `monitor CMD` text output (may be multi-line).
    func monitor(_ command: String) -> String
}
