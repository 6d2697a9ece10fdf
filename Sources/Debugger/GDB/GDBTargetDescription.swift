/// The register numbering GDB uses with us and the target description that
/// declares it (GDB manual, appendix "Target Descriptions": "Target
/// Description Format" and "Standard Target Features", "AArch64 Features"). One list
/// drives both, so `p`/`g` and the XML cannot disagree.
public struct GDBRegisters {
    public static let sp = 31
    public static let pc = 32
    public static let cpsr = 33
    public static let firstVector = 34
    public static let fpsr = 66
    public static let fpcr = 67
    public static let firstSystem = 68
    /// The registers a `g` packet carries: core and fpu. System registers are
    /// read one at a time with `p`; GDB learns that from the `g` reply being
    /// shorter than the description ("Packets", `g`).
    public static let gPacketCount = firstSystem

    public let systemRegisterNames: [String]

    public init(systemRegisterNames: [String]) { self.systemRegisterNames = systemRegisterNames }

    public var count: Int { GDBRegisters.firstSystem + systemRegisterNames.count }

    /// Size in bytes of register `number`, nil if there is no such register.
    public func size(of number: Int) -> Int? {
        switch number {
        case 0...GDBRegisters.pc: return 8
        case GDBRegisters.cpsr, GDBRegisters.fpsr, GDBRegisters.fpcr: return 4
        case GDBRegisters.firstVector..<GDBRegisters.fpsr: return 16
        case GDBRegisters.firstSystem..<count: return 8
        default: return nil
        }
    }

    /// target.xml, served whole by `qXfer:features:read` ("Packets",
    /// qXfer): one document with the features inline rather than xi:include,
    /// so a single annex is enough.
    public var targetXML: String {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE target SYSTEM "gdb-target.dtd">
            <target version="1.0">
            <architecture>aarch64</architecture>

            """
        xml += GDBRegisters.coreFeature
        xml += GDBRegisters.fpuFeature
        if !systemRegisterNames.isEmpty {
            // QEMU's feature name for the same purpose; GDB shows any feature
            // it does not know as plain registers ("Standard Target Features").
            xml += "<feature name=\"org.qemu.gdb.aarch64.sysregs\">\n"
            for (i, name) in systemRegisterNames.enumerated() {
                xml += "  <reg name=\"\(GDBRegisters.xmlEscaped(name))\" bitsize=\"64\" regnum=\"\(GDBRegisters.firstSystem + i)\" type=\"uint64\" group=\"system\"/>\n"
            }
            xml += "</feature>\n"
        }
        return xml + "</target>\n"
    }

    /// org.gnu.gdb.aarch64.core as GDB's own aarch64-core.xml declares it:
    /// x0-x30, sp, pc, cpsr with its flag fields.
    static let coreFeature: String = {
        var xml = """
            <feature name="org.gnu.gdb.aarch64.core">
              <flags id="cpsr_flags" size="4">
                <field name="SP" start="0" end="0"/>
                <field name="EL" start="2" end="3"/>
                <field name="nRW" start="4" end="4"/>
                <field name="F" start="6" end="6"/>
                <field name="I" start="7" end="7"/>
                <field name="A" start="8" end="8"/>
                <field name="D" start="9" end="9"/>
                <field name="BTYPE" start="10" end="11"/>
                <field name="SSBS" start="12" end="12"/>
                <field name="IL" start="20" end="20"/>
                <field name="SS" start="21" end="21"/>
                <field name="PAN" start="22" end="22"/>
                <field name="UAO" start="23" end="23"/>
                <field name="DIT" start="24" end="24"/>
                <field name="TCO" start="25" end="25"/>
                <field name="V" start="28" end="28"/>
                <field name="C" start="29" end="29"/>
                <field name="Z" start="30" end="30"/>
                <field name="N" start="31" end="31"/>
              </flags>

            """
        for i in 0...30 {
            xml += "  <reg name=\"x\(i)\" bitsize=\"64\" type=\"int\" regnum=\"\(i)\"/>\n"
        }
        xml += """
              <reg name="sp" bitsize="64" type="data_ptr" regnum="\(sp)"/>
              <reg name="pc" bitsize="64" type="code_ptr" regnum="\(pc)"/>
              <reg name="cpsr" bitsize="32" type="cpsr_flags" regnum="\(cpsr)"/>
            </feature>

            """
        return xml
    }()

    /// org.gnu.gdb.aarch64.fpu as GDB's own aarch64-fpu.xml declares it: the
    /// `aarch64v` union of the d/s/h/b/q views, each a union of float,
    /// unsigned and signed vectors, so `p $v0` prints `{d = {f = ..., u = ...}, ...}`.
    static let fpuFeature: String = {
        var xml = """
            <feature name="org.gnu.gdb.aarch64.fpu">
              <vector id="v2d" type="ieee_double" count="2"/>
              <vector id="v2u" type="uint64" count="2"/>
              <vector id="v2i" type="int64" count="2"/>
              <vector id="v4f" type="ieee_single" count="4"/>
              <vector id="v4u" type="uint32" count="4"/>
              <vector id="v4i" type="int32" count="4"/>
              <vector id="v8f" type="ieee_half" count="8"/>
              <vector id="v8u" type="uint16" count="8"/>
              <vector id="v8i" type="int16" count="8"/>
              <vector id="v8bf16" type="bfloat16" count="8"/>
              <vector id="v16u" type="uint8" count="16"/>
              <vector id="v16i" type="int8" count="16"/>
              <vector id="v1u" type="uint128" count="1"/>
              <vector id="v1i" type="int128" count="1"/>
              <union id="vnd">
                <field name="f" type="v2d"/>
                <field name="u" type="v2u"/>
                <field name="s" type="v2i"/>
              </union>
              <union id="vns">
                <field name="f" type="v4f"/>
                <field name="u" type="v4u"/>
                <field name="s" type="v4i"/>
              </union>
              <union id="vnh">
                <field name="bf" type="v8bf16"/>
                <field name="f" type="v8f"/>
                <field name="u" type="v8u"/>
                <field name="s" type="v8i"/>
              </union>
              <union id="vnb">
                <field name="u" type="v16u"/>
                <field name="s" type="v16i"/>
              </union>
              <union id="vnq">
                <field name="u" type="v1u"/>
                <field name="s" type="v1i"/>
              </union>
              <union id="aarch64v">
                <field name="d" type="vnd"/>
                <field name="s" type="vns"/>
                <field name="h" type="vnh"/>
                <field name="b" type="vnb"/>
                <field name="q" type="vnq"/>
              </union>

            """
        for i in 0..<32 {
            xml += "  <reg name=\"v\(i)\" bitsize=\"128\" type=\"aarch64v\" regnum=\"\(firstVector + i)\"/>\n"
        }
        xml += """
              <reg name="fpsr" bitsize="32" type="int" regnum="\(fpsr)"/>
              <reg name="fpcr" bitsize="32" type="int" regnum="\(fpcr)"/>
            </feature>

            """
        return xml
    }()

    /// Register names come from the machine; keep them from breaking the XML.
    static func xmlEscaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
