import ELF
import Memory

/// Loads a guest ELF as QEMU's `-kernel` does for an ELF file: every PT_LOAD
/// segment at its physical address, zero-filled from p_filesz to p_memsz,
/// and the boot CPU started at e_entry with X0 = 0 (no device tree for ELF
/// images, as QEMU 7.2 gives none).
public enum GuestLoader {
    /// Returns the highest address the image occupies (exclusive).
    @discardableResult
    public static func load(_ image: ELFImage, into board: Board) throws(ELFError) -> UInt64 {
        try checkSegments(image, fitIn: [board.ramRange])
        var end: UInt64 = 0
        for s in image.segments {
            do {
                try board.memory.writeBytes(s.physicalAddress, s.data)
                let bss = s.memorySize - UInt64(s.data.count)
                if bss > 0 {
                    try board.memory.fill(s.physicalAddress + UInt64(s.data.count), count: Int(bss), byte: 0)
                }
            } catch {
                throw .segmentOutsideMemory(path: image.path, address: s.physicalAddress, size: s.memorySize)
            }
            end = max(end, s.physicalAddress + s.memorySize)
        }
        start(board, entry: image.entry)
        return end
    }

    /// Resets the CPUs as the boot code hands them over: the boot CPU at
    /// `entry` with every register 0, the others waiting for PSCI CPU_ON.
    /// KernelLoader sets x0 afterwards for Images and raw binaries.
    public static func start(_ board: Board, entry: UInt64) {
        let boot = board.cpus[0]
        boot.reset(entry: entry, el: board.configuration.bootEL)
        for cpu in board.cpus.dropFirst() {
            cpu.reset(entry: 0, el: board.configuration.bootEL)
            cpu.poweredOff = true
        }
    }
}
