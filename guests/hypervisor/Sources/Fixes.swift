// Fixes.swift - KVM's historical cache and TLB maintenance fixes (the seed
// patches of arch-notes.md §1), each a switch that is on unless
// `--without-fix NAME` turns it off, so the original bug can be watched.

enum Fix: Int, CaseIterable {
    case vpiptICacheOnUnmap
    case localTLBIOnVCPUSwitch
    case cleanOnFaultWhenCachesOff
    case trapVMRegsUntilCachesOn
    case icacheInvalOnVCPUSwitch
    case shadowStage2TLBI

    var name: String {
        switch self {
        case .vpiptICacheOnUnmap: return "vpipt-icache-on-unmap"
        case .localTLBIOnVCPUSwitch: return "local-tlbi-on-vcpu-switch"
        case .cleanOnFaultWhenCachesOff: return "clean-on-fault-when-caches-off"
        case .trapVMRegsUntilCachesOn: return "trap-vm-regs-until-caches-on"
        case .icacheInvalOnVCPUSwitch: return "icache-inval-on-vcpu-switch"
        case .shadowStage2TLBI: return "shadow-s2-tlbi"
        }
    }

    /// The seed patch and its subject line (arch-notes.md §1).
    var origin: String {
        switch self {
        case .vpiptICacheOnUnmap:
            return "seed 000: arm64: KVM: Add support for VPIPT I-caches (v4.12)"
        case .localTLBIOnVCPUSwitch:
            return "seed 001: arm/arm64: KVM: Perform local TLB invalidation when multiplexing vcpus on a single CPU (v4.9)"
        case .cleanOnFaultWhenCachesOff:
            return "seed 002: arm64: KVM: flush VM pages before letting the guest enable caches (v3.15): clean to PoC on stage-2 fault"
        case .trapVMRegsUntilCachesOn:
            return "seed 002: arm64: KVM: trap VM system registers until MMU and caches are ON (v3.15), set/way emulation (v4.0)"
        case .icacheInvalOnVCPUSwitch:
            return "seed 003: KVM: arm64: Ensure I-cache isolation between vcpus of a same VM (v5.12)"
        case .shadowStage2TLBI:
            return "seed 004: KVM: arm64: nv: Handle shadow stage 2 page faults, Add emulation for TLBI IPAS2E1IS/VMALLS12E1IS/ALLE1IS (v6.11), --nested"
        }
    }

    static func named(_ name: String) -> Fix? {
        for f in Fix.allCases where f.name == name { return f }
        return nil
    }
}

struct FixSet {
    private var off: UInt32 = 0
    func isOn(_ f: Fix) -> Bool { off & (1 << UInt32(f.rawValue)) == 0 }
    mutating func turnOff(_ f: Fix) { off |= 1 << UInt32(f.rawValue) }
}
