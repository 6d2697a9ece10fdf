// DeviceTree.swift - what the hypervisor learns from the device tree the
// boot code passes in x0 (Devicetree Specification v0.4, 5 "Flattened
// Devicetree (DTB) Format"): the RAM ranges and the CPUs' MPIDRs.  Only
// the structure block is read; the tree is not kept.

import HypArch

struct MachineDescription {
    var ramBase: UInt64 = 0
    var ramSize: UInt64 = 0
    var cpuMPIDRs: [UInt64] = []
    var dtbEnd: UInt64 = 0
}

private func be32(_ a: UInt64) -> UInt32 {
    let v = load32(a)
    return v.byteSwapped
}

private func cells(_ a: UInt64, _ n: UInt32) -> UInt64 {
    var v: UInt64 = 0
    for i in 0..<UInt64(n) { v = v << 32 | UInt64(be32(a + 4 * i)) }
    return v
}

/// Reads the DTB at `base`; ends the run with a clear message when there is
/// none (QEMU gives an ELF no device tree: boot hyp.img, the Image).
func readDeviceTree(at base: UInt64) -> MachineDescription {
    guard base != 0, base & 3 == 0, be32(base) == 0xd00d_feed else {
        fatal("no device tree in x0 (boot the hypervisor as an arm64 Image, hyp.img, so the boot code passes one)")
    }
    let total = UInt64(be32(base + 4))
    let structs = base + UInt64(be32(base + 8))
    let strings = base + UInt64(be32(base + 12))
    var m = MachineDescription()
    m.dtbEnd = base + total

    var p = structs
    var depth = 0
    var path: [String] = []
    var addressCells: UInt32 = 2, sizeCells: UInt32 = 2
    var nodeIsCPU = false, nodeIsMemory = false

    func string(at a: UInt64) -> String {
        var bytes: [UInt8] = []
        var q = a
        while load8(q) != 0 { bytes.append(load8(q)); q += 1 }
        return String(decoding: bytes, as: UTF8.self)
    }

    while p < base + total {
        let token = be32(p)
        p += 4
        switch token {
        case 1:                                     // FDT_BEGIN_NODE
            let name = string(at: p)
            p = (p + UInt64(name.utf8.count) + 1 + 3) & ~3
            path.append(name)
            depth += 1
            nodeIsCPU = depth == 3 && path[1] == "cpus" && name.hasPrefix("cpu@")
            nodeIsMemory = depth == 2 && name.hasPrefix("memory")
        case 2:                                     // FDT_END_NODE
            path.removeLast()
            depth -= 1
            nodeIsCPU = false
            nodeIsMemory = false
        case 3:                                     // FDT_PROP
            let len = UInt64(be32(p))
            let name = string(at: strings + UInt64(be32(p + 4)))
            let value = p + 8
            p = (value + len + 3) & ~3
            if depth == 1 && name == "#address-cells" { addressCells = be32(value) }
            if depth == 1 && name == "#size-cells" { sizeCells = be32(value) }
            if nodeIsMemory && name == "reg" && m.ramSize == 0 {
                m.ramBase = cells(value, addressCells)
                m.ramSize = cells(value + 4 * UInt64(addressCells), sizeCells)
            }
            if nodeIsCPU && name == "reg" {
                // /cpus has #address-cells = <1> or <2>: the length tells.
                m.cpuMPIDRs.append(len == 8 ? cells(value, 2) : UInt64(be32(value)))
            }
        case 4:                                     // FDT_NOP
            continue
        case 9:                                     // FDT_END
            p = base + total
        default:
            fatal("device tree at \(hex(base)): bad token \(hex(UInt64(token)))")
        }
    }
    if m.ramSize == 0 { fatal("device tree: no /memory node") }
    if m.cpuMPIDRs.isEmpty { m.cpuMPIDRs = [0] }
    return m
}
