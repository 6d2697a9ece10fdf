// GuestDeviceTree.swift - the device tree a VM's boot vCPU finds in x0 (as
// a kernel would under KVM): its memory, its vCPUs with PSCI over HVC, the
// UART and the generic timer, in the Devicetree Specification's flattened
// format (v0.4 §5), placed at the base of the VM's RAM as QEMU places one.

import HypArch

struct FlattenedDeviceTree {
    private var structure: [UInt8] = []
    private var strings: [UInt8] = []
    /// Property names already in `strings` (a Dictionary would pull in the
    /// standard library's floating-point hash-table sizing, which a
    /// -mgeneral-regs-only build cannot have).
    private var names: [(String, Int)] = []

    private mutating func be32(_ v: UInt32) {
        structure += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
    private mutating func pad() { while structure.count % 4 != 0 { structure.append(0) } }

    mutating func begin(_ name: String) {
        be32(1)
        structure += Array(name.utf8)
        structure.append(0)
        pad()
    }
    mutating func end() { be32(2) }

    mutating func property(_ name: String, _ value: [UInt8]) {
        var offset = -1
        for (n, o) in names where n == name { offset = o }
        if offset < 0 {
            offset = strings.count
            names.append((name, offset))
            strings += Array(name.utf8)
            strings.append(0)
        }
        be32(3)
        be32(UInt32(value.count))
        be32(UInt32(offset))
        structure += value
        pad()
    }
    mutating func property(_ name: String, cells: [UInt32]) {
        var v: [UInt8] = []
        for c in cells { v += [UInt8(c >> 24), UInt8((c >> 16) & 0xFF), UInt8((c >> 8) & 0xFF), UInt8(c & 0xFF)] }
        property(name, v)
    }
    mutating func property(_ name: String, strings list: [String]) {
        var v: [UInt8] = []
        for s in list { v += Array(s.utf8); v.append(0) }
        property(name, v)
    }
    mutating func property(_ name: String, string: String) { property(name, strings: [string]) }

    /// The blob: header, empty memory reservation map, structure, strings.
    func blob() -> [UInt8] {
        var s = structure
        s += [0, 0, 0, 9]                                  // FDT_END
        let structOffset = 40 + 16
        let stringsOffset = structOffset + s.count
        let total = stringsOffset + strings.count
        var out: [UInt8] = []
        func w(_ v: Int) { out += [UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        w(0xD00D_FEED); w(total); w(structOffset); w(stringsOffset); w(40)
        w(17); w(16); w(0); w(strings.count); w(s.count)
        out += [UInt8](repeating: 0, count: 16)
        out += s
        out += strings
        return out
    }
}

/// The VM's tree: what the board's own tree says, for the VM's resources.
func guestDeviceTree(vcpus: [VCPU]) -> [UInt8] {
    var t = FlattenedDeviceTree()
    t.begin("")
    t.property("compatible", string: "linux,dummy-virt")
    t.property("#address-cells", cells: [2])
    t.property("#size-cells", cells: [2])
    t.property("model", string: "a64emu mini-hypervisor VM")
    t.begin("memory@40000000")
    t.property("device_type", string: "memory")
    t.property("reg", cells: [0, UInt32(guestRAMBase), 0, UInt32(guestRAMSize)])
    t.end()
    t.begin("cpus")
    t.property("#address-cells", cells: [1])
    t.property("#size-cells", cells: [0])
    for v in vcpus {
        t.begin("cpu@" + hex(v.mpidr & 0xFF_FFFF).dropFirst(2))
        t.property("device_type", string: "cpu")
        t.property("compatible", string: "arm,arm-v8")
        t.property("reg", cells: [UInt32(v.mpidr & 0xFF_FFFF)])
        t.property("enable-method", string: "psci")
        t.end()
    }
    t.end()
    t.begin("psci")
    t.property("compatible", strings: ["arm,psci-1.0", "arm,psci-0.2"])
    t.property("method", string: "hvc")
    t.end()
    t.begin("pl011@9000000")
    t.property("compatible", strings: ["arm,pl011", "arm,primecell"])
    t.property("reg", cells: [0, UInt32(guestUARTBase), 0, 0x1000])
    t.end()
    t.begin("timer")
    t.property("compatible", string: "arm,armv8-timer")
    // PPIs 13, 14, 11, 10 (secure phys, phys, virt, hyp phys), level-high.
    t.property("interrupts", cells: [1, 13, 0x104, 1, 14, 0x104, 1, 11, 0x104, 1, 10, 0x104])
    t.property("always-on", [])
    t.end()
    t.begin("chosen")
    t.property("stdout-path", string: "/pl011@9000000")
    t.end()
    t.end()
    return t.blob()
}
