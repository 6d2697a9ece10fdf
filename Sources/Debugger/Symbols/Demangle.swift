#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Swift runtime's demangler (libswiftCore exports it on Linux):
/// `char *swift_demangle(const char *mangledName, size_t mangledNameLength,
/// char *outputBuffer, size_t *outputBufferSize, uint32_t flags)`. With no
/// output buffer it returns a malloc'ed string (or NULL); `flags` must be 0.
@_silgen_name("swift_demangle")
private func _swiftDemangle(_ mangledName: UnsafePointer<CChar>?, _ mangledNameLength: Int,
                            _ outputBuffer: UnsafeMutablePointer<CChar>?,
                            _ outputBufferSize: UnsafeMutablePointer<Int>?,
                            _ flags: UInt32) -> UnsafeMutablePointer<CChar>?

/// The prefixes of Swift-mangled symbol names: `$s` (Swift 5 and later),
/// `$e` (Embedded Swift, such as the hypervisor's), `$S` (Swift 4.2), `_T0`
/// (Swift 4), each also with the leading underscore of some object formats.
private let mangledPrefixes = ["$s", "$e", "$S", "_$s", "_$e", "_$S", "_T0"]

/// The full demangling of a Swift symbol name
/// ("Hypervisor.handleExit(_: Hypervisor.VCPU, code: Swift.UInt64, cpu: Swift.Int) -> Swift.Bool"
/// for "$e10Hypervisor10handleExit_4code3cpuSbAA4VCPUC_s6UInt64VSitF"), or
/// nil for a name that is not Swift-mangled (a C symbol) or that the
/// runtime cannot demangle.
public func demangleSwift(_ name: String) -> String? {
    guard mangledPrefixes.contains(where: { name.hasPrefix($0) }) else { return nil }
    // A NUL-terminated copy: despite the length argument, the runtime runs
    // strlen over the name (isSwiftSymbol), past the end of a bare buffer.
    guard let out = name.withCString({ _swiftDemangle($0, name.utf8.count, nil, nil, 0) }) else { return nil }
    defer { free(out) }
    let text = String(cString: out)
    // The runtime gives the name back unchanged when it is not valid.
    return text == name || text.isEmpty ? nil : text
}

/// A compact demangling for prompts and traces: the entity's qualified
/// name with argument labels, without types, return types, private
/// discriminators or specialization details. For example
///
///     Hypervisor.handleExit(_:code:cpu:)
///     Hypervisor.Maintenance.cleanToPoC(page:)             (a static method)
///     Hypervisor.VCPU.cachesEnabled.getter
///     implicit closure #2 in Hypervisor.handleExit(_:code:cpu:)
///     specialized Hypervisor.Hypervisor.trace(_:)
///
/// nil when `demangleSwift` gives nil. The runtime's demangler has no
/// simplified mode (that is only in the toolchain's libswiftDemangle), so
/// this works on the text of the full demangling, bracket by bracket.
public func demangleSwiftShort(_ name: String) -> String? {
    guard let full = demangleSwift(name) else { return nil }
    return SwiftNameShortener.shorten(full)
}

/// The text rewriting behind `demangleSwiftShort` (on the demangler's
/// output, which is ASCII apart from Unicode identifiers).
enum SwiftNameShortener {
    typealias Bytes = ArraySlice<UInt8>

    static func shorten(_ full: String) -> String {
        var b = Array(full.utf8)
        b = removePrivateDiscriminators(b)
        b = remove(Array("(extension in ".utf8), through: UInt8(ascii: ":"), in: b)
        b = replaceSpecializations(b)
        var suffix: [UInt8] = []
        if let r = find(Array(" with unmangled suffix ".utf8), in: b[...]) {
            // "f() -> () with unmangled suffix ".cold.1"" -> "f().cold.1"
            var s = Array(b[r.upperBound...])
            s.removeAll { $0 == UInt8(ascii: "\"") }
            suffix = s
            b.removeSubrange(r.lowerBound...)
        }
        return String(decoding: entity(b[...]) + suffix, as: UTF8.self)
    }

    // MARK: one entity ("A in B in C")

    static func entity(_ s: Bytes) -> [UInt8] {
        let witness = Array("protocol witness for ".utf8)
        if s.starts(with: witness) {
            // "protocol witness for P.m(...) -> R in conformance T : P in M"
            // -> "protocol witness for P.m(labels) in conformance T"
            let rest = s.dropFirst(witness.count)
            if let r = findTopLevel(Array(" in conformance ".utf8), in: rest) {
                var type = rest[r.upperBound...]
                if let colon = findTopLevel(Array(" : ".utf8), in: type) { type = type[..<colon.lowerBound] }
                return witness + part(rest[..<r.lowerBound]) + Array(" in conformance ".utf8) + Array(type)
            }
        }
        var out: [UInt8] = []
        var rest = s
        while true {
            if let r = findTopLevel(Array(" in ".utf8), in: rest) {
                out += part(rest[..<r.lowerBound]) + Array(" in ".utf8)
                rest = rest[r.upperBound...]
            } else {
                return out + part(rest)
            }
        }
    }

