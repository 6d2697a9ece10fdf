import ELF

/// The symbols of every loaded ELF (the guest's and, under --hyp, the
/// hypervisor's), for listings, prompts, breakpoints and traces.
public final class SymbolTable {
    public let images: [ELFImage]
    /// The DWARF line tables of those images that have them.
    public let lines: [SourceLines]
    /// Swift names shown demangled and short (the console, traces); off
    /// for listings meant to match llvm-objdump.
    public var demangle = false
    /// Under --hyp the hypervisor (images[0]) and its guest (images[1]) are
    /// linked at the same addresses: code running in a VM (EL1 or EL0 with
    /// HCR_EL2.VM set) is the guest's, everything else the hypervisor's
    /// (its EL2 code, and its EL1 host half in nVHE mode).
    public var splitByVM = false
    /// Exact address -> first symbol name there (for listing headers).
    private var starts: [UInt64: String] = [:]

    public init(images: [ELFImage], lines: [SourceLines] = []) {
        self.images = images
        self.lines = lines
        for image in images {
            for s in image.symbols where starts[s.value] == nil { starts[s.value] = s.name }
        }
    }

    /// The ELF files at `paths` (those that load), with their line tables.
    public convenience init(paths: [String]) {
        self.init(images: paths.compactMap { try? ELFImage.load(path: $0) },
                  lines: paths.compactMap { SourceLines(path: $0) })
    }

    func imagesFor(_ inVM: Bool?) -> [ELFImage] {
        guard splitByVM, let inVM, images.count == 2 else { return images }
        return [images[inVM ? 1 : 0]]
    }

    /// "Exits.swift:34" for an address that has a line table row.
    public func sourceLocation(_ address: UInt64, inVM: Bool? = nil) -> String? {
        let which = splitByVM && lines.count == 2 && inVM != nil ? [lines[inVM! ? 1 : 0]] : lines
        for l in which {
            if let (file, line) = l.location(of: address), line > 0 { return "\(l.shortName(file)):\(line)" }
        }
        return nil
    }

    /// Addresses of "FILE:LINE" (for `break Exits.swift:34`).
    public func addresses(ofSourceLine text: String) -> [UInt64] {
        guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) else { return [] }
        let file = String(text[..<colon])
        return lines.flatMap { $0.addresses(file: file, line: line) }
    }

    /// The symbol that starts at `address`, if any.
    public func exactName(at address: UInt64) -> String? { starts[address] }

    /// "main", "main+0x10" (llvm-objdump's spelling), or nil.
    public func describe(_ address: UInt64, inVM: Bool? = nil) -> String? {
        for image in imagesFor(inVM) {
            if let (mangled, offset) = image.symbolize(address) {
                let name = demangle ? (demangleSwiftShort(mangled) ?? mangled) : mangled
                return offset == 0 ? name : name + "+0x" + String(offset, radix: 16)
            }
        }
        return nil
    }

    /// The address a user typed: "0x40001000", "40001000", "main",
    /// "main+0x10" or "main+16".
    public func address(of text: String) -> UInt64? {
        var name = Substring(text), offset: UInt64 = 0
        if let plus = text.firstIndex(of: "+") {
            name = text[..<plus]
            guard let o = parseNumber(text[text.index(after: plus)...]) else { return nil }
            offset = o
        }
        for image in images {
            if let s = image.symbol(named: String(name)) { return s.value &+ offset }
        }
        // A Swift function by its demangled name, or its base name alone
        // ("handleExit" for Hypervisor.handleExit(_:code:cpu:)).
        for image in images {
            for s in image.symbols {
                guard let short = demangleSwiftShort(s.name) else { continue }
                if short == name || short.hasPrefix(name + "(") || short.contains("." + name + "(") {
                    return s.value &+ offset
                }
            }
        }
        if offset == 0, let a = parseNumber(Substring(text)) { return a }
        return nil
    }
}

/// "0x1f" (hex) or "31" (decimal).
public func parseNumber(_ s: Substring) -> UInt64? {
    let t = s.trimmingCharacters(in: " ")
    if t.hasPrefix("0x") || t.hasPrefix("0X") { return UInt64(t.dropFirst(2), radix: 16) }
    return UInt64(t)
}

extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
