// Console.swift - the hypervisor's output: lines on the UART (putchar from
// guests/lib), one CPU at a time, and the number formats it prints.

import HypArch

nonisolated(unsafe) var consoleLock: UInt32 = 0

/// Prints one line atomically with respect to the other physical CPUs.
func say(_ line: String) {
    spin_lock(&consoleLock)
    for byte in line.utf8 { _ = putchar(Int32(byte)) }
    _ = putchar(10)
    spin_unlock(&consoleLock)
}

/// A line on the UART, then the machine stops with `status` (semihosting
/// SYS_EXIT, which QEMU and a64emu both turn into their exit status).
func fatal(_ line: String, status: Int32 = 1) -> Never {
    say("hyp: error: " + line)
    hyp_exit(status)
}

func hex(_ v: UInt64) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    var x = v
    repeat {
        out.append(digits[Int(x & 0xF)])
        x >>= 4
    } while x != 0
    return "0x" + String(decoding: out.reversed(), as: UTF8.self)
}

func dec(_ v: Int) -> String {
    if v < 0 { return "-" + dec(-v) }
    var out: [UInt8] = []
    var x = v
    repeat {
        out.append(UInt8(48 + x % 10))
        x /= 10
    } while x != 0
    return String(decoding: out.reversed(), as: UTF8.self)
}

func dec(_ v: UInt64) -> String { dec(Int(v)) }
