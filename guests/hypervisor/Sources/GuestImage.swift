// GuestImage.swift - the VMM's loader: reads the guest ELF through
// semihosting file calls (SYS_OPEN, SYS_FLEN, SYS_READ), checks it as the
// emulator's own loader does (Sources/ELF), and copies its PT_LOAD
// segments into a VM's memory through the hypervisor's cacheable mapping,
// as kvmtool or QEMU copy a kernel into guest RAM.

import HypArch

struct GuestImage {
    var entry: UInt64 = 0
    struct Segment { var address: UInt64; var fileOffset: Int; var fileSize: Int; var memorySize: UInt64 }
    var segments: [Segment] = []
    var bytes: [UInt8] = []
}

private func semihost(_ op: UInt32, _ block: inout [UInt64]) -> Int64 {
    block.withUnsafeMutableBufferPointer { b in
        hyp_semihost(op, UInt64(UInt(bitPattern: b.baseAddress)))
    }
}

/// Reads and checks `path`; a bad file ends the run with the reason.
func readGuestImage(_ path: String, ramBase: UInt64, ramSize: UInt64) -> GuestImage {
    func bad(_ why: String) -> Never { fatal("\(path): \(why)", status: 2) }
    var name = Array(path.utf8)
    name.append(0)
    let fd: Int64 = name.withUnsafeBufferPointer { n in
        var open: [UInt64] = [UInt64(UInt(bitPattern: n.baseAddress)), 1 /* "rb" */, UInt64(n.count - 1)]
        return semihost(0x01, &open)
    }
    if fd < 0 { bad("cannot open file (semihosting SYS_OPEN failed)") }
    var flen: [UInt64] = [UInt64(fd)]
    let length = semihost(0x0C, &flen)
    if length <= 0 { bad(length == 0 ? "empty file" : "cannot read file") }
    var image = GuestImage()
    image.bytes = [UInt8](repeating: 0, count: Int(length))
    let notRead: Int64 = image.bytes.withUnsafeMutableBufferPointer { b in
        var read: [UInt64] = [UInt64(fd), UInt64(UInt(bitPattern: b.baseAddress)), UInt64(length)]
        return semihost(0x06, &read)
    }
    var close: [UInt64] = [UInt64(fd)]
    _ = semihost(0x02, &close)
    if notRead != 0 { bad("cannot read file") }

    let b = image.bytes
    func u16(_ o: Int) -> UInt64 { UInt64(b[o]) | UInt64(b[o + 1]) << 8 }
    func u32(_ o: Int) -> UInt64 { u16(o) | u16(o + 2) << 16 }
    func u64(_ o: Int) -> UInt64 { u32(o) | u32(o + 4) << 32 }
    guard b.count >= 64, b[0] == 0x7F, b[1] == 0x45, b[2] == 0x4C, b[3] == 0x46 else { bad("not an ELF file") }
    guard b[4] == 2 else { bad("not a 64-bit ELF file") }
    guard b[5] == 1 else { bad("not a little-endian ELF file") }
    guard u16(18) == 183 else { bad("not an AArch64 ELF file (machine \(dec(u16(18))))") }
    guard u16(16) == 2 else { bad("not an executable ELF file (type \(dec(u16(16))))") }
    let phoff = u64(32), phentsize = u16(54), phnum = u16(56)
    guard phentsize == 56 || phnum == 0 else { bad("malformed ELF file: program header entry size \(dec(phentsize))") }
    guard phoff < UInt64(b.count), phoff + phnum * 56 <= UInt64(b.count) else {
        bad("truncated file: program headers extend past the end of the file")
    }
    image.entry = u64(24)
    for i in 0..<Int(phnum) {
        let h = Int(phoff) + 56 * i
        guard u32(h) == 1 else { continue }                     // PT_LOAD
        let offset = u64(h + 8), paddr = u64(h + 24), filesz = u64(h + 32), memsz = u64(h + 40)
        guard offset <= UInt64(b.count), filesz <= UInt64(b.count) - offset else {
            bad("truncated file: segment at \(hex(paddr)) extends past the end of the file")
        }
        guard memsz >= filesz else { bad("segment at \(hex(paddr)): memory size below file size") }
        guard paddr >= ramBase, memsz <= ramSize, paddr - ramBase <= ramSize - memsz else {
            bad("segment at \(hex(paddr)) (\(hex(memsz)) bytes) lies outside the VM's RAM [\(hex(ramBase)), \(hex(ramBase + ramSize)))")
        }
        for s in image.segments where paddr < s.address + s.memorySize && s.address < paddr + memsz {
            bad("segments at \(hex(s.address)) and \(hex(paddr)) overlap")
        }
        image.segments.append(.init(address: paddr, fileOffset: Int(offset), fileSize: Int(filesz), memorySize: memsz))
    }
    if image.segments.isEmpty { bad("no loadable (PT_LOAD) segment") }
    guard image.entry >= ramBase, image.entry < ramBase + ramSize else {
        bad("entry point \(hex(image.entry)) lies outside the VM's RAM")
    }
    return image
}
