#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Machine

/// `a64emu dumpdtb FILE`: the device tree a kernel would get, written out as
/// QEMU's `-machine dumpdtb=FILE` writes its own (compare them with
/// tools/dtb_compare.py, `dtc -I dtb -O dts FILE` to read one).
struct DumpDTB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dumpdtb",
        abstract: "Write the device tree (DTB) that `run` gives a kernel with the same options to FILE.",
        discussion: """
            With --kernel, the DTB is exactly the one `run` would place for that
            kernel (the initrd's addresses depend on the kernel's size); without
            it, the one for a kernel that ends below the initrd's usual place.
            Exit status 0, or 2 for bad input.
            """)

    @Argument(help: "Where to write the DTB ('-' for standard output).")
    var output: String

    @Option(name: .long, help: "Guest RAM at 0x40000000, e.g. 256M, 1G (a multiple of 4K).")
    var memory: String = "256M"

    @Option(name: .long, help: "Exception level the boot CPU starts at: 1 (PSCI over HVC) or 2 (PSCI over SMC).")
    var el: UInt8 = 1

    @Option(name: [.customLong("smp"), .customLong("cpus")], help: "Number of CPUs.")
    var smp: Int = 1

    @Option(name: .long, help: "Kernel command line (/chosen/bootargs).")
    var append: String?

    @Option(name: .long, help: "Initial RAM disk (its place and size go in /chosen).")
    var initrd: String?

    @Option(name: .long, help: "The kernel `run` would boot (ELF, Linux Image or raw binary).")
    var kernel: String?

    func validate() throws {
        guard parseSize(memory) != nil else {
            throw ValidationError("--memory \(memory): expected a size such as 256M or 1G, a multiple of 4K, 1M to 256G")
        }
        guard el == 1 || el == 2 else {
            throw ValidationError("--el \(el): expected 1 or 2 (EL3 is not implemented)")
        }
        guard smp >= 1 && smp <= Board.MemoryMap.maxCPUs else {
            throw ValidationError("--smp \(smp): expected 1 to \(Board.MemoryMap.maxCPUs) CPUs")
        }
    }

    func run() throws {
        var config = Board.Configuration()
        config.ramSize = parseSize(memory)!
        config.bootEL = el
        config.cpuCount = smp
        let blob: [UInt8]
        do {
            blob = try KernelLoader.plan(kernelPath: kernel, initrdPath: initrd, bootargs: append,
                                         configuration: config).deviceTreeBlob
        } catch {
            fputs("\(error.description)\n", stderr)
            throw ExitCode(ExitStatus.badInput)
        }
        if let reason = writeFile(output, blob) {
            fputs("a64emu: \(output): \(reason)\n", stderr)
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

/// Writes `bytes` to `path` ("-": standard output); the reason on failure.
func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
    let fd = path == "-" ? STDOUT_FILENO : open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return "cannot create file: \(String(cString: strerror(errno)))" }
    defer { if fd != STDOUT_FILENO { close(fd) } }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        if n < 0 {
            if errno == EINTR { continue }
            return "cannot write file: \(String(cString: strerror(errno)))"
        }
        done += n
    }
    return nil
}
