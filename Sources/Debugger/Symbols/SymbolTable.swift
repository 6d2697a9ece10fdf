import ELF

/// The symbols of every loaded ELF (the guest's and, under --hyp, the
/// hypervisor's), for listings, prompts, breakpoints and traces.
public final class SymbolTable {
    public let images: [ELFImage]
    /// Exact address -> first symbol name there (for listing headers).
    private var starts: [UInt64: String] = [:]

    public init(images: [ELFImage]) {
        self.images = images
        for image in images {
            for s in image.symbols where starts[s.value] == nil { starts[s.value] = s.name }
        }
    }

    /// The symbol that starts at `address`, if any.
    public func exactName(at address: UInt64) -> String? { starts[address] }

    /// "main", "main+0x10" (llvm-objdump's spelling), or nil.
    public func describe(_ address: UInt64) -> String? {
        for image in images {
            if let (name, offset) = image.symbolize(address) {
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
