import A64

/// The board's PSCI 1.1 firmware (Arm DEN0022, "Arm Power State Coordination
/// Interface"), reached over HVC or SMC as on QEMU -M virt. Function IDs and
/// return codes are those of DEN0022 section 5; SMC32 and SMC64 forms are
/// both accepted where the function takes addresses.
public final class PSCI {
    public let conduit: FirmwareConduit
    let cpus: [CPU]
    /// The EL a CPU turned on by CPU_ON starts at: the highest non-secure EL
    /// the board provides (DEN0022 5.6: "the highest Exception level ... on
    /// the calling core"; QEMU does the same).
    let entryEL: UInt8
    /// Called when CPU_ON powers a CPU up (the board resets its GIC CPU
    /// interface, as QEMU does).
    var powerOnHook: ((CPU) -> Void)?
    /// Set by SYSTEM_RESET: the guest asked for a reboot.
    public private(set) var resetRequested = false

    enum Function: UInt32 {
        case version = 0x8400_0000
        case cpuSuspend = 0x8400_0001, cpuSuspend64 = 0xC400_0001
        case cpuOff = 0x8400_0002
        case cpuOn = 0x8400_0003, cpuOn64 = 0xC400_0003
        case affinityInfo = 0x8400_0004, affinityInfo64 = 0xC400_0004
        case migrateInfoType = 0x8400_0006
        case systemOff = 0x8400_0008
        case systemReset = 0x8400_0009
        case features = 0x8400_000A
    }

    enum Status: Int64 {
        case success = 0, notSupported = -1, invalidParameters = -2, denied = -3
        case alreadyOn = -4, onPending = -5, internalFailure = -6, notPresent = -7
    }

    static let version: UInt64 = 0x0001_0001          // PSCI 1.1
    /// MIGRATE_INFO_TYPE 2: no Trusted OS, migration not required.
    static let migrateInfoType: UInt64 = 2

    init(cpus: [CPU], conduit: FirmwareConduit, bootEL: UInt8) {
        self.cpus = cpus
        self.conduit = conduit
        self.entryEL = bootEL
    }

    /// One call: W0 the function ID, X1-X3 arguments, X0 the result.
    /// Returns false for an ID outside PSCI's ranges (not a firmware call).
    func call(_ cpu: CPU) -> Bool {
        let id = UInt32(truncatingIfNeeded: cpu.register(0))
        let inPSCIRange = (id & 0xBFFF_FFE0) == 0x8400_0000
        guard inPSCIRange else { return false }
        let result: UInt64
        switch Function(rawValue: id) {
        case .version:
            result = Self.version
        case .cpuSuspend, .cpuSuspend64:
            // Every power state is a standby state here: like WFI, wake on
            // an interrupt and return SUCCESS.
            if !cpu.hasWakeUpEvent { cpu.waitingForInterrupt = true }
            result = 0
        case .cpuOff:
            cpu.poweredOff = true
            return true
        case .cpuOn, .cpuOn64:
            result = cpuOn(target: cpu.register(1), entry: cpu.register(2), context: cpu.register(3),
                           is64: id == Function.cpuOn64.rawValue)
        case .affinityInfo, .affinityInfo64:
            result = affinityInfo(target: cpu.register(1), level: cpu.register(2))
        case .migrateInfoType:
            result = Self.migrateInfoType
        case .systemOff:
            cpu.stopReason = .guestExit(0)
            return true
        case .systemReset:
            resetRequested = true
            cpu.stopReason = .guestExit(0)
            return true
        case .features:
            result = features(UInt32(truncatingIfNeeded: cpu.register(1)))
        case nil:
            result = status(.notSupported)
        }
        cpu.setRegister(0, result)
        return true
    }

    func status(_ s: Status) -> UInt64 { UInt64(bitPattern: s.rawValue) }

    /// The CPU whose MPIDR affinity fields (Aff3..Aff0) equal `mpidr`'s.
    func cpu(affinity mpidr: UInt64) -> CPU? {
        let mask: UInt64 = 0xFF_00FF_FFFF
        return cpus.first { $0.mpidr & mask == mpidr & mask }
    }

    func cpuOn(target: UInt64, entry: UInt64, context: UInt64, is64: Bool) -> UInt64 {
        guard let t = cpu(affinity: target) else { return status(.invalidParameters) }
        guard t.poweredOff else { return status(.alreadyOn) }
        let address = is64 ? entry : entry & 0xFFFF_FFFF
        t.reset(entry: address, el: entryEL)
        t.setRegister(0, is64 ? context : context & 0xFFFF_FFFF)
        t.poweredOff = false
        powerOnHook?(t)
        return status(.success)
    }

    /// AFFINITY_INFO: 0 ON, 1 OFF (only affinity level 0 is supported).
    func affinityInfo(target: UInt64, level: UInt64) -> UInt64 {
        guard level == 0, let t = cpu(affinity: target) else { return status(.invalidParameters) }
        return t.poweredOff ? 1 : 0
    }

    /// PSCI_FEATURES: 0 for an implemented function (CPU_SUSPEND: the
    /// original power_state format, no OS-initiated mode), NOT_SUPPORTED
    /// otherwise.
    func features(_ id: UInt32) -> UInt64 {
        guard Function(rawValue: id) != nil else { return status(.notSupported) }
        return 0
    }
}
