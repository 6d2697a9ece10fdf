import XCTest
@testable import Debugger

/// Reads the element structure of target.xml with a minimal XML tokenizer
/// (no Foundation XMLParser on every platform), checking nesting as it goes.
struct GDBMiniXML {
    struct Element { var name: String; var attributes: [String: String]; var parents: [String] }
    var elements: [Element] = []

    init(_ text: String) throws {
        struct Malformed: Error { let why: String }
        var stack: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { throw Malformed(why: "unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("?") || tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                guard stack.popLast() == String(tag.dropFirst()) else { throw Malformed(why: "mismatched </\(tag)>") }
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            let body = selfClosing ? tag.dropLast() : tag
            let name = String(body.prefix { $0 != " " && $0 != "\n" })
            var attributes: [String: String] = [:]
            var scan = body.dropFirst(name.count)
            while let eq = scan.firstIndex(of: "=") {
                let key = String(scan[..<eq].filter { $0 != " " && $0 != "\n" })
                let afterEq = scan[scan.index(after: eq)...]
                guard afterEq.first == "\"", let end = afterEq.dropFirst().firstIndex(of: "\"") else {
                    throw Malformed(why: "unquoted attribute in <\(tag)>")
                }
                guard attributes[key] == nil else { throw Malformed(why: "duplicate attribute \(key)") }
                attributes[key] = GDBMiniXML.unescape(afterEq[afterEq.index(after: afterEq.startIndex)..<end])
                scan = afterEq[afterEq.index(after: end)...]
            }
            elements.append(Element(name: name, attributes: attributes, parents: stack))
            if !selfClosing { stack.append(name) }
        }
        guard stack.isEmpty else { throw Malformed(why: "unclosed <\(stack.last!)>") }
    }

    static func unescape(_ s: Substring) -> String {
        let entities = ["lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&"]
        var out = ""
        var rest = s
        while let amp = rest.firstIndex(of: "&"), let semi = rest[amp...].firstIndex(of: ";") {
            out += rest[..<amp]
            out += entities[String(rest[rest.index(after: amp)..<semi])] ?? "?"
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}

final class GDBTargetDescriptionTests: XCTestCase {
    let names = ["SCTLR_EL1", "TTBR0_EL1", "A<&>\"'"]

    func regs(_ xml: GDBMiniXML) -> [(name: String, number: Int, bits: Int, type: String?, feature: String)] {
        var features: [String] = []
        var out: [(String, Int, Int, String?, String)] = []
        var next = 0
        for e in xml.elements {
            if e.name == "feature" { features.append(e.attributes["name"]!) }
            guard e.name == "reg" else { continue }
            // GDB numbers a register without regnum one past the previous ("G.2 Target Description Format").
            let number = e.attributes["regnum"].map { Int($0)! } ?? next
            next = number + 1
            out.append((e.attributes["name"]!, number, Int(e.attributes["bitsize"]!)!, e.attributes["type"], features.last!))
        }
        return out
    }

    func testRegisterNumbersAndSizes() throws {
        let layout = GDBRegisters(systemRegisterNames: names)
        let xml = try GDBMiniXML(layout.targetXML)
        let r = regs(xml)
        XCTAssertEqual(r.count, 68 + names.count)
        XCTAssertEqual(r.map(\.number), Array(0..<(68 + names.count)))
        for (i, reg) in r.enumerated() {
            XCTAssertEqual(reg.bits, layout.size(of: i)! * 8, "bitsize of \(reg.name) matches p/g")
        }
        XCTAssertEqual(r[0].name, "x0")
        XCTAssertEqual(r[30].name, "x30")
        XCTAssertEqual(r[31].name, "sp")
        XCTAssertEqual(r[32].name, "pc")
        XCTAssertEqual(r[32].type, "code_ptr")
        XCTAssertEqual(r[33].name, "cpsr")
        XCTAssertEqual(r[33].bits, 32)
        XCTAssertEqual(r[34].name, "v0")
        XCTAssertEqual(r[65].name, "v31")
        XCTAssertEqual(r[65].type, "aarch64v")
        XCTAssertEqual(r[66].name, "fpsr")
        XCTAssertEqual(r[67].name, "fpcr")
        XCTAssertEqual(r[68].name, "SCTLR_EL1")
        XCTAssertEqual(r[70].name, "A<&>\"'", "names are XML-escaped and read back intact")
        XCTAssertEqual(Set(r[0...33].map(\.feature)), ["org.gnu.gdb.aarch64.core"])
        XCTAssertEqual(Set(r[34...67].map(\.feature)), ["org.gnu.gdb.aarch64.fpu"])
        XCTAssertEqual(Set(r[68...].map(\.feature)), ["org.qemu.gdb.aarch64.sysregs"])
        XCTAssertNil(layout.size(of: 71))
        XCTAssertNil(layout.size(of: -1))
    }

    func testArchitectureAndVectorUnion() throws {
        let text = GDBRegisters(systemRegisterNames: []).targetXML
        XCTAssertTrue(text.contains("<architecture>aarch64</architecture>"))
        XCTAssertFalse(text.contains("sysregs"), "no empty feature without system registers")
        let xml = try GDBMiniXML(text)
        XCTAssertEqual(xml.elements.filter { $0.name == "reg" }.count, 68)
        // The union GDB's aarch64-fpu.xml declares: every type a field uses is declared first.
        var declared: Set<String> = ["ieee_double", "ieee_single", "ieee_half", "bfloat16", "uint128", "int128",
                                     "uint64", "int64", "uint32", "int32", "uint16", "int16", "uint8", "int8"]
        var unionFields: [String: [String]] = [:]
        for e in xml.elements {
            switch e.name {
            case "vector":
                XCTAssertTrue(declared.contains(e.attributes["type"]!), e.attributes["id"]!)
                declared.insert(e.attributes["id"]!)
            case "union":
                declared.insert(e.attributes["id"]!)
            case "field" where e.parents.last == "union":
                XCTAssertTrue(declared.contains(e.attributes["type"]!), e.attributes["type"]!)
            default: break
            }
        }
        var current = ""
        for e in xml.elements {
            if e.name == "union" { current = e.attributes["id"]! }
            if e.name == "field", e.parents.last == "union" { unionFields[current, default: []].append(e.attributes["name"]!) }
        }
        XCTAssertEqual(unionFields["aarch64v"], ["d", "s", "h", "b", "q"])
        XCTAssertEqual(unionFields["vnd"], ["f", "u", "s"])
        XCTAssertEqual(unionFields["vnh"], ["bf", "f", "u", "s"])
        XCTAssertEqual(unionFields["vnq"], ["u", "s"])
    }
}