    /// One link of the chain: a closure or local function ("closure #1
    /// (Swift.Int) -> ()" -> "closure #1"), or a named entity with its
    /// prefixes ("merged static X.f(a: T) -> R" -> "X.f(a:)").
    static func part(_ s: Bytes) -> [UInt8] {
        var s = s
        var out: [UInt8] = []
        // Prefixes, in any order: some go, some stay, specializations
        // become "specialized ".
        prefixes: while true {
            for drop in ["merged ", "static "] where s.starts(with: Array(drop.utf8)) {
                s = s.dropFirst(drop.utf8.count)
                continue prefixes
            }
            for keep in ["partial apply forwarder for ", "@objc ", "specialized "] where s.starts(with: Array(keep.utf8)) {
                if !out.ends(with: Array(keep.utf8)) { out += s.prefix(keep.utf8.count) }
                s = s.dropFirst(keep.utf8.count)
                continue prefixes
            }
            break
        }
        // A closure or local function: "NAME #N TYPE".
        if let hash = localIndex(s) {
            return out + Array(s[..<hash])
        }
        return out + named(s)
    }

    /// For "closure #1 (T) -> R" the index just after "#1" when a type
    /// follows it.
    static func localIndex(_ s: Bytes) -> Int? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "#"), i > s.startIndex, s[i - 1] == UInt8(ascii: " ") {
                var j = i + 1
                while j < s.endIndex, isDigit(s[j]) { j += 1 }
                if j > i + 1, j + 1 < s.endIndex, s[j] == UInt8(ascii: " "),
                   s[j + 1] == UInt8(ascii: "(") || s[j + 1] == UInt8(ascii: "@") {
                    return j
                }
            }
            i += 1
        }
        return nil
    }

    /// "Module.Type.name<A where ...>(label: T, U) throws -> R" ->
    /// "Module.Type.name<A>(label:_:)"; "Module.Type.v.getter : T" ->
    /// "Module.Type.v.getter". Text before the name ("type metadata for ",
    /// "outlined copy of ") stays.
    static func named(_ s: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        let keyword = Array("static ".utf8)
        while i < s.endIndex {
            let c = s[i]
            if c == keyword[0], i == s.startIndex || s[i - 1] == UInt8(ascii: " "), s[i...].starts(with: keyword) {
                i += keyword.count   // "outlined ... of static X.y.getter"
                continue
            }
            if c == UInt8(ascii: " "), s[i...].starts(with: Array(" : ".utf8)) {
                return out   // the type of a variable or accessor
            }
            if c == UInt8(ascii: "<"), opensAngle(s, at: i), let close = matching(s, open: i) {
                // Generic parameters of the name: keep them, not their
                // requirements.
                var inner = s[(i + 1)..<close]
                if let w = findTopLevel(Array(" where ".utf8), in: inner) { inner = inner[..<w.lowerBound] }
                else if inner.starts(with: Array("where ".utf8)) { inner = inner[inner.endIndex...] }
                while inner.last == UInt8(ascii: " ") { inner = inner.dropLast() }
                if !inner.isEmpty { out += [UInt8(ascii: "<")] + Array(inner) + [UInt8(ascii: ">")] }
                i = close + 1
                continue
            }
            if c == UInt8(ascii: "("), i > s.startIndex, opensParameters(s[i - 1]),
               let close = matching(s, open: i) {
                // The parameter list: its labels. What follows (return
                // type, throws, async) goes.
                return out + labels(s[(i + 1)..<close])
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// "(_: A, code: B, C)" -> "(_:code:_:)"; "()" stays.
    static func labels(_ params: Bytes) -> [UInt8] {
        guard !params.isEmpty else { return Array("()".utf8) }
        var out: [UInt8] = [UInt8(ascii: "(")]
        for p in splitTopLevel(params) {
            var j = p.startIndex
            while j < p.endIndex, isIdentifier(p[j]) { j += 1 }
            if j > p.startIndex, p[j...].starts(with: Array(": ".utf8)) {
                out += Array(p[..<j])
            } else {
                out.append(UInt8(ascii: "_"))
            }
            out.append(UInt8(ascii: ":"))
        }
        out.append(UInt8(ascii: ")"))
        return out
    }

    // MARK: brackets

    /// A "(" opens a parameter list after a name ("f(", "init(", "f<A>(",
    /// "+ infix(", "subscript("), not after a space ("for (A, B)").
    static func opensParameters(_ before: UInt8) -> Bool {
        isIdentifier(before) || before == UInt8(ascii: ">") || before == UInt8(ascii: "`")
    }

    /// A "<" opens generic arguments after a name ("Array<", "f<"); after a
    /// dot or a space it is an operator ("Swift.Int.< infix", "..<").
    static func opensAngle(_ s: Bytes, at i: Int) -> Bool {
        i > s.startIndex && (isIdentifier(s[i - 1]) || s[i - 1] == UInt8(ascii: "]") || s[i - 1] == UInt8(ascii: ")"))
    }

    /// The index of the bracket that closes the one at `open`.
    static func matching(_ s: Bytes, open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < s.endIndex {
            switch s[i] {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "<"):
                if i == open || opensAngle(s, at: i) { depth += 1 }
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return i }
            case UInt8(ascii: ">"):
                // Not the arrow of a function type.
                if i > s.startIndex, s[i - 1] == UInt8(ascii: "-") { break }
                depth -= 1
                if depth == 0 { return i }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The first occurrence of `needle` in `s` outside brackets.
    static func findTopLevel(_ needle: [UInt8], in s: Bytes) -> Range<Int>? {
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if depth == 0, c == needle[0], s[i...].starts(with: needle) { return i..<(i + needle.count) }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "<") where opensAngle(s, at: i): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: ">") where !(i > s.startIndex && s[i - 1] == UInt8(ascii: "-")) && depth > 0:
                depth -= 1
            default: break
            }
            i += 1
        }
        return nil
    }

    /// `s` split at its top-level ", ".
    static func splitTopLevel(_ s: Bytes) -> [Bytes] {
        var parts: [Bytes] = []
        var rest = s
        while let r = findTopLevel(Array(", ".utf8), in: rest) {
            parts.append(rest[..<r.lowerBound])
            rest = rest[r.upperBound...]
        }
        parts.append(rest)
        return parts
    }

    // MARK: whole-text rewrites

    /// "(name in _0123...CDEF)" -> "name": the file-private discriminator.
    static func removePrivateDiscriminators(_ b: [UInt8]) -> [UInt8] {
        let marker = Array(" in _".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "("), let end = privateName(b, at: i) {
                out += b[(i + 1)..<end.nameEnd]
                i = end.close + 1
                continue
            }
            out.append(b[i])
            i += 1
        }
        return out

        func privateName(_ b: [UInt8], at open: Int) -> (nameEnd: Int, close: Int)? {
            var j = open + 1
            while j < b.count, b[j] != UInt8(ascii: " "), b[j] != UInt8(ascii: ")"), b[j] != UInt8(ascii: "(") { j += 1 }
            guard j > open + 1, b[j...].starts(with: marker) else { return nil }
            var k = j + marker.count
            while k < b.count, isHexDigit(b[k]) { k += 1 }
            guard k > j + marker.count, k < b.count, b[k] == UInt8(ascii: ")") else { return nil }
            return (j, k)
        }
    }

    /// "generic specialization <Swift.Int> of X" -> "specialized X", and
    /// the other kinds of specialization. Done before anything counts
    /// brackets, since a function signature specialization's need not
    /// balance ("<Arg[0] = [Closure Propagated : $e..., Argument Types :
    /// [...]> of"): each ends at the first "> of ".
    static func replaceSpecializations(_ b: [UInt8]) -> [UInt8] {
        let kinds = ["function signature specialization <", "generic specialization <",
                     "generic not re-abstracted specialization <", "generic partial specialization <",
                     "generic pre-specialization <"].map { Array($0.utf8) }
        let close = Array("> of ".utf8), specialized = Array("specialized ".utf8)
        var out: [UInt8] = []
        var i = 0
        scan: while i < b.count {
            for kind in kinds where b[i] == kind[0] && b[i...].starts(with: kind) {
                if let end = find(close, in: b[(i + kind.count)...]) {
                    out += specialized
                    i = end.upperBound
                    continue scan
                }
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    /// Removes every "(extension in Swift):" (from `prefix` through `end`).
    static func remove(_ prefix: [UInt8], through end: UInt8, in b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == prefix[0], b[i...].starts(with: prefix),
               let close = b[(i + prefix.count)...].firstIndex(of: UInt8(ascii: ")")),
               close + 1 < b.count, b[close + 1] == end {
                i = close + 2
                continue
            }
            out.append(b[i])
            i += 1
        }
        return out
    }

    static func find(_ needle: [UInt8], in s: Bytes) -> Range<Int>? {
        var i = s.startIndex
        while i + needle.count <= s.endIndex {
            if s[i...].starts(with: needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    // MARK: characters

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
    /// Letters, digits, "_" and the bytes of non-ASCII identifiers.
    static func isIdentifier(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c >= 0x80
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
