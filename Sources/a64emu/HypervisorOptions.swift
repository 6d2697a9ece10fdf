// HypervisorOptions.swift - `a64emu run --hyp`: boot the mini-hypervisor
// (guests/hypervisor, built as build/guests/hypervisor/hyp.img) at EL2 and
// hand it these options and the guest's name on the semihosting command
// line, where it reads them (guests/hypervisor/Sources/Options.swift checks
// them: a bad value ends the run with its message and status 2).  The same
// words work on QEMU through -semihosting-config arg=...

import ArgumentParser
import Foundation

struct HypervisorOptions: ParsableArguments {
    @Flag(name: .customLong("hyp"), help: "Run GUEST in a VM of the mini-hypervisor, booted at EL2 (implies --el 2 and, unless given, --cache-model on).")
    var enabled = false

    @Option(name: .customLong("hypervisor"), help: "The hypervisor to boot with --hyp (default: build/guests/hypervisor/hyp.img of this build).")
    var path: String?

    @Option(help: "vCPUs per VM (hypervisor option).")
    var vcpus: Int?

    @Option(help: "VMs, each running GUEST (hypervisor option).")
    var vms: Int?

    @Option(help: "vhe (default: everything at EL2, E2H = 1) or nvhe (host at EL1, HVC into EL2), hypervisor option.")
    var mode: String?

    @Option(help: "pinned (default), round-robin or migrate: how vCPUs share the physical CPUs (hypervisor option).")
    var sched: String?

    @Option(help: "Timer ticks per time slice, 0 (default) = a vCPU runs until it exits (hypervisor option).")
    var slice: UInt64?

    @Option(name: .customLong("vmid-bits"), help: "8 or 16 (default, at most what the CPU has), hypervisor option.")
    var vmidBits: Int?

    @Option(name: .customLong("vmid-limit"), help: "Use VMIDs 1 to N only, to force VMID rollovers (hypervisor option).")
    var vmidLimit: Int?

    @Option(help: "auto (default: use FEAT_S2FWB when the CPU has it, as KVM does) or off, hypervisor option.")
    var s2fwb: String?

    @Flag(name: .customLong("nested"), help: "Boot GUEST at virtual EL2, as a guest hypervisor (HCR_EL2.NV, NV1): the mini-hypervisor emulates its EL2, builds shadow stage 2s for its L2 guests and emulates its TLBIs (hypervisor option).")
    var nested = false

    @Option(name: .customLong("without-fix"), help: "Turn off one of KVM's fixes to watch its bug (repeatable; --list-fixes names them), hypervisor option.")
    var withoutFix: [String] = []

    @Flag(name: .customLong("list-fixes"), help: "Print the hypervisor's fixes and the KVM patches they come from.")
    var listFixes = false

    /// Whether any hypervisor option was given (they need --hyp).
    var anyGiven: Bool {
        path != nil || vcpus != nil || vms != nil || mode != nil || sched != nil || slice != nil
            || vmidBits != nil || vmidLimit != nil || s2fwb != nil || !withoutFix.isEmpty || listFixes || nested
    }

    /// The hypervisor's words, as Options.swift reads them (after argv[0]).
    /// `trace`: the hypervisor prints a line per exit and per map, TLBI, IC
    /// and DC it does (`a64emu run --trace hyp`).
    func words(guest: String?, trace: Bool = false) -> [String] {
        var w: [String] = []
        if let vcpus { w += ["--vcpus", String(vcpus)] }
        if let vms { w += ["--vms", String(vms)] }
        if let mode { w += ["--mode", mode] }
        if let sched { w += ["--sched", sched] }
        if let slice { w += ["--slice", String(slice)] }
        if let vmidBits { w += ["--vmid-bits", String(vmidBits)] }
        if let vmidLimit { w += ["--vmid-limit", String(vmidLimit)] }
        if let s2fwb { w += ["--s2fwb", s2fwb] }
        if nested { w.append("--nested") }
        for f in withoutFix { w += ["--without-fix", f] }
        if listFixes { w.append("--list-fixes") }
        if trace { w.append("--trace") }
        if let guest { w.append(guest) }
        return w
    }

    /// hyp.img: --hypervisor, $A64EMU_HYPERVISOR, or build/guests/hypervisor/
    /// in the first folder above this executable (or the current folder)
    /// that has one.
    func resolvedImage() throws -> String {
        if let path { return path }
        if let env = ProcessInfo.processInfo.environment["A64EMU_HYPERVISOR"] { return env }
        let relative = "build/guests/hypervisor/hyp.img"
        var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: relative) { return relative }
        throw ValidationError("--hyp: no hypervisor image found (build it with `make guests`, or give --hypervisor PATH)")
    }
}

/// `path` relative to `root` when it lies below it (symlinks resolved), so
/// the hypervisor can open it through semihosting, which is confined there.
func path(_ path: String, relativeTo root: String) -> String? {
    let r = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    let p = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard p.hasPrefix(r + "/") else { return nil }
    return String(p.dropFirst(r.count + 1))
}
